"""The facilitator's pages: quotas and panel size, the draw, publication, and replacing members."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from common.errors import ServiceError
from editions.models import Edition
from editions.permissions import can, holds_action_roles
from editions.phases import Action

from .. import selectors
from ..forms import ALGORITHM_HELP, DrawForm, PanelSetupForm, ReplaceForm, ValueQuotaForm
from ..models import MemberStatus, PanelMember
from ..services.draw import publish_draw, queue_draw, replace_member
from ..services.quotas import features_of, may_set_quotas, panel_setup_of, update_panel_setup


def edition_or_404(slug: str) -> Edition:
    edition = Edition.objects.select_related("district").prefetch_related("phases").filter(slug=slug).first()
    if edition is None:
        raise Http404
    return edition


def _facilitator_edition(request: HttpRequest, slug: str) -> tuple[Edition, User]:
    """The edition, if the user is a facilitator (gespreksleider) of its district."""
    edition = edition_or_404(slug)
    user = request.user
    if not isinstance(user, User) or not user.is_active:
        raise PermissionDenied
    if not holds_action_roles(user, Action.DRAW_PANEL, edition):
        raise PermissionDenied
    return edition, user


def _draw_url(edition: Edition) -> str:
    return reverse("deliberation:draw", kwargs={"slug": edition.slug})


@login_required
@require_http_methods(["GET", "POST"])
def draw(request: HttpRequest, slug: str) -> HttpResponse:
    """The pool against the quotas, the draw button, the result or its problems, and the members."""
    edition, user = _facilitator_edition(request, slug)
    form = DrawForm(request.POST if request.POST.get("action") == "draw" else None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "publish":
                page = selectors.draw_page(edition)
                if page.current is None:
                    raise Http404
                publish_draw(draw=page.current, by=user)
                messages.success(request, _("The panel has been published."))
                return redirect(_draw_url(edition))
            if form.is_valid():
                queue_draw(edition=edition, by=user, seed=form.cleaned_data["seed"])
                messages.success(
                    request, _("The draw has started. This page shows the panel when it is done.")
                )
                return redirect(_draw_url(edition))
        except ServiceError as error:
            messages.error(request, error.message)
            return redirect(_draw_url(edition))
    page = selectors.draw_page(edition)
    can_facilitate = can(user, Action.FACILITATE_PANEL, edition)
    current = page.current
    return render(
        request,
        "deliberation/draw.html",
        {
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
            "can_draw": can(user, Action.DRAW_PANEL, edition) and not (current and current.published_at),
            "can_publish": bool(current and not current.published_at)
            and (can(user, Action.DRAW_PANEL, edition) or can_facilitate),
            "can_facilitate": can_facilitate,
            "can_set_quotas": may_set_quotas(user, edition),
        },
    )


@login_required
@require_POST
def replace(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A member dropped out: record it and draw a replacement."""
    edition, user = _facilitator_edition(request, slug)
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
        new = replace_member(member=member, reason=str(reason)[:200], by=user)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(old)s has dropped out; %(new)s has been drawn as a replacement.")
            % {"old": member.pool_id, "new": new.pool_id},
        )
    return redirect(_draw_url(edition) + "#members")


@login_required
@require_http_methods(["GET", "POST"])
def quotas(request: HttpRequest, slug: str) -> HttpResponse:
    """Panel size, algorithm, and each value's population figure and quota."""
    edition, user = _facilitator_edition(request, slug)
    setup = panel_setup_of(edition)
    features = features_of(edition)
    posted = request.POST if request.method == "POST" else None
    setup_form = PanelSetupForm(
        posted, initial={"panel_size": setup.panel_size, "algorithm": setup.algorithm}
    )
    groups = [
        (feature, [ValueQuotaForm(posted, value=v) for v in feature.values.all()]) for feature in features
    ]
    value_forms = [form for _, forms_ in groups for form in forms_]
    valid = setup_form.is_valid() & all([form.is_valid() for form in value_forms])  # every form's errors
    if posted is not None and valid:
        try:
            update_panel_setup(
                edition=edition,
                by=user,
                panel_size=setup_form.cleaned_data["panel_size"],
                algorithm=setup_form.cleaned_data["algorithm"],
                values=[form.to_quota() for form in value_forms],
            )
        except ServiceError as error:
            setup_form.add_error(None, error.message)
        else:
            messages.success(request, _("The panel size and quotas have been saved."))
            return redirect(_draw_url(edition))
    return render(
        request,
        "deliberation/quotas.html",
        {
            "edition": edition,
            "setup_form": setup_form,
            "groups": groups,
            "value_errors": [e for form in value_forms for e in form.non_field_errors()],
            "algorithm_help": list(ALGORITHM_HELP.items()),
            "can_set_quotas": may_set_quotas(user, edition),
        },
    )
