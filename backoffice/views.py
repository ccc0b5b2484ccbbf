"""The admin page where a district's official extends a phase or closes it early, with a reason."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin import site
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from common.errors import ServiceError
from editions.models import Edition

from .entries import phase_has_entries
from .forms import EXTEND, PhaseEndForm
from .rules import allows, visible_rows
from .services import close_phase_early, extend_phase


def phase_dates(request: HttpRequest, edition_id: int) -> HttpResponse:
    edition = visible_rows(request.user, Edition.objects.all()).filter(pk=edition_id).first()
    if edition is None:
        raise Http404
    if not allows(request.user, Edition, "change", edition):
        raise PermissionDenied
    assert isinstance(request.user, User)
    now = timezone.now()
    phases = list(edition.phases.order_by("starts_at"))
    movable = [(p.kind, p.get_kind_display()) for p in phases if p.ends_at > now]
    form = PhaseEndForm(request.POST or None, phases=movable)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["change"] == EXTEND:
                ends_at = data["ends_at"]
                ends_at = ends_at if timezone.is_aware(ends_at) else timezone.make_aware(ends_at)
                extend_phase(
                    edition=edition,
                    kind=data["phase"],
                    ends_at=ends_at,
                    reason=data["reason"],
                    by=request.user,
                )
            else:
                close_phase_early(edition=edition, kind=data["phase"], reason=data["reason"], by=request.user)
        except ServiceError as error:  # the phase's refusals, and the vote's (closed meanwhile)
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The phase's end has changed; the change is in the audit log."))
            return HttpResponseRedirect(request.path)
    context = {
        **site.each_context(request),
        "title": _("Extend or close a phase early"),
        "edition": edition,
        "opts": Edition._meta,
        "form": form,
        "rows": [
            {
                "phase": phase,
                "running": phase.starts_at <= now < phase.ends_at,
                "ended": phase.ends_at <= now,
                "has_entries": phase_has_entries(phase),
            }
            for phase in phases
        ],
        "change_url": reverse("admin:editions_edition_change", args=[edition.pk]),
    }
    return render(request, "backoffice/phase_dates.html", context)
