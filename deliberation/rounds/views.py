"""The panel's ballot round: the facilitator's round page, cards and shared tablet; the member's own phone.

A card's code exists in plain only in the response that opens the round (or reissues the card), so
those POSTs answer with the printable cards instead of redirecting. The member's pages carry a
signed token (round and card, never the code) in the page between the code and the ballot, as the
online vote does: no session cookie. Every page that holds a token or a ballot is ``never_cache``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from ballots.errors import BallotError
from ballots.forms import BallotForm, summarise
from ballots.rules import BallotRules
from ballots.sections import ballot_sections
from common.errors import ServiceError
from common.ratelimit import client_ip
from editions.decorators import Gate, Task, edition_action
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from outreach.letters import qr_modules

from ..models import BallotCard, PanelVote
from ..steps import decision_open
from . import selectors as selectors_round
from .errors import RoundError
from .forms import CardCodeForm, OpenRoundForm
from .services import card_for_code, cast_panel_ballot, close_round, open_round, reissue_card

TOKEN_SALT = "deliberation.round"
TOKEN_MAX_AGE_SECONDS = 2 * 60 * 60
QR_QUIET_ZONE = 4
ROUND_TASK = Task(_lazy("Ballot round in a session"), order=80)


@dataclass(frozen=True)
class PrintedCard:
    pool_id: str
    code: str
    url: str
    qr_size: int
    qr_path: str


def _round_url(edition: Edition) -> str:
    return reverse("deliberation:round", kwargs={"slug": edition.slug})


def _tablet_url(edition: Edition) -> str:
    return reverse("deliberation:tablet", kwargs={"slug": edition.slug})


def _qr(url: str) -> tuple[int, str]:
    """(side in modules, SVG path of the dark modules) of the QR code for ``url``."""
    modules = qr_modules(url)
    parts = [
        f"M{c + QR_QUIET_ZONE} {r + QR_QUIET_ZONE}h1v1h-1z"
        for r, row in enumerate(modules)
        for c, dark in enumerate(row)
        if dark
    ]
    return len(modules) + 2 * QR_QUIET_ZONE, "".join(parts)


def _render_cards(request: HttpRequest, edition: Edition, plain: dict[str, str]) -> HttpResponse:
    """The printable cards: the only moment these codes are shown."""
    vote_url = request.build_absolute_uri(reverse("deliberation:vote", kwargs={"slug": edition.slug}))
    cards = []
    for pool_id, code in sorted(plain.items()):
        url = f"{vote_url}#code={code}"
        size, path = _qr(url)
        cards.append(PrintedCard(pool_id=pool_id, code=code, url=vote_url, qr_size=size, qr_path=path))
    return render(request, "deliberation/round/print.html", {"edition": edition, "cards": cards})


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # the decorator let in only facilitators
    return request.user


def _round_context(edition: Edition, vote: PanelVote | None) -> dict[str, object]:
    return {
        "edition": edition,
        "vote": vote,
        "progress": selectors_round.round_progress(vote) if vote else None,
    }


def _round_post(
    request: HttpRequest, edition: Edition, vote: PanelVote | None, form: OpenRoundForm
) -> HttpResponse | None:
    """Open (answering with the printable cards) or close the round; None when the open form is invalid."""
    action, user = request.POST.get("action"), _user(request)
    try:
        if action == "open" and form.is_valid():
            opened = open_round(edition=edition, by=user, session=form.cleaned_data["session"])
            return _render_cards(request, edition, dict(opened.codes))
        if action == "close":
            if vote is None:
                raise RoundError("no_round")
            close_round(vote=vote, by=user)
            messages.success(request, _("The ballot round has been closed."))
            return redirect(_round_url(edition))
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(_round_url(edition))
    return None


@never_cache
@edition_action(Action.RECORD_PANEL_DECISION, gate=Gate.ROLES, task=ROUND_TASK)
@require_http_methods(["GET", "POST"])
def round_page(request: HttpRequest, edition: Edition) -> HttpResponse:
    """Open a round, follow how many cards are used, close it."""
    vote = selectors_round.open_round_of(edition)
    form = OpenRoundForm(request.POST if request.POST.get("action") == "open" else None, edition=edition)
    if request.method == "POST":
        response = _round_post(request, edition, vote, form)
        if response is not None:
            return response
    context = _round_context(edition, vote)
    if request.headers.get("HX-Request") == "true":
        return render(request, "deliberation/round/_status.html", context)
    context["form"] = form
    context["may_open"] = (
        vote is None and decision_open(edition) and can(request.user, Action.FACILITATE_PANEL, edition)
    )
    context["past_rounds"] = selectors_round.past_rounds(edition)
    return render(request, "deliberation/round/manage.html", context)


def _reissue(request: HttpRequest, edition: Edition, vote: PanelVote) -> HttpResponse:
    """Reissue the posted card of the round and show its new code once."""
    raw_pk = str(request.POST.get("card", ""))
    found = (
        BallotCard.objects.select_related("vote__edition", "member").filter(vote=vote, pk=int(raw_pk)).first()
        if raw_pk.isdigit()
        else None
    )
    if found is None:
        raise Http404
    try:
        code = reissue_card(card=found, by=_user(request))
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(reverse("deliberation:cards", kwargs={"slug": edition.slug}))
    return _render_cards(request, edition, {found.member.pool_id: code})


@never_cache
@edition_action(Action.RECORD_PANEL_DECISION, gate=Gate.ROLES)
@require_http_methods(["GET", "POST"])
def cards(request: HttpRequest, edition: Edition) -> HttpResponse:
    """The round's cards (used or not); POST reissues a lost card and shows its new code once."""
    vote = selectors_round.open_round_of(edition)
    if vote is None:
        messages.error(request, _("There is no ballot round open now."))
        return redirect(_round_url(edition))
    if request.method == "POST":
        return _reissue(request, edition, vote)
    return render(
        request,
        "deliberation/round/cards.html",
        {"edition": edition, "vote": vote, "cards": selectors_round.cards_of(vote)},
    )


@never_cache
@edition_action(Action.RECORD_PANEL_DECISION, gate=Gate.ROLES)
def tablet(request: HttpRequest, edition: Edition) -> HttpResponse:
    """The shared tablet: one big button per member who has not voted yet."""
    vote = selectors_round.open_round_of(edition)
    return render(
        request,
        "deliberation/round/tablet.html",
        {"edition": edition, "vote": vote, "cards": selectors_round.waiting_cards(vote) if vote else []},
    )


def _render_ballot(
    request: HttpRequest,
    edition: Edition,
    *,
    action: str,
    form: BallotForm | None = None,
    token: str = "",
    member: str = "",
) -> HttpResponse:
    if form is None:
        form = BallotForm(sections=ballot_sections(edition), rules=BallotRules.of(edition))
    context = {
        "edition": edition,
        **form.context(),
        "action": action,
        "token": token,
        "member": member,
    }
    return render(request, "deliberation/round/ballot.html", context)


def _waiting_card(request: HttpRequest, edition: Edition, card: int) -> BallotCard | None:
    """The open round's card ``card`` if its member has not voted yet; else None, with a message why."""
    vote = selectors_round.open_round_of(edition)
    found = (
        BallotCard.objects.select_related("member", "vote").filter(vote=vote, pk=card).first()
        if vote
        else None
    )
    if vote is None or found is None:
        messages.error(request, _("There is no ballot round open now."))
        return None
    if found.used_at is not None:
        messages.error(
            request, _("%(pool_id)s has already voted in this round.") % {"pool_id": found.member.pool_id}
        )
        return None
    return found


@never_cache
@edition_action(Action.RECORD_PANEL_DECISION, gate=Gate.ROLES)
@require_http_methods(["GET", "POST"])
def tablet_ballot(request: HttpRequest, edition: Edition, card: int) -> HttpResponse:
    """One member's ballot on the shared tablet; after the cast, back to the list without the choices."""
    found = _waiting_card(request, edition, card)
    if found is None:
        return redirect(_tablet_url(edition))
    action = reverse("deliberation:tablet_ballot", kwargs={"slug": edition.slug, "card": found.pk})
    if request.method == "GET":
        return _render_ballot(request, edition, action=action, member=found.member.pool_id)
    form = BallotForm(sections=ballot_sections(edition), rules=BallotRules.of(edition), data=request.POST)
    try:
        cast_panel_ballot(vote=found.vote, card=found, raw=form.ballot(), by=_user(request))
    except BallotError as error:
        form.error = error
        return _render_ballot(request, edition, action=action, form=form, member=found.member.pool_id)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(_tablet_url(edition))
    messages.success(
        request, _("The ballot has been cast. Hand the tablet to the next member, or give it back.")
    )
    return redirect(_tablet_url(edition))


# --- The member's own phone -----------------------------------------------------------------------


def _sign(card: BallotCard) -> str:
    return signing.dumps([card.vote_id, card.pk], salt=TOKEN_SALT)


def _card_from_token(token: str, vote: PanelVote) -> BallotCard:
    try:
        vote_pk, card_pk = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE_SECONDS)
    except (signing.BadSignature, ValueError, TypeError):
        raise RoundError("session_expired") from None
    card = BallotCard.objects.filter(vote=vote, pk=card_pk).first() if vote_pk == vote.pk else None
    if card is None:
        raise RoundError("session_expired")
    return card


def _own_ballot_url(edition: Edition) -> str:
    return reverse("deliberation:ballot", kwargs={"slug": edition.slug})


def _render_start(
    request: HttpRequest,
    edition: Edition,
    vote: PanelVote | None,
    *,
    form: CardCodeForm | None = None,
    error: str = "",
) -> HttpResponse:
    return render(
        request,
        "deliberation/round/start.html",
        {"edition": edition, "vote": vote, "form": form or CardCodeForm(), "error": error},
    )


@never_cache
@edition_action(Action.RECORD_PANEL_DECISION, gate=Gate.OFFERED)
@require_http_methods(["GET", "POST"])
def vote(request: HttpRequest, edition: Edition) -> HttpResponse:
    """The member types the code on their card; a correct code answers with the ballot itself."""
    current = selectors_round.open_round_of(edition)
    if request.POST.get("language_switch"):  # the switch re-posts what was typed: keep it, check nothing
        return _render_start(
            request, edition, current, form=CardCodeForm(initial={"code": request.POST.get("code")})
        )
    form = CardCodeForm(request.POST or None)
    if request.method == "POST" and current is not None and form.is_valid():
        try:
            card = card_for_code(vote=current, code=form.cleaned_data["code"], client_ip=client_ip(request))
        except ServiceError as error:
            if error.code in ("already_voted", "round_closed"):  # the code is right: not a field error
                return _render_start(request, edition, current, error=error.message)
            form.add_error("code", error.message)
        else:
            return _render_ballot(request, edition, action=_own_ballot_url(edition), token=_sign(card))
    return _render_start(request, edition, current, form=form)


@never_cache
@edition_action(Action.RECORD_PANEL_DECISION, gate=Gate.OFFERED)
@require_POST
def ballot(request: HttpRequest, edition: Edition) -> HttpResponse:
    """POST with the token: cast the member's ballot and show the receipt."""
    current = selectors_round.open_round_of(edition)
    if current is None:
        return _render_start(request, edition, None, error=str(RoundError("round_closed").message))
    token, action = request.POST.get("token", ""), _own_ballot_url(edition)
    sections = ballot_sections(edition)
    form = BallotForm(sections=sections, rules=BallotRules.of(edition), data=request.POST)
    try:
        card = _card_from_token(token, current)
        if request.POST.get("language_switch"):  # re-posted by the language switch: the same choices, uncast
            return _render_ballot(request, edition, action=action, form=form, token=token)
        cast = cast_panel_ballot(vote=current, card=card, raw=form.ballot())
    except BallotError as error:
        form.error = error
        return _render_ballot(request, edition, action=action, form=form, token=token)
    except ServiceError as error:
        return _render_start(request, edition, current, error=error.message)
    return render(
        request,
        "deliberation/round/receipt.html",
        {"edition": edition, "rules": form.rules, "summary": summarise(cast.content, sections)},
    )
