"""The population page of a district (officials): the figures now, the last import, and a new import."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.models import User
from common import csv_safe
from common.errors import ServiceError
from editions.permissions import may_in_district
from editions.phases import Action
from places.models import District

from . import selectors
from .forms import PopulationForm
from .services import import_population


def district_for(request: HttpRequest, slug: str) -> District:
    """The district with ``slug`` whose population the user may manage (slugs repeat across
    municipalities: the one where they are an official); 404 without one, 403 when not theirs."""
    districts = list(District.objects.filter(slug=slug).select_related("municipality"))
    if not districts:
        raise Http404
    allowed = [d for d in districts if may_in_district(request.user, Action.EVALUATE, d.pk)]
    if not allowed:
        raise PermissionDenied
    return allowed[0]


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def population(request: HttpRequest, district: str) -> HttpResponse:
    found = district_for(request, district)
    form = PopulationForm(request.POST or None, request.FILES or None)
    status = 200 if request.method != "POST" else 400
    if request.method == "POST" and form.is_valid():
        assert isinstance(request.user, User)
        data = form.cleaned_data
        try:
            done = import_population(district=found, text=data["csv"], source=data["source"], by=request.user)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("The population figures were imported: %(rows)s lines, %(residents)s residents.")
                % {"rows": done.row_count, "residents": done.residents},
            )
            return redirect("evaluation:population", district=found.slug)
    context = {"page": selectors.district_population(found), "form": form}
    return render(request, "evaluation/population/page.html", context, status=status)


@login_required
@require_safe
def population_template(request: HttpRequest, district: str) -> HttpResponse:
    found = district_for(request, district)
    out = io.StringIO()
    writer = csv_safe.writer(out, lineterminator="\n")
    writer.writerow(["neighbourhood", "age_from", "age_to", "gender", "residents"])
    for slug, age_from, age_to, gender, residents in selectors.template_rows(found):
        writer.writerow(
            [slug, age_from, "" if age_to is None else age_to, gender, "" if residents is None else residents]
        )
    response = HttpResponse(out.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bevolking-{found.slug}.csv"'
    return response
