"""The facilitator's werving (recruitment) page: features, population figures, invitations and the pool.

Facilitators of the edition's district may view it in any phase; changes need the phase to open
``Action.RECRUIT_PANEL``. Each POST calls one service and redirects back with a message.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts.models import User
from common.errors import ServiceError
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from outreach.views import destroy_letters_file, download_letters_file

from ..forms_recruitment import FeatureForm, InvitationForm, PoolImportForm
from ..models import Feature, FeatureValue, PanelSetup
from ..selectors_recruitment import pool_overview
from ..services.pool_import import import_pool
from ..services.recruitment import (
    add_feature,
    destroy_invitation_letters,
    ensure_default_features,
    feature_name,
    open_invitation_letters,
    send_invitations,
    set_population_figures,
    value_label,
)
from .common import facilitator, panel_edition


def manage_url(edition: Edition) -> str:
    return reverse("panel_recruitment:manage", kwargs={"slug": edition.slug})


def _render(
    request: HttpRequest, edition: Edition, *, status: int = 200, **bound: forms.Form
) -> HttpResponse:
    may_recruit = can(request.user, Action.RECRUIT_PANEL, edition)
    features = list(Feature.objects.filter(edition=edition).prefetch_related("values"))
    context: dict[str, Any] = {
        "edition": edition,
        "setup": PanelSetup.objects.filter(edition=edition).first(),
        "may_recruit": may_recruit,
        "features": [
            (feature, feature_name(feature), [(v, value_label(feature.key, v)) for v in feature.values.all()])
            for feature in features
        ],
        "overview": pool_overview(edition),
        "address_count": edition.voting_addresses.count(),
        "feature_form": FeatureForm(),
        "invitation_form": InvitationForm(),
        "pool_form": PoolImportForm(),
        **bound,
    }
    return render(request, "deliberation/recruitment/manage.html", context, status=status)


def _recruiter(request: HttpRequest, edition: Edition) -> User:
    user = facilitator(request, edition)
    if not can(user, Action.RECRUIT_PANEL, edition):
        raise PermissionDenied
    return user


@login_required
@require_GET
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    edition = panel_edition(slug)
    facilitator(request, edition)
    if can(request.user, Action.RECRUIT_PANEL, edition):
        ensure_default_features(edition)
    return _render(request, edition)


@login_required
@require_POST
def new_feature(request: HttpRequest, slug: str) -> HttpResponse:
    edition = panel_edition(slug)
    user = _recruiter(request, edition)
    form = FeatureForm(request.POST)
    if form.is_valid():
        try:
            feature = add_feature(
                edition=edition, name=form.cleaned_data["name"], values=form.cleaned_data["values"], by=user
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The feature “%(name)s” was added.") % {"name": feature.name})
            return redirect(manage_url(edition))
    return _render(request, edition, status=400, feature_form=form)


@login_required
@require_POST
def population(request: HttpRequest, slug: str) -> HttpResponse:
    edition = panel_edition(slug)
    user = _recruiter(request, edition)
    figures: dict[int, int] = {}
    for value_id in FeatureValue.objects.filter(feature__edition=edition).values_list("pk", flat=True):
        raw = request.POST.get(f"population_{value_id}", "").strip().replace(".", "")
        if raw == "":
            continue
        if not raw.isdigit():
            messages.error(request, _("Population figures must be whole numbers."))
            return redirect(manage_url(edition))
        figures[value_id] = int(raw)
    changed = set_population_figures(edition=edition, figures=figures, by=user)
    messages.success(
        request,
        ngettext(
            "%(count)s population figure was saved.", "%(count)s population figures were saved.", changed
        )
        % {"count": changed},
    )
    return redirect(manage_url(edition))


@login_required
@require_POST
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    edition = panel_edition(slug)
    user = _recruiter(request, edition)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            batch = send_invitations(
                edition=edition, count=form.cleaned_data["count"], seed=form.cleaned_data["seed"], by=user
            )
        except ServiceError as error:
            form.add_error("count", error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s invitation letter is ready to download (seed %(seed)s).",
                    "%(count)s invitation letters are ready to download (seed %(seed)s).",
                    batch.count,
                )
                % {"count": batch.count, "seed": batch.seed},
            )
            return redirect(manage_url(edition))
    return _render(request, edition, status=400, invitation_form=form)


@login_required
@require_GET
def download_letters(request: HttpRequest, slug: str, batch: int) -> HttpResponseBase:
    edition = panel_edition(slug)
    user = facilitator(request, edition)
    return download_letters_file(
        request,
        open_file=lambda: open_invitation_letters(edition=edition, batch=batch, by=user),
        filename=f"uitnodigingen-{edition.slug}-{batch}.pdf",
        back_to=manage_url(edition),
    )


@login_required
@require_POST
def destroy_letters(request: HttpRequest, slug: str, batch: int) -> HttpResponse:
    edition = panel_edition(slug)
    user = facilitator(request, edition)
    return destroy_letters_file(
        request,
        destroy=lambda: destroy_invitation_letters(edition=edition, batch=batch, by=user),
        back_to=manage_url(edition),
    )


@login_required
@require_POST
def pool_file(request: HttpRequest, slug: str) -> HttpResponse:
    """Add the people of a CSV file to the pool (paper sign-ups, a recruitment partner): all or nothing."""
    edition = panel_edition(slug)
    user = _recruiter(request, edition)
    form = PoolImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            added = import_pool(
                edition=edition,
                by=user,
                file=form.cleaned_data["file"],
                consent_confirmed=form.cleaned_data["consent"],
            )
        except ServiceError as error:
            form.add_error("consent" if error.code == "pool_consent_required" else "file", error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s person was added to the pool (%(first)s).",
                    "%(count)s people were added to the pool (%(first)s to %(last)s).",
                    added.added,
                )
                % {"count": added.added, "first": added.first_pool_id, "last": added.last_pool_id},
            )
            return redirect(manage_url(edition))
    return _render(request, edition, status=400, pool_form=form)
