"""Paper ballots: the first entry, the second (blind) entry by another official, and the review.

The voter is found again from the posted credential on every step (it travels in the form's
hidden fields, never in a URL), so nothing about a half-entered ballot is kept on the server.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from ballots.rules import BallotRules
from ballots.sections import Section, ballot_sections
from common.errors import ServiceError
from editions.decorators import Gate, edition_action
from editions.models import BallotFormat, Edition
from editions.permissions import can
from editions.phases import Action

from .. import selectors
from ..errors import PaperError, VoteStateError
from ..forms.paper import FindByCodeForm, FindByRegisterForm, PaperBallotForm, ResolveForm
from ..models import Channel, PaperEntry, PaperEntryStatus, Voter
from ..sealing import open_reading
from ..services.eligibility import normalise_postcode
from ..services.paper import (
    confirm_paper_ballot,
    enter_paper_ballot,
    resolve_paper_entry,
    voter_for_code,
    voter_for_register,
)
from .manage import official

# The paper ballot pages: officials of the edition's district, in any phase; entering a ballot needs
# the vote to be open (``may_enter``, and the services refuse it otherwise).
paper_pages = edition_action(Action.ENTER_PAPER_BALLOT, gate=Gate.ROLES)


def may_enter_paper(request: HttpRequest, edition: Edition) -> bool:
    return can(request.user, Action.ENTER_PAPER_BALLOT, edition)


def _url(name: str, edition: Edition, **kwargs: Any) -> str:
    return reverse(f"voting:{name}", kwargs={"slug": edition.slug, **kwargs})


def _ballot_form(edition: Edition, data: Any = None) -> PaperBallotForm:
    return PaperBallotForm(data, sections=ballot_sections(edition), rules=BallotRules.of(edition))


def _find_voter(edition: Edition, data: Any) -> tuple[str, forms.Form, Voter | None, str]:
    """(how, the look-up form, the voter and their slot) — the voter is None if the form has errors."""
    via = "register" if data.get("via") == "register" else "code"
    form: forms.Form = FindByRegisterForm(data) if via == "register" else FindByCodeForm(data)
    if not form.is_valid():
        return via, form, None, ""
    try:
        if via == "code":
            voter, slot = voter_for_code(edition=edition, code=form.cleaned_data["code"])
        else:
            postcode = normalise_postcode(form.cleaned_data["postcode"], 0)
            voter, slot = voter_for_register(
                edition=edition,
                name=form.cleaned_data["name"],
                birth_date=form.cleaned_data["birth_date"].isoformat(),
                postcode=postcode,
            )
    except ServiceError as error:
        message = _("Enter a Dutch postcode, like 1061 AB.") if error.code == "bad_row" else error.message
        form.add_error("postcode" if error.code == "bad_row" else None, message)
        return via, form, None, ""
    return via, form, voter, slot


def _pending_entry(voter: Voter) -> PaperEntry | None:
    return PaperEntry.objects.filter(voter=voter, status=PaperEntryStatus.AWAITING_SECOND).first()


def _entered(entry: PaperEntry) -> str:
    return _(
        "The paper ballot was entered as number %(number)s. Write this number on "
        "the ballot paper: another official must now enter it a second time."
    ) % {"number": entry.pk}


def _voter_step(
    request: HttpRequest, edition: Edition, lookup: forms.Form, voter: Voter, slot: str
) -> dict[str, Any] | None:
    """What the page shows for the voter found; None once their paper ballot has been entered."""
    if voter.channel:
        refusal = "voted_online" if voter.channel == Channel.ONLINE else "voted_on_paper"
        lookup.add_error(None, VoteStateError(refusal).message)
        return {"pending": _pending_entry(voter)}
    if request.POST.get("step") != "enter":
        return {"ballot_form": _ballot_form(edition), "voter": voter}
    ballot_form = _ballot_form(edition, request.POST)
    if ballot_form.is_valid():
        try:
            entry = enter_paper_ballot(
                edition=edition, voter=voter, slot=slot, ballot=ballot_form.ballot(), by=official(request)
            )
        except ServiceError as error:
            ballot_form.add_error(None, error.message)
        else:
            messages.success(request, _entered(entry))
            return None
    return {"ballot_form": ballot_form, "voter": voter}


@paper_pages
@require_http_methods(["GET", "POST"])
def paper(request: HttpRequest, edition: Edition) -> HttpResponse:
    """Find the voter of a paper ballot by code or by register identity, then enter the ballot."""
    context: dict[str, Any] = {
        "edition": edition,
        "may_enter": may_enter_paper(request, edition),
        "code_form": FindByCodeForm(),
        "register_form": FindByRegisterForm(),
    }
    if request.method == "POST":
        if not context["may_enter"]:
            messages.error(request, VoteStateError("vote_not_open").message)
            return redirect(_url("paper", edition))
        via, lookup, voter, slot = _find_voter(edition, request.POST)
        context.update({f"{via}_form": lookup, "via": via})
        if voter is not None:
            shown = _voter_step(request, edition, lookup, voter, slot)
            if shown is None:
                return redirect(_url("paper", edition))
            context.update(shown)
    return render(request, "voting/staff/paper.html", context)


@paper_pages
@require_GET
def paper_confirm(request: HttpRequest, edition: Edition) -> HttpResponse:
    """Paper ballots that wait for their second entry."""
    return render(
        request,
        "voting/staff/paper_confirm.html",
        {
            "edition": edition,
            "entries": selectors.paper_entries(edition, PaperEntryStatus.AWAITING_SECOND),
            "may_enter": may_enter_paper(request, edition),
        },
    )


def _confirmed(request: HttpRequest, entry: PaperEntry) -> None:
    if entry.status == PaperEntryStatus.CONFIRMED:
        messages.success(request, _("Both entries match: the paper ballot is counted."))
    else:
        messages.warning(
            request,
            _("The two entries differ. The paper ballot is not counted until it has been reviewed."),
        )


@paper_pages
@require_http_methods(["GET", "POST"])
def paper_confirm_entry(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    """The second entry of one paper ballot, made blind: the first reading is never shown."""
    entry = get_object_or_404(PaperEntry.objects.select_related("first_by"), edition=edition, pk=pk)
    if entry.status != PaperEntryStatus.AWAITING_SECOND:
        messages.error(request, PaperError("not_awaiting").message)
        return redirect(_url("paper_confirm", edition))
    form = _ballot_form(edition, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            _confirmed(request, confirm_paper_ballot(entry=entry, ballot=form.ballot(), by=official(request)))
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            return redirect(_url("paper_confirm", edition))
    context = {
        "edition": edition,
        "entry": entry,
        "form": form,
        "own_entry": entry.first_by_id == request.user.pk,
        "same_official": PaperError("same_official").message,
        "may_enter": may_enter_paper(request, edition),
    }
    return render(request, "voting/staff/paper_confirm_entry.html", context)


@paper_pages
@require_GET
def paper_review(request: HttpRequest, edition: Edition) -> HttpResponse:
    """Paper ballots whose two entries differ."""
    return render(
        request,
        "voting/staff/paper_review.html",
        {"edition": edition, "entries": selectors.paper_entries(edition, PaperEntryStatus.MISMATCH)},
    )


def reading(content: Any, sections: tuple[Section, ...], ballot_format: str) -> list[tuple[str, list[str]]]:
    """An entry's content as text: per section, the chosen plans (with rank or points)."""
    titles = {plan.pk: plan.title for section in sections for plan in section.plans}
    labels = {section.key: section.label for section in sections}
    lines = []
    for key, chosen in (content or {}).items():
        if ballot_format == BallotFormat.CUMULATIVE:
            texts = [
                ngettext("%(plan)s: %(points)s point", "%(plan)s: %(points)s points", points)
                % {"plan": titles.get(pid, pid), "points": points}
                for pid, points in chosen
            ]
        elif ballot_format == BallotFormat.RANKING:
            texts = [f"{rank}. {titles.get(pid, pid)}" for rank, pid in enumerate(chosen, start=1)]
        else:
            texts = [str(titles.get(pid, pid)) for pid in chosen]
        lines.append((labels.get(key, key), texts))
    return lines


def _readings(edition: Edition, entry: PaperEntry, void_only: bool) -> dict[str, Any]:
    """Both readings of an entry as text (the second is None when only voiding is possible)."""
    sections = ballot_sections(edition)
    first, second = (
        open_reading(r, edition_id=edition.pk) for r in (entry.first_content, entry.second_content)
    )
    return {
        "first": reading(first, sections, edition.ballot_format),
        "second": None if void_only else reading(second, sections, edition.ballot_format),
    }


@paper_pages
@require_http_methods(["GET", "POST"])
def paper_review_entry(request: HttpRequest, edition: Edition, pk: int) -> HttpResponse:
    """Both readings side by side; count one of them, or declare the ballot void, with a note."""
    entry = get_object_or_404(
        PaperEntry.objects.select_related("first_by", "second_by"), edition=edition, pk=pk
    )
    if entry.status not in (PaperEntryStatus.MISMATCH, PaperEntryStatus.AWAITING_SECOND):
        messages.error(request, PaperError("not_in_review").message)
        return redirect(_url("paper_review", edition))
    void_only = entry.status == PaperEntryStatus.AWAITING_SECOND
    form = ResolveForm(request.POST if request.method == "POST" else None, void_only=void_only)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            resolve_paper_entry(
                entry=entry, decision=data["decision"], note=data["note"], by=official(request)
            )
        except ServiceError as error:
            form.add_error("note" if error.code == "note_required" else None, error.message)
        else:
            messages.success(request, _("The review of this paper ballot has been recorded."))
            return redirect(_url("paper_review", edition))
    context = {"edition": edition, "entry": entry, "form": form, "void_only": void_only}
    return render(
        request, "voting/staff/paper_review_entry.html", {**context, **_readings(edition, entry, void_only)}
    )
