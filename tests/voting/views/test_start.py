"""The resident's start page: what it explains, and the code that opens the ballot (or is refused)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.html import escape

from common import codes
from editions.models import BallotFormat, DecisionModel
from tests import factories
from tests.voting.views.resident import make_format_vote, message, open_ballot, token_of, url
from voting.errors import _CODE_PROBLEMS, EligibilityError, VoteStateError, malformed_code
from voting.models import Ballot, Voter
from voting.services.casting import Credential
from voting.views.tokens import credential_from_token

# --- The start page ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_start_page_explains_the_vote_and_asks_for_the_code(client: Client) -> None:
    edition, _ = make_format_vote(BallotFormat.APPROVAL)
    response = client.get(url("start", edition))
    page = response.content.decode()
    assert response.status_code == 200
    assert "you can choose up to 2 plans" in page
    assert "€60,000" in page  # the budget
    closes = edition.phases.get(kind="decision").ends_at
    assert timezone.localtime(closes).strftime("%H:%M") in page
    assert 'name="code"' in page
    assert 'autocomplete="off"' in page and 'inputmode="text"' in page
    assert "XXXX-XXXX-XXXX-XXXX-X" in page
    assert "js/ballot.js" in page and "css/ballot.css" in page
    assert "I have no letter" not in page  # no register voters in this edition


@pytest.mark.django_db
def test_the_start_page_is_dutch_at_stemmen(client: Client) -> None:
    edition, _ = make_format_vote(BallotFormat.KNAPSACK)
    response = client.get(f"/stemmen/{edition.slug}/")
    assert response.status_code == 200
    assert '<html lang="nl"' in response.content.decode()
    assert "€\N{NO-BREAK SPACE}60.000" in response.content.decode()
    assert client.get(f"/en/stemmen/{edition.slug}/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("phase", "says"), [("review", "The vote opens on"), ("result", "The vote closed on")]
)
def test_outside_the_decision_phase_the_start_page_says_when_and_has_no_form(
    client: Client, phase: str, says: str
) -> None:
    edition, _ = factories.make_vote(phase=phase)
    _, code = factories.make_voter(edition=edition)
    page = client.get(url("start", edition)).content.decode()
    assert says in page
    assert 'name="code"' not in page
    response = open_ballot(client, edition, code)  # a stale form posted anyway
    assert message(VoteStateError, "vote_not_open") in response.content.decode()
    assert 'name="token"' not in response.content.decode()


@pytest.mark.django_db
def test_an_edition_decided_by_a_panel_or_unknown_has_no_voting_page(client: Client) -> None:
    edition, _ = factories.make_vote(decision_model=DecisionModel.PANEL)
    assert client.get(url("start", edition)).status_code == 404
    assert client.get("/en/stemmen/bestaat-niet/").status_code == 404


# --- A code opens the ballot -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_correct_code_renders_the_ballot_without_a_redirect_session_or_code_in_the_page(
    client: Client,
) -> None:
    edition, plans = make_format_vote(BallotFormat.APPROVAL)
    voter, code = factories.make_voter(edition=edition)
    response = open_ballot(client, edition, code.lower().replace("-", " "))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Your ballot" in page
    assert all(plan.title in page for plan in plans)
    assert code not in page and codes.normalise(code) not in page
    assert "sessionid" not in response.cookies
    assert "no-store" in response["Cache-Control"]
    credential = credential_from_token(token_of(response), edition=edition)
    assert credential == Credential(
        credential_hash=voter.credential_hash, slot=codes.ballot_slot(codes.normalise(code))
    )


@pytest.mark.django_db
def test_the_qr_fragment_script_is_on_the_start_page(client: Client) -> None:
    edition, _ = make_format_vote(BallotFormat.APPROVAL)
    page = client.get(url("start", edition)).content.decode()
    assert 'id="id_code"' in page and "js/ballot.js" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("entered", "code"),
    [
        ("hello", "malformed_code"),
        ("mistyped", "malformed_code"),
        ("unknown", "unknown_code"),
        ("revoked", "revoked_code"),
    ],
)
@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_wrong_code_is_refused_with_its_message_and_opens_nothing(
    client: Client, entered: str, code: str, language: str
) -> None:
    edition, _ = make_format_vote(BallotFormat.APPROVAL)
    voter, real = factories.make_voter(edition=edition)
    if entered == "mistyped":
        entered = real[:-2] + ("A" if real[-2] != "A" else "B") + real[-1]
    elif entered == "unknown":
        entered = codes.new_code()
    elif entered == "revoked":
        Voter.objects.filter(pk=voter.pk).update(revoked_at=timezone.now())
        entered = real
    response = open_ballot(client, edition, entered, language)
    page = response.content.decode()
    if code == "malformed_code":
        with pytest.raises(codes.MalformedCode) as bad:
            codes.normalise(entered)
        with translation.override(language):
            assert escape(malformed_code(bad.value).message) in page
    else:
        assert message(EligibilityError, code, language) in page
    assert 'name="token"' not in page
    assert 'aria-invalid="true"' in page
    voter.refresh_from_db()
    assert (voter.channel, voter.ballots_cast) == ("", 0)
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_too_many_wrong_codes_are_refused_as_such_but_the_real_code_opens_the_ballot(
    client: Client, settings: Any
) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (2, 600)
    edition, _ = make_format_vote(BallotFormat.APPROVAL)
    _, real = factories.make_voter(edition=edition)
    for _attempt in range(2):
        open_ballot(client, edition, codes.new_code())
    page = open_ballot(client, edition, codes.new_code()).content.decode()
    assert message(EligibilityError, "too_many_attempts") in page
    assert 'name="token"' not in page
    assert 'name="token"' in open_ballot(client, edition, real).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("K7QM-3XRD-9TBW-HP2C", "You typed 16 characters; the code on your letter has 17."),
        ("K7QM-3XR-9TBW-HP2C-V", "Group 2 has 3 characters; on your letter it has 4."),
        ("K7QM-3XRD-9TÜW-HP2C-V", "The character “Ü” in group 3 does not occur in voting codes."),
    ],
)
def test_a_malformed_code_says_what_is_wrong_and_where(client: Client, typed: str, says: str) -> None:
    edition, _ = make_format_vote(BallotFormat.APPROVAL)
    page = open_ballot(client, edition, typed, "en").content.decode()
    assert escape(says) in page
    assert "it has 17 characters" not in page


@pytest.mark.django_db
def test_a_code_with_one_wrong_symbol_of_the_right_length_is_not_called_too_short(client: Client) -> None:
    edition, _ = make_format_vote(BallotFormat.APPROVAL)
    _voter, real = factories.make_voter(edition=edition)
    typo = real[:2] + ("A" if real[2] != "A" else "B") + real[3:]
    page = open_ballot(client, edition, typo, "nl").content.decode()
    with translation.override("nl"):
        assert escape(str(_CHECK_MESSAGE)) in page


_CHECK_MESSAGE = _CODE_PROBLEMS["check"]
