"""The facilitator's werving (recruitment) page: features, population figures, invitations and the pool.

Facilitators of the edition's district may view it in any phase; changes need the phase to open
``Action.RECRUIT_PANEL``. Each POST calls one service and redirects back with a message.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts.models import User
from common.errors import ServiceError
from editions.decorators import Gate, Task, edition_action
from editions.models import Edition
from editions.permissions import can, phases_opening
from editions.phases import Action
from outreach.views import destroy_letters_file, download_letters_file

from ...models import Feature, FeatureValue, PanelSetup
from ..features import feature_name, value_label
from ..forms import FeatureForm, InvitationForm, PoolImportForm
from ..selectors import pool_overview
from ..services.features import add_feature, ensure_default_features, set_population_figures
from ..services.invitations import destroy_invitation_letters, open_invitation_letters, send_invitations
from ..services.pool_import import import_pool

RECRUITMENT_TASK = Task(_lazy("Panel recruitment"), order=50, offered_with=Action.SIGN_UP_FOR_PANEL)


def manage_url(edition: Edition) -> str:
    return reverse("deliberation:recruitment", kwargs={"slug": edition.slug})


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


def _recruiting(request: HttpRequest, edition: Edition) -> User:
    """The facilitator, in an edition that residents sign up for (published, with a panel); else 404."""
    if not edition.is_published or not phases_opening(edition, Action.SIGN_UP_FOR_PANEL):
        raise Http404
    assert isinstance(request.user, User)
    return request.user


@edition_action(Action.RECRUIT_PANEL, gate=Gate.ROLES, task=RECRUITMENT_TASK)
@require_GET
def manage(request: HttpRequest, edition: Edition) -> HttpResponse:
    _recruiting(request, edition)
    if can(request.user, Action.RECRUIT_PANEL, edition):
        ensure_default_features(edition)
    return _render(request, edition)


@edition_action(Action.RECRUIT_PANEL)
@require_POST
def new_feature(request: HttpRequest, edition: Edition) -> HttpResponse:
    user = _recruiting(request, edition)
    form = FeatureForm(request.POST)
    if form.is_valid():
        try:
            feature = add_feature(
                edition=edition,
                name=form.cleaned_data["name"],
                values=form.cleaned_data["values"],
                translations=form.cleaned_translations(),
                by=user,
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The feature “%(name)s” was added.") % {"name": feature.name})
            return redirect(manage_url(edition))
    return _render(request, edition, status=400, feature_form=form)


@edition_action(Action.RECRUIT_PANEL)
@require_POST
def population(request: HttpRequest, edition: Edition) -> HttpResponse:
    user = _recruiting(request, edition)
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


@edition_action(Action.RECRUIT_PANEL)
@require_POST
def invite(request: HttpRequest, edition: Edition) -> HttpResponse:
    user = _recruiting(request, edition)
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


@edition_action(Action.RECRUIT_PANEL, gate=Gate.ROLES)
@require_GET
def download_letters(request: HttpRequest, edition: Edition, batch: int) -> HttpResponseBase:
    user = _recruiting(request, edition)
    return download_letters_file(
        request,
        open_file=lambda: open_invitation_letters(edition=edition, batch=batch, by=user),
        filename=f"uitnodigingen-{edition.slug}-{batch}.pdf",
        back_to=manage_url(edition),
    )


@edition_action(Action.RECRUIT_PANEL, gate=Gate.ROLES)
@require_POST
def destroy_letters(request: HttpRequest, edition: Edition, batch: int) -> HttpResponse:
    user = _recruiting(request, edition)
    return destroy_letters_file(
        request,
        destroy=lambda: destroy_invitation_letters(edition=edition, batch=batch, by=user),
        back_to=manage_url(edition),
    )


@edition_action(Action.RECRUIT_PANEL)
@require_POST
def pool_file(request: HttpRequest, edition: Edition) -> HttpResponse:
    """Add the people of a CSV file to the pool (paper sign-ups, a recruitment partner): all or nothing."""
    user = _recruiting(request, edition)
    form = PoolImportForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            added = import_pool(
                edition=edition, by=user, file=data["file"], consent_confirmed=data["consent"]
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
