"""Voting on a kiosk: the same casting, then a short receipt, and nothing of the voter stays."""

from __future__ import annotations

import re
import time
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import Client

from editions.models import Edition
from proposals.models import Plan
from tests import factories
from tests.voting.views.resident import cast, message, open_ballot, token_of, url
from voting.kiosk import mode
from voting.kiosk.errors import KioskError
from voting.models import Voter
from voting.views.tokens import credential_from_token, sign_credential

Vote = tuple[Edition, list[Plan]]
IDLE_REFRESH = 'http-equiv="refresh" content="60;url=/stemmen/'


def leave_something_in_the_session(device: Client) -> None:
    session = SessionStore()
    session["left_behind"] = "by the last voter"
    session.save()
    device.cookies[settings.SESSION_COOKIE_NAME] = str(session.session_key)


@pytest.mark.django_db
def test_a_kiosk_cast_counts_shows_a_short_receipt_and_forgets_the_voter(kiosk: Client, vote: Vote) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    ballot = open_ballot(kiosk, edition, code)
    ballot_page = ballot.content.decode()
    assert IDLE_REFRESH in ballot_page and 'id="kiosk-idle-warning"' in ballot_page
    leave_something_in_the_session(kiosk)

    receipt = cast(kiosk, edition, token_of(ballot), {"s-main": [str(plans[0].pk), str(plans[2].pk)]})
    page = receipt.content.decode()
    assert receipt.status_code == 200 and "Your vote has been received" in page
    assert factories.opened_contents(edition) == [{"main": sorted([plans[0].pk, plans[2].pk])}]
    voter.refresh_from_db()
    assert voter.ballots_cast == 1
    assert IDLE_REFRESH in page and "Done: next voter" in page
    # The short receipt: no choices, no token to change the vote, no survey pass, no follow form.
    assert all(plan.title not in page for plan in plans)
    assert 'name="token"' not in page and "Change my vote" not in page and 'name="pass"' not in page
    # Nothing of the voter stays on the server's side of the device either.
    assert not Session.objects.exists()

    start = kiosk.get(url("start", edition)).content.decode()
    assert 'name="code"' in start and code not in start


@pytest.mark.django_db
def test_the_kiosks_code_page_empties_the_session(kiosk: Client, vote: Vote) -> None:
    leave_something_in_the_session(kiosk)
    page = kiosk.get(url("start", vote[0])).content.decode()
    assert not Session.objects.exists()
    assert IDLE_REFRESH not in page  # the empty code page waits as long as it must
    assert "I have no letter" not in page and "Read the plans first" not in page


@pytest.mark.django_db
def test_a_wrong_code_on_the_kiosk_returns_to_the_start_after_a_minute(kiosk: Client, vote: Vote) -> None:
    page = open_ballot(kiosk, vote[0], "K7QM-3XRD-9TBW-HP2C-V").content.decode()
    assert IDLE_REFRESH in page  # the code typed does not stay on the screen


@pytest.mark.django_db
def test_a_ballot_left_open_too_long_on_the_kiosk_is_refused_and_nothing_is_cast(
    kiosk: Client, vote: Vote
) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    credential = credential_from_token(token_of(open_ballot(kiosk, edition, code)), edition=edition)
    with mock.patch("time.time", return_value=time.time() - mode.BALLOT_SECONDS - 5):
        stale = sign_credential(edition=edition, credential=credential)
    page = cast(kiosk, edition, stale, {"s-main": [str(plans[0].pk)]}).content.decode()
    assert message(KioskError, "ballot_expired") in page
    assert 'name="code"' in page  # back at the code form
    voter.refresh_from_db()
    assert voter.ballots_cast == 0 and factories.opened_contents(edition) == []


@pytest.mark.django_db
def test_away_from_a_kiosk_the_same_token_still_casts(vote: Vote) -> None:
    edition, plans = vote
    _, code = factories.make_voter(edition=edition)
    client = Client()
    credential = credential_from_token(token_of(open_ballot(client, edition, code)), edition=edition)
    with mock.patch("time.time", return_value=time.time() - mode.BALLOT_SECONDS - 5):
        token = sign_credential(edition=edition, credential=credential)
    page = cast(client, edition, token, {"s-main": [str(plans[0].pk)]}).content.decode()
    assert "Your vote has been received" in page and plans[0].title in page  # the full receipt


@pytest.mark.django_db
def test_a_kiosk_of_another_vote_changes_nothing_here(kiosk: Client, vote: Vote) -> None:
    other, plans = factories.make_vote(district=vote[0].district)
    _, code = factories.make_voter(edition=other)
    receipt = cast(kiosk, other, token_of(open_ballot(kiosk, other, code)), {"s-main": [str(plans[0].pk)]})
    assert "Change my vote" in receipt.content.decode()  # the ordinary receipt
    assert Voter.objects.get(edition=other).ballots_cast == 1


@pytest.mark.django_db
def test_a_kiosk_ballot_pressed_twice_shows_the_same_receipt_and_counts_once(
    kiosk: Client, vote: Vote
) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    ballot = open_ballot(kiosk, edition, code)
    key = re.search(r'name="cast_key" value="([^"]+)"', ballot.content.decode())
    assert key
    data = {"s-main": [str(plans[1].pk)], "cast_key": key.group(1)}
    first = cast(kiosk, edition, token_of(ballot), data)
    second = cast(kiosk, edition, token_of(ballot), data)
    number = re.compile(r"[0-9A-Z]{5}-[0-9A-Z]{5}")
    assert "Your vote has been received" in second.content.decode()
    assert (
        set(number.findall(first.content.decode())) == set(number.findall(second.content.decode())) != set()
    )
    voter.refresh_from_db()
    assert voter.ballots_cast == 1
    assert not Session.objects.exists()
