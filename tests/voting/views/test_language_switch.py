"""The language switch on the vote's pages re-posts the form: the code typed and the choices made are
kept in the other language, nothing is cast or checked, and the code never reaches a URL."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from common import codes
from editions.models import BallotFormat
from tests import factories
from tests.helpers import html_lang
from tests.voting.views.resident import make_format_vote, open_ballot, token_of, url
from tests.voting.views.test_ballot import first_and_second_ballot, prefilled
from voting.models import Ballot, Voter

pytestmark = pytest.mark.django_db


def switch_buttons(page: str) -> dict[str, str]:
    """Language → the address its button re-posts the form to, for the buttons of the header's switch."""
    found = re.findall(r'formaction="([^"]+)" formnovalidate name="language_switch" value="(\w+)"', page)
    return {language: action for action, language in found}


@pytest.mark.parametrize("ballot_format", list(BallotFormat.values))
def test_switching_language_on_the_ballot_keeps_the_choices_and_casts_nothing(
    client: Client, ballot_format: str
) -> None:
    edition, plans = make_format_vote(ballot_format)
    voter, code = factories.make_voter(edition=edition)
    ballot_page = open_ballot(client, edition, code, "nl")
    choices, content, _, _ = first_and_second_ballot(ballot_format, plans)
    data: dict[str, Any] = {"token": token_of(ballot_page), **choices, "language_switch": "ar"}
    response = client.post(url("ballot", edition, "ar"), data)
    page = response.content.decode()
    assert response.status_code == 200 and html_lang(response) == "ar" and 'dir="rtl"' in page
    assert prefilled(ballot_format, page, content)
    assert token_of(response)  # the voter can go on and cast it
    assert code not in page and codes.normalise(code) not in page
    assert not Ballot.objects.exists()
    voter.refresh_from_db()
    assert voter.ballots_cast == 0


def test_the_ballots_switch_re_posts_the_ballot_form_to_the_ballot_in_each_language(client: Client) -> None:
    edition, _ = make_format_vote(BallotFormat.APPROVAL)
    _, code = factories.make_voter(edition=edition)
    page = open_ballot(client, edition, code, "tr").content.decode()
    assert 'form="ballot-form"' in page and 'id="ballot-form"' in page
    assert switch_buttons(page) == {lang: url("ballot", edition, lang) for lang in ("ar", "tr", "en", "nl")}
    assert 'value="tr" lang="tr" aria-current="true"' in page
    assert "<a " not in page[page.index("site-header__languages") : page.index("</nav>")]  # no GET link


def test_switching_with_a_tampered_token_casts_nothing_and_asks_for_the_code(client: Client) -> None:
    edition, plans = make_format_vote(BallotFormat.APPROVAL)
    data = {"token": "forged", "s-main": [str(plans[0].pk)], "language_switch": "en"}
    page = client.post(url("ballot", edition, "en"), data).content.decode()
    assert 'name="token"' not in page and 'name="code"' in page
    assert not Ballot.objects.exists()


def test_a_logged_in_voters_switch_on_the_ballot_is_saved_with_the_account(client: Client) -> None:
    edition, _ = make_format_vote(BallotFormat.APPROVAL)
    _, code = factories.make_voter(edition=edition)
    user = factories.make_user()
    client.force_login(user)
    token = token_of(open_ballot(client, edition, code, "nl"))
    client.post(url("ballot", edition, "tr"), {"token": token, "language_switch": "tr"})
    user.refresh_from_db()
    assert user.language == "tr"


def test_switching_language_on_the_code_page_keeps_the_code_typed_and_checks_nothing(
    client: Client, settings: Any
) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (1, 600)
    edition, _ = make_format_vote(BallotFormat.APPROVAL)
    voter, code = factories.make_voter(edition=edition)
    start = client.get(url("start", edition, "nl")).content.decode()
    assert switch_buttons(start) == {lang: url("start", edition, lang) for lang in ("ar", "tr", "en", "nl")}
    wrong = codes.new_code()
    for _ in range(3):  # a switch is not an attempt: the limit of one wrong code is never reached
        response = client.post(url("start", edition, "ar"), {"code": wrong, "language_switch": "ar"})
    page = response.content.decode()
    assert html_lang(response) == "ar" and f'value="{wrong}"' in page and 'dir="ltr"' in page
    assert 'aria-invalid="true"' not in page and 'name="token"' not in page
    assert 'name="token"' in open_ballot(client, edition, code, "ar").content.decode()
    assert Voter.objects.get(pk=voter.pk).ballots_cast == 0


def test_switching_language_on_the_receipt_shows_the_same_receipt_and_casts_nothing_more(
    client: Client,
) -> None:
    edition, plans = make_format_vote(BallotFormat.APPROVAL)
    _, code = factories.make_voter(edition=edition)
    token = token_of(open_ballot(client, edition, code, "nl"))
    receipt = client.post(url("ballot", edition, "nl"), {"token": token, "s-main": [str(plans[1].pk)]})
    page = receipt.content.decode()
    number = re.search(r'id="receipt-number">([^<]+)<', page)
    assert number is not None and switch_buttons(page)["en"] == url("ballot", edition, "en")
    assert 'form="receipt-form"' in page
    receipt_token = re.search(r'name="receipt" value="([^"]+)"', page)
    assert receipt_token is not None
    data = {"token": token_of(receipt), "receipt": receipt_token.group(1), "language_switch": "en"}
    again = client.post(url("ballot", edition, "en"), data).content.decode()
    assert "Your vote has been received" in again and f'id="receipt-number">{number.group(1)}<' in again
    assert plans[1].title in again and plans[0].title not in again
    assert Ballot.objects.count() == 1 and factories.opened_contents(edition) == [{"main": [plans[1].pk]}]
    forged = {**data, "receipt": receipt_token.group(1)[:-2] + "xx"}
    refused = client.post(url("ballot", edition, "en"), forged).content.decode()
    assert 'name="code"' in refused and "Your vote has been received" not in refused
