"""The facilitator's pages: quotas and panel size, the draw, publication, and replacing members.

Facilitators of the edition's district may open them in any phase; the services refuse what the
phase does not open.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from common.errors import ServiceError
from editions.decorators import Gate, Task, edition_action
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from ...models import MemberStatus, PanelMember
from .. import selectors
from ..forms import ALGORITHM_HELP, DrawForm, PanelSetupForm, ReplaceForm, ValueQuotaForm
from ..quotas import features_of, panel_setup_of
from ..services.draw import publish_draw
from ..services.queued import queue_draw
from ..services.quotas import may_set_quotas, update_panel_setup
from ..services.replacements import replace_member

DRAW_TASK = Task(_lazy("Panel draw"), order=60, offered_with=Action.SIGN_UP_FOR_PANEL)


def _draw_url(edition: Edition) -> str:
    return reverse("deliberation:draw", kwargs={"slug": edition.slug})


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # the decorator let in only facilitators
    return request.user


def _publish(request: HttpRequest, edition: Edition) -> HttpResponse:
    current = selectors.draw_page(edition).current
    if current is None:
        raise Http404
    publish_draw(draw=current, by=_user(request))
    messages.success(request, _("The panel has been published."))
    return redirect(_draw_url(edition))


def _queue(request: HttpRequest, edition: Edition, form: DrawForm) -> HttpResponse | None:
    if not form.is_valid():
        return None
    queue_draw(edition=edition, by=_user(request), seed=form.cleaned_data["seed"])
    messages.success(request, _("The draw has started. This page shows the panel when it is done."))
    return redirect(_draw_url(edition))


def _draw_context(user: User, edition: Edition, form: DrawForm) -> dict[str, Any]:
    page = selectors.draw_page(edition)
    may_draw, may_facilitate = (
        can(user, Action.DRAW_PANEL, edition),
        can(user, Action.FACILITATE_PANEL, edition),
    )
    current = page.current
    return {
        "edition": edition,
        "page": page,
        "form": form,
        "algorithm_help": ALGORITHM_HELP.get(page.setup.algorithm, ""),
        "quota_rows": selectors.quota_rows_now(current) if current else [],
        "replace_forms": {
            m.pk: ReplaceForm(prefix=f"member-{m.pk}")
            for m in page.members
            if m.status == MemberStatus.ACTIVE
        },
        "can_draw": may_draw and not (current and current.published_at),
        "can_publish": bool(current and not current.published_at) and (may_draw or may_facilitate),
        "can_facilitate": may_facilitate,
        "can_set_quotas": may_set_quotas(user, edition),
    }


@edition_action(Action.DRAW_PANEL, gate=Gate.ROLES, task=DRAW_TASK)
@require_http_methods(["GET", "POST"])
def draw(request: HttpRequest, edition: Edition) -> HttpResponse:
    """The pool against the quotas, the draw button, the result or its problems, and the members."""
    form = DrawForm(request.POST if request.POST.get("action") == "draw" else None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "publish":
                return _publish(request, edition)
            queued = _queue(request, edition, form)
            if queued is not None:
                return queued
        except ServiceError as error:
            messages.error(request, error.message)
            return redirect(_draw_url(edition))
    return render(request, "deliberation/draw.html", _draw_context(_user(request), edition, form))


@edition_action(Action.DRAW_PANEL, gate=Gate.ROLES)
@require_POST
def replace(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    """A member dropped out: record it and draw a replacement."""
    member = (
        PanelMember.objects.select_related("draw", "draw__edition")
        .filter(pk=pk, draw__edition=edition)
        .first()
    )
    if member is None:
        raise Http404
    form = ReplaceForm(request.POST, prefix=f"member-{member.pk}")
    reason = form.data.get(form.add_prefix("reason"), "")
    try:
        new = replace_member(member=member, reason=str(reason)[:200], by=_user(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(old)s has dropped out; %(new)s has been drawn as a replacement.")
            % {"old": member.pool_id, "new": new.pool_id},
        )
    return redirect(_draw_url(edition) + "#members")


def _saved_setup(
    request: HttpRequest, edition: Edition, setup_form: PanelSetupForm, value_forms: list[ValueQuotaForm]
) -> bool:
    """Save the posted size, algorithm and quotas; False (the set-up form says why) when refused."""
    try:
        update_panel_setup(
            edition=edition,
            by=_user(request),
            panel_size=setup_form.cleaned_data["panel_size"],
            algorithm=setup_form.cleaned_data["algorithm"],
            values=[form.to_quota() for form in value_forms],
        )
    except ServiceError as error:
        setup_form.add_error(None, error.message)
        return False
    return True


@edition_action(Action.DRAW_PANEL, gate=Gate.ROLES)
@require_http_methods(["GET", "POST"])
def quotas(request: HttpRequest, edition: Edition) -> HttpResponse:
    """Panel size, algorithm, and each value's population figure and quota."""
    setup = panel_setup_of(edition)
    posted = request.POST if request.method == "POST" else None
    setup_form = PanelSetupForm(
        posted, initial={"panel_size": setup.panel_size, "algorithm": setup.algorithm}
    )
    groups = [
        (feature, [ValueQuotaForm(posted, value=v) for v in feature.values.all()])
        for feature in features_of(edition)
    ]
    value_forms = [form for _, forms_ in groups for form in forms_]
    valid = setup_form.is_valid() & all([form.is_valid() for form in value_forms])  # every form's errors
    if posted is not None and valid and _saved_setup(request, edition, setup_form, value_forms):
        messages.success(request, _("The panel size and quotas have been saved."))
        return redirect(_draw_url(edition))
    context = {"edition": edition, "setup_form": setup_form, "groups": groups}
    context["value_errors"] = [e for form in value_forms for e in form.non_field_errors()]
    context["algorithm_help"] = list(ALGORITHM_HELP.items())
    context["can_set_quotas"] = may_set_quotas(_user(request), edition)
    return render(request, "deliberation/quotas.html", context)
