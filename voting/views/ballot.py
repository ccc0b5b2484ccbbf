"""The start page with the code form, the ballot and its receipt (each rendered, never redirected to).

A correct code answers with the ballot itself, so the code never appears in a URL; the ballot and
the receipt carry a signed token (``tokens``) instead. Every page here is ``never_cache``: they hold
that token, and the receipt holds what was chosen, which must not linger in a shared cache. A voter
who comes back sees an empty ballot: their earlier one is sealed and cannot be shown (the page says
so), and a voter whose paper ballot was entered is told at once, before filling anything in. The
language switch on the code page and the ballot re-posts the form to the same view in the other
language, so the code typed and the choices made are kept and never reach a URL.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.services import choose_language
from ballots.errors import BallotError
from ballots.forms import BallotForm, rank_positions, summarise
from ballots.rules import BallotRules
from ballots.sections import ballot_sections_cached
from common.errors import ServiceError
from common.observability.metrics import record_cast, record_refusal
from common.ratelimit import client_ip
from editions.decorators import Gate, edition_action
from editions.models import Edition
from editions.permissions import is_open
from editions.phases import Action
from editions.timeline import TimelineEntry, timeline_of

from ..errors import EligibilityError, IdempotencyError, VoteStateError
from ..forms.access import CodeForm
from ..kiosk import mode as kiosk_mode
from ..kiosk.errors import KioskError
from ..kiosk.views import render_kiosk_receipt
from ..models import Channel
from ..selectors import voter_channel
from ..services import casting, idempotency
from ..services.register_login import offers_email_check
from ..survey_pass import make_survey_pass
from .tokens import credential_from_token, receipt_from_token, shown_within, sign_credential, sign_receipt

# The pages of a published edition whose decision is (also) an online vote; 404 for any other.
voting_page = edition_action(Action.VOTE, gate=Gate.OFFERED)


def _vote_phase(edition: Edition) -> TimelineEntry | None:
    return timeline_of(edition).entry_opening(Action.VOTE)


def render_start(
    request: HttpRequest, edition: Edition, *, form: CodeForm | None = None, error: str = ""
) -> HttpResponse:
    sections = ballot_sections_cached(edition)
    rules = BallotRules.of(edition)
    context = {
        "edition": edition,
        "form": form or CodeForm(),
        "error": error,
        "is_open": is_open(edition, Action.VOTE),
        "vote_phase": _vote_phase(edition),
        "rules": rules,
        "sections": sections,
        "positions": max((rank_positions(s, rules) for s in sections), default=0),
        "offers_email_check": offers_email_check(edition),
    }
    return render(request, "voting/start.html", context)


def render_ballot(
    request: HttpRequest,
    edition: Edition,
    credential: casting.Credential,
    *,
    form: BallotForm | None = None,
    cast_key: str = "",
    notice: str = "",
) -> HttpResponse:
    """The ballot form, empty unless ``form`` carries what was just posted.

    ``cast_key`` is the form's one-time idempotency key: a new one unless the form is shown again
    for the same cast (a refused ballot, the language switch, a cast still running), so a double or
    retried submission of one form gets the first receipt back and never counts twice.
    VoteStateError("voted_on_paper") if a paper ballot was entered for this voter: they learn it
    before they fill anything in.
    """
    context = _ballot_context(edition, credential, form=form, cast_key=cast_key, notice=notice)
    return render(request, "voting/ballot.html", context)


def _ballot_context(
    edition: Edition, credential: casting.Credential, *, form: BallotForm | None, cast_key: str, notice: str
) -> dict[str, object]:
    """What the ballot page shows (see ``render_ballot``); VoteStateError("voted_on_paper") first."""
    channel = voter_channel(edition=edition, credential_hash=credential.credential_hash)
    if channel == Channel.PAPER:
        raise VoteStateError("voted_on_paper")
    if form is None:
        form = BallotForm(sections=ballot_sections_cached(edition), rules=BallotRules.of(edition))
    context = {
        "edition": edition,
        **form.context(),
        "token": sign_credential(edition=edition, credential=credential),
        "cast_key": cast_key or idempotency.new_form_key(),
        "notice": notice,
        "has_voted": channel == Channel.ONLINE,
        "vote_phase": _vote_phase(edition),
    }
    return context


def render_receipt(
    request: HttpRequest,
    edition: Edition,
    credential: casting.Credential,
    *,
    receipt: casting.Receipt,
    form: BallotForm,
) -> HttpResponse:
    if kiosk_mode.is_kiosk_for(request, edition.pk):
        return render_kiosk_receipt(request, edition, receipt=receipt)
    context = {
        "edition": edition,
        "receipt": receipt,
        "summary": summarise(receipt.content, form.sections),
        "rules": form.rules,
        "token": sign_credential(edition=edition, credential=credential),
        "receipt_token": sign_receipt(edition=edition, receipt=receipt),
        "survey_pass": make_survey_pass(edition=edition, credential=credential),
        "vote_phase": _vote_phase(edition),
    }
    return render(request, "voting/receipt.html", context)


def _credential(request: HttpRequest, edition: Edition) -> casting.Credential:
    """The posted token's credential; on a kiosk, KioskError if the ballot was shown too long ago."""
    token = request.POST.get("token", "")
    credential = credential_from_token(token, edition=edition)
    if kiosk_mode.is_kiosk_for(request, edition.pk) and not shown_within(
        token, seconds=kiosk_mode.BALLOT_SECONDS
    ):
        raise KioskError("ballot_expired")
    return credential


def render_switched(
    request: HttpRequest, edition: Edition, credential: casting.Credential, *, form: BallotForm
) -> HttpResponse:
    """The ballot as the voter filled it in so far, or the receipt they were reading, in the language
    they switched to (the address's): the switch re-posts the form, token and choices (or the receipt
    token), and nothing is cast. A logged-in voter's choice of language is saved with their account,
    as everywhere. EligibilityError("session_expired") for a tampered or old receipt token."""
    if request.user.is_authenticated:
        choose_language(user=request.user, language=get_language() or "")
    if request.POST.get("receipt"):
        receipt = receipt_from_token(request.POST["receipt"], edition=edition)
        return render_receipt(request, edition, credential, receipt=receipt, form=form)
    return render_ballot(request, edition, credential, form=form, cast_key=_posted_key(request))


def _posted_key(request: HttpRequest) -> str:
    """The form's one-time key as posted, or "" (a page from before keys, or a tampered one)."""
    try:
        return idempotency.parse_key(request.POST.get("cast_key", ""))
    except IdempotencyError:
        return ""


def _cast_key(
    request: HttpRequest, edition: Edition, credential: casting.Credential
) -> idempotency.IdempotencyKey | None:
    """The posted one-time key, scoped to this voter's slot; None without one (cast as before)."""
    key = _posted_key(request)
    return idempotency.for_slot(edition=edition, slot=credential.slot, key=key) if key else None


@never_cache
@require_http_methods(["GET", "POST"])
@voting_page
def start(request: HttpRequest, edition: Edition) -> HttpResponse:
    if request.method == "GET" and kiosk_mode.is_kiosk_for(request, edition.pk):
        request.session.flush()  # the kiosk's empty code page: nothing of the last voter stays
    if request.POST.get("language_switch"):  # the switch re-posts what was typed: keep it, check nothing
        return render_start(request, edition, form=CodeForm(initial={"code": request.POST.get("code", "")}))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            casting.refuse_unless_open(edition)
            credential = casting.credential_for_code(
                edition=edition, code=form.cleaned_data["code"], client_ip=client_ip(request)
            )
            return render_ballot(request, edition, credential)
        except VoteStateError as error:
            return _refused(request, edition, error)
        except EligibilityError as error:
            record_refusal(channel=_channel(request, edition), error=error)
            form.add_error("code", error.message)
    return render_start(request, edition, form=form)


@never_cache
@require_POST
@voting_page
def ballot(request: HttpRequest, edition: Edition) -> HttpResponse:
    """POST with the token: cast the ballot (or, with intent=change, show the form to change it)."""
    try:
        credential = _credential(request, edition)
    except (EligibilityError, KioskError) as error:
        return _refused(request, edition, error)
    try:
        if request.POST.get("intent") == "change":
            return render_ballot(request, edition, credential)
        form = BallotForm(
            sections=ballot_sections_cached(edition), rules=BallotRules.of(edition), data=request.POST
        )
        if request.POST.get("language_switch"):
            return render_switched(request, edition, credential, form=form)
        outcome = _cast_or_show_again(request, edition, credential, form=form)
    except (VoteStateError, EligibilityError) as error:
        return _refused(request, edition, error)
    if isinstance(outcome, HttpResponse):
        return outcome
    if not outcome.replayed:  # a retry's stored answer casts nothing: it is no cast to count
        record_cast(channel=_channel(request, edition), replaced=outcome.replaced)
    return render_receipt(request, edition, credential, receipt=outcome, form=form)


def _cast_or_show_again(
    request: HttpRequest, edition: Edition, credential: casting.Credential, *, form: BallotForm
) -> casting.Receipt | HttpResponse:
    """The cast's receipt, or the ballot shown again: refused with the reason (the choices kept, the
    same key), or after its one-time key was refused (``_show_again_for_key``)."""
    try:
        return casting.cast_ballot(
            edition=edition,
            credential=credential,
            ballot=form.ballot(),
            idempotency=_cast_key(request, edition, credential),
        )
    except BallotError as error:
        record_refusal(channel=_channel(request, edition), error=error)
        form.error = error
        return render_ballot(request, edition, credential, form=form, cast_key=_posted_key(request))
    except IdempotencyError as error:
        return _show_again_for_key(request, edition, credential, form=form, error=error)


def _show_again_for_key(
    request: HttpRequest,
    edition: Edition,
    credential: casting.Credential,
    *,
    form: BallotForm,
    error: IdempotencyError,
) -> HttpResponse:
    """The ballot again after the form's one-time key was refused: the same form and key while the
    first submission still runs; a fresh form, saying why, when the form already cast other choices."""
    if error.code == "idempotency_key_in_use":  # the first submission still runs: same key
        notice = _("Your vote is still being sent. Wait a moment, then press the button again.")
        return render_ballot(
            request, edition, credential, form=form, cast_key=_posted_key(request), notice=notice
        )
    # This form already cast other choices (sent again from an old page): a fresh form.
    notice = _(
        "This page had already cast your vote, with other choices, so nothing was changed. "
        "To change your vote, fill in the ballot below and cast it."
    )
    return render_ballot(request, edition, credential, notice=notice)


def _refused(request: HttpRequest, edition: Edition, error: ServiceError) -> HttpResponse:
    """The code page with the refusal's message; the refusal counted in the metrics."""
    record_refusal(channel=_channel(request, edition), error=error)
    return render_start(request, edition, error=error.message)


def _channel(request: HttpRequest, edition: Edition) -> str:
    """The channel a cast or refusal is counted under in the metrics (common.observability.metrics)."""
    return "kiosk" if kiosk_mode.is_kiosk_for(request, edition.pk) else "web"
