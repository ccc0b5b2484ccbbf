"""The vote's management page: address list and register imports, letters, closing the vote early.

Each POST calls one service and redirects back with a message; a refusal re-renders the page with
the message next to the form it concerns, and nothing has changed.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from common.errors import ServiceError
from editions.models import Edition
from editions.phases import Action
from editions.timeline import timeline_of
from outreach.models import Address
from outreach.views import destroy_letters_file, download_letters_file
from voting.sealing import fingerprint

from .. import selectors
from ..forms_staff import AddressImportForm, BallotBoxForm, CloseVoteForm, RegisterImportForm, ReissueForm
from ..key_sheets import share_sheets_pdf
from ..models import LetterBatch, VoteClosure
from ..services.ballot_box import set_up_ballot_box
from ..services.closing import close_vote_early
from ..services.eligibility import (
    decision_phase,
    import_addresses,
    import_register,
    normalise_postcode,
    vote_has_started,
)
from ..services.letters import (
    batch_in_progress,
    destroy_letter_batch,
    issue_codes,
    open_letter_batch,
    reissue_code,
)
from .common import official, official_edition


def manage_url(edition: Edition) -> str:
    return reverse("voting_staff:manage", kwargs={"slug": edition.slug})


def _render(request: HttpRequest, edition: Edition, **bound: forms.Form) -> HttpResponse:
    forms_by_name: dict[str, Any] = {
        "address_form": AddressImportForm(),
        "register_form": RegisterImportForm(),
        "reissue_form": ReissueForm(),
        "close_form": CloseVoteForm(),
        "box_form": BallotBoxForm(),
        **bound,
    }
    timeline = timeline_of(edition)
    return render(
        request,
        "voting/staff/manage.html",
        {
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
            **forms_by_name,
        },
    )


def _fingerprint(edition: Edition) -> str:
    box = selectors.ballot_box_of(edition)
    return fingerprint(bytes(box.public_key)) if box else ""


@login_required
@require_POST
def set_up_box(request: HttpRequest, slug: str) -> HttpResponse:
    """Set up the sealed ballot box; the answer is the PDF of its key shares, made once, stored nowhere."""
    edition = official_edition(request, slug)
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


@login_required
@require_GET
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    return _render(request, official_edition(request, slug))


def _import(request: HttpRequest, slug: str, form_class: type[forms.Form], kind: str) -> HttpResponse:
    edition = official_edition(request, slug)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            if kind == "addresses":
                result = import_addresses(
                    edition=edition, file=form.cleaned_data["file"], by=official(request)
                )
                message = ngettext(
                    "%(count)s address with %(residents)s eligible residents was imported.",
                    "%(count)s addresses with %(residents)s eligible residents were imported.",
                    result.addresses,
                ) % {"count": result.addresses, "residents": result.residents}
            else:
                register = import_register(
                    edition=edition, file=form.cleaned_data["file"], by=official(request)
                )
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
        except ServiceError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, message)
            return redirect(manage_url(edition))
    name = "address_form" if kind == "addresses" else "register_form"
    return _render(request, edition, **{name: form})


@login_required
@require_POST
def import_address_list(request: HttpRequest, slug: str) -> HttpResponse:
    return _import(request, slug, AddressImportForm, "addresses")


@login_required
@require_POST
def import_resident_register(request: HttpRequest, slug: str) -> HttpResponse:
    return _import(request, slug, RegisterImportForm, "register")


@login_required
@require_POST
def issue(request: HttpRequest, slug: str) -> HttpResponse:
    edition = official_edition(request, slug)
    try:
        batch = issue_codes(edition=edition, by=official(request))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        batch.refresh_from_db()
        if batch.file_name:
            messages.success(
                request,
                ngettext(
                    "%(count)s letter is ready to download.",
                    "%(count)s letters are ready to download.",
                    batch.letter_count,
                )
                % {"count": batch.letter_count},
            )
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s letter is being made. Reload this page in a while to download it.",
                    "%(count)s letters are being made. Reload this page in a while to download them.",
                    batch.letter_count,
                )
                % {"count": batch.letter_count},
            )
    return redirect(manage_url(edition))


@login_required
@require_GET
def download_letters(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    edition = official_edition(request, slug)
    batch = get_object_or_404(LetterBatch, edition=edition, pk=pk)
    return download_letters_file(
        request,
        open_file=lambda: open_letter_batch(batch=batch, by=official(request)),
        filename=f"stemcodes-{edition.slug}-{batch.pk}.pdf",
        back_to=manage_url(edition),
    )


@login_required
@require_POST
def destroy_letters(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    edition = official_edition(request, slug)
    batch = get_object_or_404(LetterBatch, edition=edition, pk=pk)
    return destroy_letters_file(
        request,
        destroy=lambda: destroy_letter_batch(batch=batch, by=official(request)),
        back_to=manage_url(edition),
    )


@login_required
@require_POST
def reissue(request: HttpRequest, slug: str) -> HttpResponse:
    edition = official_edition(request, slug)
    form = ReissueForm(request.POST)
    if form.is_valid():
        address = _address(edition, form)
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


@login_required
@require_POST
def close_early(request: HttpRequest, slug: str) -> HttpResponse:
    edition = official_edition(request, slug)
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
