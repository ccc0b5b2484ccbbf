"""The e-mail way in: one-time codes for register voters, their limits, and the flow through the web."""

from __future__ import annotations

import re
from datetime import timedelta
from functools import partial
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from common import codes
from editions.models import Edition
from tests import factories
from tests.refusals import refused
from voting.errors import EligibilityError, VoteStateError
from voting.models import EmailChallenge, Voter
from voting.services import register_login
from voting.services.casting import credential_for_register_voter
from voting.services.register_login import request_one_time_code, verify_one_time_code

IP = "192.0.2.20"
EMAIL = "sanne@example.org"
SIX_DIGITS = re.compile(r"\b(\d{6})\b")


@pytest.fixture
def vote(db: None) -> tuple[Edition, Any]:
    edition, plans = factories.make_vote(ballot_max_choices=2)
    return edition, plans


@pytest.fixture
def register_voter(vote: tuple[Edition, Any]) -> Voter:
    voter: Voter = factories.make_register_voter(edition=vote[0], email=EMAIL)
    return voter


def mailed_code() -> str:
    found = SIX_DIGITS.search(str(mail.outbox[-1].body))
    assert found, mail.outbox[-1].body
    return found.group(1)


def ask(edition: Edition, email: str, capture: Any, client_ip: str = IP) -> None:
    with capture(execute=True):
        request_one_time_code(edition=edition, email=email, client_ip=client_ip)


# --- The service ----------------------------------------------------------------------------------


def test_a_register_voter_gets_a_code_by_mail_in_the_active_language(
    vote: tuple[Edition, Any], register_voter: Voter, django_capture_on_commit_callbacks: Any
) -> None:
    edition, _ = vote
    with translation.override("en"):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            request_one_time_code(edition=edition, email=" Sanne@Example.org ", client_ip=IP)
        assert mail.outbox == []  # sent only once the challenge is committed
        for callback in callbacks:
            callback()
    [message] = mail.outbox
    assert message.to == ["Sanne@Example.org"]
    assert message.subject == f"Your code to vote in {edition.name}"
    assert "It works once, for 15 minutes." in message.body
    code = mailed_code()
    challenge = EmailChallenge.objects.get()
    assert challenge.voter == register_voter
    assert code not in challenge.code_hash and challenge.code_hash == codes.one_time_code_hash(code)
    expected_expiry = timezone.now() + timedelta(minutes=15)
    assert abs((challenge.expires_at - expected_expiry).total_seconds()) < 5


def test_an_address_not_on_the_register_gets_no_mail_and_the_same_answer(
    vote: tuple[Edition, Any], register_voter: Voter, django_capture_on_commit_callbacks: Any
) -> None:
    edition, _ = vote
    factories.make_voter(edition=edition)  # a code voter: not reachable by e-mail
    ask(edition, "nobody@example.org", django_capture_on_commit_callbacks)
    assert mail.outbox == [] and not EmailChallenge.objects.exists()


def test_the_right_code_gives_the_register_credential_once(
    vote: tuple[Edition, Any], register_voter: Voter, django_capture_on_commit_callbacks: Any
) -> None:
    edition, _ = vote
    ask(edition, EMAIL, django_capture_on_commit_callbacks)
    code = mailed_code()
    credential = verify_one_time_code(edition=edition, email=EMAIL.upper(), code=f" {code} ", client_ip=IP)
    assert credential == credential_for_register_voter(register_voter, email=EMAIL)
    refused(
        lambda: verify_one_time_code(edition=edition, email=EMAIL, code=code, client_ip=IP),
        "wrong_one_time_code",
        error=EligibilityError,
    )


def test_the_right_one_time_code_passes_though_its_client_is_over_the_guessing_limit(
    vote: tuple[Edition, Any],
    register_voter: Voter,
    django_capture_on_commit_callbacks: Any,
    settings: Any,
) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (2, 600)
    edition, _ = vote
    for n in range(3):
        refused(
            partial(
                verify_one_time_code,
                edition=edition,
                email=f"nobody{n}@example.org",
                code="123456",
                client_ip=IP,
            ),
            error=EligibilityError,
        )
    refused(
        lambda: verify_one_time_code(
            edition=edition, email="nobody@example.org", code="123456", client_ip=IP
        ),
        "too_many_attempts",
        error=EligibilityError,
    )
    ask(edition, EMAIL, django_capture_on_commit_callbacks)
    credential = verify_one_time_code(edition=edition, email=EMAIL, code=mailed_code(), client_ip=IP)
    assert credential == credential_for_register_voter(register_voter, email=EMAIL)


def test_wrong_codes_count_and_the_limit_ends_the_code(
    vote: tuple[Edition, Any],
    register_voter: Voter,
    django_capture_on_commit_callbacks: Any,
    settings: Any,
) -> None:
    edition, _ = vote
    ask(edition, EMAIL, django_capture_on_commit_callbacks)
    code = mailed_code()
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _attempt in range(settings.VOTING_ONE_TIME_CODE_ATTEMPTS):
        refused(
            lambda: verify_one_time_code(edition=edition, email=EMAIL, code=wrong, client_ip=IP),
            "wrong_one_time_code",
            error=EligibilityError,
        )
    assert EmailChallenge.objects.get().attempts == settings.VOTING_ONE_TIME_CODE_ATTEMPTS
    refused(
        lambda: verify_one_time_code(edition=edition, email=EMAIL, code=code, client_ip=IP),
        "wrong_one_time_code",
        error=EligibilityError,
    )


def test_an_expired_code_is_refused(
    vote: tuple[Edition, Any],
    register_voter: Voter,
    django_capture_on_commit_callbacks: Any,
    freeze_time: Any,
) -> None:
    edition, _ = vote
    ask(edition, EMAIL, django_capture_on_commit_callbacks)
    code = mailed_code()
    freeze_time(timezone.now() + timedelta(minutes=16))
    refused(
        lambda: verify_one_time_code(edition=edition, email=EMAIL, code=code, client_ip=IP),
        error=EligibilityError,
    )


def test_a_new_code_ends_the_earlier_one(
    vote: tuple[Edition, Any], register_voter: Voter, django_capture_on_commit_callbacks: Any
) -> None:
    edition, _ = vote
    ask(edition, EMAIL, django_capture_on_commit_callbacks)
    first = mailed_code()
    ask(edition, EMAIL, django_capture_on_commit_callbacks)
    second = mailed_code()
    if first != second:
        refused(
            lambda: verify_one_time_code(edition=edition, email=EMAIL, code=first, client_ip=IP),
            error=EligibilityError,
        )
    assert verify_one_time_code(edition=edition, email=EMAIL, code=second, client_ip=IP)


def test_an_unknown_address_is_refused_like_a_wrong_code(
    vote: tuple[Edition, Any], register_voter: Voter
) -> None:
    refused(
        lambda: verify_one_time_code(
            edition=vote[0], email="nobody@example.org", code="123456", client_ip=IP
        ),
        "wrong_one_time_code",
        error=EligibilityError,
    )


def test_requests_are_limited_per_address_and_per_client(
    vote: tuple[Edition, Any], register_voter: Voter, django_capture_on_commit_callbacks: Any
) -> None:
    edition, _ = vote
    for i in range(register_login.CODES_PER_ADDRESS_PER_HOUR + 2):
        ask(edition, EMAIL, django_capture_on_commit_callbacks, client_ip=f"192.0.2.{i}")
    assert len(mail.outbox) == register_login.CODES_PER_ADDRESS_PER_HOUR
    other = factories.make_register_voter(edition=edition, email="bram@example.org", name="Bram")
    mail.outbox.clear()
    for _attempt in range(register_login.CODES_PER_CLIENT_PER_HOUR):
        ask(edition, f"x{_attempt}@example.org", django_capture_on_commit_callbacks)
    ask(edition, "bram@example.org", django_capture_on_commit_callbacks)  # this client is over its limit
    assert mail.outbox == [] and not EmailChallenge.objects.filter(voter=other).exists()


def test_no_code_is_sent_when_the_vote_is_not_open(db: None, django_capture_on_commit_callbacks: Any) -> None:
    edition, _ = factories.make_vote(phase="result")
    factories.make_register_voter(edition=edition, email=EMAIL)
    refused(lambda: ask(edition, EMAIL, django_capture_on_commit_callbacks), error=VoteStateError)
    assert mail.outbox == []


def test_a_revoked_register_voter_gets_no_code(
    vote: tuple[Edition, Any], register_voter: Voter, django_capture_on_commit_callbacks: Any
) -> None:
    Voter.objects.filter(pk=register_voter.pk).update(revoked_at=timezone.now())
    ask(vote[0], EMAIL, django_capture_on_commit_callbacks)
    assert mail.outbox == []


# --- Through the web ----------------------------------------------------------------------------


def url(name: str, edition: Edition, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"voting:{name}", args=[edition.slug])


def test_a_register_voter_votes_through_the_e_mail_check_end_to_end(
    vote: tuple[Edition, Any], register_voter: Voter, django_capture_on_commit_callbacks: Any
) -> None:
    edition, plans = vote
    client = Client()
    start = client.get(url("start", edition)).content.decode()
    assert "I have no letter: check via e-mail" in start
    assert client.get(url("email", edition)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(url("email", edition), {"email": EMAIL})
    assert "we have sent a code to it" in sent.content.decode()
    [message] = mail.outbox
    assert message.to == [EMAIL]
    code = mailed_code()

    wrong = client.post(
        url("email_code", edition), {"email": EMAIL, "code": "000000" if code != "000000" else "1"}
    )
    with translation.override("en"):
        assert escape(EligibilityError("wrong_one_time_code").message) in wrong.content.decode()
    assert 'name="token"' not in wrong.content.decode()

    ballot = client.post(url("email_code", edition), {"email": EMAIL, "code": code})
    page = ballot.content.decode()
    assert "Your ballot" in page
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    receipt = client.post(url("ballot", edition), {"token": token, "s-main": [str(plans[2].pk)]})
    assert "Your vote has been received" in receipt.content.decode()
    credential = credential_for_register_voter(register_voter, email=EMAIL)
    assert factories.opened_ballots(edition)[credential.slot] == {"main": [plans[2].pk]}
    register_voter.refresh_from_db()
    assert register_voter.ballots_cast == 1


def test_the_e_mail_page_answers_the_same_for_any_address(
    vote: tuple[Edition, Any], register_voter: Voter, django_capture_on_commit_callbacks: Any
) -> None:
    edition, _ = vote
    client = Client()

    def answer(email: str) -> str:
        with django_capture_on_commit_callbacks(execute=True):
            page = client.post(url("email", edition), {"email": email}).content.decode()
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
        return page.replace(email, "ADDRESS")

    assert answer(EMAIL) == answer("nobody@example.org")
    assert len(mail.outbox) == 1


def test_editions_without_a_register_have_no_e_mail_pages(db: None) -> None:
    edition, _ = factories.make_vote()
    client = Client()
    assert "I have no letter" not in client.get(url("start", edition)).content.decode()
    assert client.get(url("email", edition)).status_code == 404
    assert client.post(url("email_code", edition), {"email": EMAIL, "code": "123456"}).status_code == 404


def test_the_language_switch_on_the_e_mail_code_page_keeps_the_address_and_code_and_checks_nothing(
    vote: tuple[Edition, Any], register_voter: Voter, django_capture_on_commit_callbacks: Any
) -> None:
    edition, _ = vote
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url("email", edition, "nl"), {"email": EMAIL}).content.decode()
    assert f'form="email-code-form" formaction="{url("email_code", edition, "tr")}"' in page
    typed = {"email": EMAIL, "code": "123456", "language_switch": "tr"}
    switched = client.post(url("email_code", edition, "tr"), typed).content.decode()
    assert '<html lang="tr"' in switched and f'value="{EMAIL}"' in switched and 'value="123456"' in switched
    assert 'name="token"' not in switched and 'aria-invalid="true"' not in switched
    assert EmailChallenge.objects.get().attempts == 0  # a switch is not an attempt
