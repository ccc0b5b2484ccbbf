"""The officials' page for a district's postcode table: how many lines it has, and an import."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext

from accounts.models import User
from common.errors import ServiceError
from editions.permissions import may_in_district
from editions.phases import Action
from places.models import District

from .forms import PostcodeTableForm
from .services import import_postcodes


@login_required
def postcode_table(request: HttpRequest, slug: str) -> HttpResponse:
    district = _managed_district(request, slug)
    form = PostcodeTableForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and isinstance(request.user, User):
        try:
            count = import_postcodes(district=district, file=form.cleaned_data["file"], by=request.user)
        except ServiceError as error:
            form.add_error("file", error.message)
        else:
            imported = ngettext("%(count)s line imported.", "%(count)s lines imported.", count)
            messages.success(request, imported % {"count": count})
            return redirect(request.path)
    lines = district.postcode_areas.count()
    context = {"district": district, "form": form, "lines": lines}
    return render(request, "outreach/postcodes/table.html", context)


def _managed_district(request: HttpRequest, slug: str) -> District:
    municipality = settings.BUURTBUDGET_MUNICIPALITY_SLUG
    district = District.objects.filter(municipality__slug=municipality, slug=slug).first()
    if district is None:
        raise Http404
    if not may_in_district(request.user, Action.MANAGE_EDITION, district.pk):
        raise PermissionDenied
    return district
