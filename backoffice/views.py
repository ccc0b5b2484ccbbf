"""The admin page where a district's official extends a phase or closes it early, with a reason."""

from __future__ import annotations

from datetime import datetime
from typing import Any

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
from editions.models import Edition, Phase

from .entries import phase_has_entries
from .forms import EXTEND, PhaseEndForm
from .rules import allows, visible_rows
from .services import close_phase_early, extend_phase


def phase_dates(request: HttpRequest, edition_id: int) -> HttpResponse:
    edition = _changeable_edition(request, edition_id)
    now = timezone.now()
    phases = list(edition.phases.order_by("starts_at"))
    movable = [(p.kind, p.get_kind_display()) for p in phases if p.ends_at > now]
    form = PhaseEndForm(request.POST or None, phases=movable)
    if request.method == "POST" and form.is_valid() and _move_end(request, edition, form):
        messages.success(request, _("The phase's end has changed; the change is in the audit log."))
        return HttpResponseRedirect(request.path)
    return render(request, "backoffice/phase_dates.html", _context(request, edition, form, phases, now))


def _changeable_edition(request: HttpRequest, edition_id: int) -> Edition:
    """The edition, if the admin shows it to this user (else 404) and lets them change it (else 403)."""
    edition: Edition | None = visible_rows(request.user, Edition.objects.all()).filter(pk=edition_id).first()
    if edition is None:
        raise Http404
    if not allows(request.user, Edition, "change", edition):
        raise PermissionDenied
    return edition


def _move_end(request: HttpRequest, edition: Edition, form: PhaseEndForm) -> bool:
    """Extend the phase or close it now; False (and the refusal on the form) when refused."""
    user = request.user
    assert isinstance(user, User)
    data = form.cleaned_data
    try:
        if data["change"] == EXTEND:
            extend_phase(
                edition=edition, kind=data["phase"], ends_at=data["ends_at"], reason=data["reason"], by=user
            )
        else:
            close_phase_early(edition=edition, kind=data["phase"], reason=data["reason"], by=user)
    except ServiceError as error:  # the phase's refusals, and the vote's (closed meanwhile)
        form.add_error(None, error.message)
        return False
    return True


def _context(
    request: HttpRequest, edition: Edition, form: PhaseEndForm, phases: list[Phase], now: datetime
) -> dict[str, Any]:
    return {
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
