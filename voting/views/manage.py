"""The vote's management page: address list and register imports, letters, closing the vote early.

Each POST calls one service and redirects back with a message; a refusal re-renders the page with
the message next to the form it concerns, and nothing has changed.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts.models import User
from common.errors import ServiceError
from editions.decorators import Gate, Task, edition_action
from editions.models import Edition
from editions.phases import Action
from editions.timeline import timeline_of
from outreach.models import Address
from voting.sealing import fingerprint

from .. import selectors
from ..forms.manage import BallotBoxForm, CloseVoteForm, ReissueForm
from ..forms.uploads import AddressImportForm, RegisterImportForm
from ..key_sheets import share_sheets_pdf
from ..models import LetterBatch, VoteClosure
from ..services.ballot_box import set_up_ballot_box
from ..services.closing import close_vote_early
from ..services.eligibility import (
    AddressImport,
    RegisterImport,
    decision_phase,
    import_addresses,
    import_register,
    normalise_postcode,
    vote_has_started,
)
from ..services.letters import batch_in_progress, issue_codes, reissue_code

# The writes of the management page: officials of the edition's district, in any phase (the
# services refuse what the phase does not allow, with a message).
management = edition_action(Action.MANAGE_EDITION)


def manage_url(edition: Edition) -> str:
    return reverse("voting:manage", kwargs={"slug": edition.slug})


def official(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def _page(edition: Edition) -> dict[str, Any]:
    timeline = timeline_of(edition)
    return {
        "edition": edition,
        "timeline": timeline,
        "decision": decision_phase(edition),
        "closure": VoteClosure.objects.filter(edition=edition).select_related("closed_by").first(),
        "vote_started": vote_has_started(edition),
        "vote_open": Action.VOTE in timeline.opens,
        "overview": selectors.overview(edition),
        "ballot_box": selectors.ballot_box_of(edition),
        "box_fingerprint": _fingerprint(edition),
        "box_locked": selectors.ballot_box_locked(edition),
        "batches": selectors.letter_batches(edition),
        "batch_in_progress": batch_in_progress(edition),
    }


def _render(request: HttpRequest, edition: Edition, **bound: forms.Form) -> HttpResponse:
    empty_forms: dict[str, forms.Form] = {
        "address_form": AddressImportForm(),
        "register_form": RegisterImportForm(),
        "reissue_form": ReissueForm(),
        "close_form": CloseVoteForm(),
        "box_form": BallotBoxForm(),
    }
    return render(request, "voting/staff/manage.html", {**_page(edition), **empty_forms, **bound})


def _fingerprint(edition: Edition) -> str:
    box = selectors.ballot_box_of(edition)
    return fingerprint(bytes(box.public_key)) if box else ""


@edition_action(
    Action.ENTER_PAPER_BALLOT, gate=Gate.ROLES, task=Task(label=gettext_lazy("Vote management"), order=30)
)
@require_GET
def manage(request: HttpRequest, edition: Edition) -> HttpResponse:
    return _render(request, edition)


@management
@require_POST
def set_up_box(request: HttpRequest, edition: Edition) -> HttpResponse:
    """Set up the sealed ballot box; the answer is the PDF of its key shares, made once, stored nowhere."""
    form = BallotBoxForm(request.POST)
    if form.is_valid():
        try:
            issued = set_up_ballot_box(
                edition=edition,
                by=official(request),
                threshold=form.cleaned_data["threshold"],
                shares=form.cleaned_data["shares"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            response = HttpResponse(
                share_sheets_pdf(edition=edition, issued=issued), content_type="application/pdf"
            )
            response["Content-Disposition"] = f'attachment; filename="{edition.slug}-sleuteldelen.pdf"'
            response["Cache-Control"] = "no-store"
            return response
    return _render(request, edition, box_form=form)


def _addresses_imported(result: AddressImport) -> str:
    return ngettext(
        "%(count)s address with %(residents)s eligible residents was imported.",
        "%(count)s addresses with %(residents)s eligible residents were imported.",
        result.addresses,
    ) % {"count": result.addresses, "residents": result.residents}


def _register_imported(register: RegisterImport, edition: Edition) -> str:
    message = ngettext(
        "%(count)s resident was added to the register.",
        "%(count)s residents were added to the register.",
        register.imported,
    ) % {"count": register.imported}
    if register.skipped_too_young:
        message += " " + ngettext(
            "%(count)s resident was left out: younger than %(age)s when the vote starts.",
            "%(count)s residents were left out: younger than %(age)s when the vote starts.",
            register.skipped_too_young,
        ) % {"count": register.skipped_too_young, "age": edition.min_age}
    return message


@management
@require_POST
def import_address_list(request: HttpRequest, edition: Edition) -> HttpResponse:
    form = AddressImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            result = import_addresses(edition=edition, file=form.cleaned_data["file"], by=official(request))
        except ServiceError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _addresses_imported(result))
            return redirect(manage_url(edition))
    return _render(request, edition, address_form=form)


@management
@require_POST
def import_resident_register(request: HttpRequest, edition: Edition) -> HttpResponse:
    form = RegisterImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            result = import_register(edition=edition, file=form.cleaned_data["file"], by=official(request))
        except ServiceError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _register_imported(result, edition))
            return redirect(manage_url(edition))
    return _render(request, edition, register_form=form)


def _letters_issued(batch: LetterBatch) -> str:
    if batch.file_name:
        return ngettext(
            "%(count)s letter is ready to download.",
            "%(count)s letters are ready to download.",
            batch.letter_count,
        ) % {"count": batch.letter_count}
    return ngettext(
        "%(count)s letter is being made. Reload this page in a while to download it.",
        "%(count)s letters are being made. Reload this page in a while to download them.",
        batch.letter_count,
    ) % {"count": batch.letter_count}


@management
@require_POST
def issue(request: HttpRequest, edition: Edition) -> HttpResponse:
    try:
        batch = issue_codes(edition=edition, by=official(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        batch.refresh_from_db()
        messages.success(request, _letters_issued(batch))
    return redirect(manage_url(edition))


@management
@require_POST
def reissue(request: HttpRequest, edition: Edition) -> HttpResponse:
    form = ReissueForm(request.POST)
    address = _address(edition, form) if form.is_valid() else None
    if address is not None:
        try:
            batch = reissue_code(address=address, by=official(request))
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "A new letter was made; the old code no longer works. Download it below.",
                    "%(count)s new letters were made; the old codes no longer work. Download them below.",
                    batch.letter_count,
                )
                % {"count": batch.letter_count},
            )
            return redirect(manage_url(edition))
    return _render(request, edition, reissue_form=form)


def _address(edition: Edition, form: ReissueForm) -> Address | None:
    try:
        postcode = normalise_postcode(form.cleaned_data["postcode"], 0)
    except ServiceError:
        form.add_error("postcode", _("Enter a Dutch postcode, like 1061 AB."))
        return None
    street = " ".join(form.cleaned_data["street_address"].split())
    address = Address.objects.filter(
        edition=edition, postcode=postcode, street_address__iexact=street
    ).first()
    if address is None:
        form.add_error("street_address", _("This address is not on the address list of this vote."))
    return address


@management
@require_POST
def close_early(request: HttpRequest, edition: Edition) -> HttpResponse:
    form = CloseVoteForm(request.POST)
    if form.is_valid():
        try:
            close_vote_early(edition=edition, reason=form.cleaned_data["reason"], by=official(request))
        except ServiceError as error:
            form.add_error("reason" if error.code == "reason_required" else None, error.message)
        else:
            messages.success(request, _("The vote has been closed."))
            return redirect(manage_url(edition))
    return _render(request, edition, close_form=form)
