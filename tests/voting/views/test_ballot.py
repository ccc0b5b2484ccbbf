"""The resident's ballot and receipt per format; every refused ballot changes nothing."""

from __future__ import annotations

import re
import time
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone, translation

from accounts.models import Role
from ballots.errors import BallotError
from editions.models import BallotFormat, Phase
from proposals.models import Plan
from tests import factories
from tests.voting.views.resident import cast, make_format_vote, message, open_ballot, token_of, url
from voting.errors import EligibilityError, VoteStateError
from voting.models import Ballot, Channel, Voter
from voting.views.tokens import credential_from_token, sign_credential

# --- Each format: cast, see the receipt, change, cast again ---------------------------------------


def first_and_second_ballot(ballot_format: str, plans: list[Plan]) -> tuple[dict[str, Any], ...]:
    """(first POST data, its content, second POST data, its content) for the format."""
    a, b, c, d = (p.pk for p in plans)
    if ballot_format == BallotFormat.CUMULATIVE:
        return (
            {f"p-main-{a}": "6", f"p-main-{b}": "4", f"p-main-{c}": ""},
            {"main": [[a, 6], [b, 4]]},
            {f"p-main-{a}": "0", f"p-main-{c}": "3", f"p-main-{d}": "7"},
            {"main": [[c, 3], [d, 7]]},
        )
    if ballot_format == BallotFormat.RANKING:
        return (
            {"r-main-1": str(c), "r-main-2": str(a), "r-main-3": ""},
            {"main": [c, a]},
            {"r-main-1": str(d), "r-main-2": str(b), "r-main-3": str(c)},
            {"main": [d, b, c]},
        )
    if ballot_format == BallotFormat.KNAPSACK:  # budget € 60.000; plans € 40k, 30k, 20k, 10k
        return (
            {"s-main": [str(a), str(c)]},
            {"main": sorted([a, c])},
            {"s-main": [str(b), str(c), str(d)]},
            {"main": sorted([b, c, d])},
        )
    return ({"s-main": [str(b), str(a)]}, {"main": sorted([a, b])}, {"s-main": [str(d)]}, {"main": [d]})


def prefilled(ballot_format: str, page: str, content: dict[str, Any]) -> bool:
    """Whether the ballot form shows ``content`` as chosen."""
    items = content["main"]
    if ballot_format == BallotFormat.CUMULATIVE:
        return all(
            re.search(rf'id="p-main-{pk}" name="p-main-{pk}" value="{points}"', page) for pk, points in items
        )
    if ballot_format == BallotFormat.RANKING:
        return all(
            re.search(rf'id="r-main-{i}".*?<option value="{pk}" selected>', page, re.S)
            for i, pk in enumerate(items, start=1)
        )
    return all(re.search(rf'value="{pk}" data-cost="\d+" checked', page) for pk in items)


@pytest.mark.django_db
@pytest.mark.parametrize("ballot_format", list(BallotFormat.values))
def test_each_format_is_cast_and_then_replaced_through_the_web_form(
    client: Client, ballot_format: str
) -> None:
    edition, plans = make_format_vote(ballot_format)
    voter, code = factories.make_voter(edition=edition)
    first, first_content, second, second_content = first_and_second_ballot(ballot_format, plans)

    ballot_page = open_ballot(client, edition, code)
    assert "You have already voted" not in ballot_page.content.decode()
    receipt = cast(client, edition, token_of(ballot_page), first)
    page = receipt.content.decode()
    assert receipt.status_code == 200, page
    assert "Your vote has been received" in page
    stored = Ballot.objects.get()
    assert factories.opened_contents(edition) == [first_content]
    assert stored.receipt in page
    assert "no-store" in receipt["Cache-Control"]
    titles = {p.pk: p.title for p in plans}
    chosen = [i[0] if isinstance(i, list) else i for i in first_content["main"]]
    assert all(titles[pk] in page for pk in chosen)
    assert all(titles[p.pk] not in page for p in plans if p.pk not in chosen)

    # "Change my vote" re-opens the form with the token, empty: the ballot just cast is sealed.
    change = client.post(url("ballot", edition), {"token": token_of(receipt), "intent": "change"})
    change_page = change.content.decode()
    assert "You have already voted" in change_page and "cannot be shown" in change_page
    assert not prefilled(ballot_format, change_page, first_content)
    assert factories.opened_contents(edition) == [first_content]  # opening the form changes nothing

    again = cast(client, edition, token_of(change), second)
    assert "Your vote has been changed" in again.content.decode()
    assert factories.opened_contents(edition) == [second_content]
    voter.refresh_from_db()
    assert (voter.channel, voter.ballots_cast) == (Channel.ONLINE, 2)


@pytest.mark.django_db
def test_entering_the_code_again_later_says_the_earlier_ballot_is_sealed_and_shows_it_empty(
    client: Client,
) -> None:
    edition, plans = make_format_vote(BallotFormat.KNAPSACK)
    _, code = factories.make_voter(edition=edition)
    cast(client, edition, token_of(open_ballot(client, edition, code)), {"s-main": [str(plans[3].pk)]})
    page = open_ballot(client, edition, code).content.decode()
    assert "You have already voted" in page and "your earlier choices cannot be shown" in page
    assert not prefilled(BallotFormat.KNAPSACK, page, {"main": [plans[3].pk]})
    assert "€0 of €60,000 chosen" in page  # the budget line, rendered without JavaScript
    assert factories.opened_contents(edition) == [{"main": [plans[3].pk]}]


@pytest.mark.django_db
def test_the_receipt_time_is_in_amsterdam_time(client: Client) -> None:
    edition, plans = make_format_vote(BallotFormat.APPROVAL)
    _, code = factories.make_voter(edition=edition)
    page = cast(
        client, edition, token_of(open_ballot(client, edition, code)), {"s-main": [str(plans[0].pk)]}
    ).content.decode()
    now = timezone.localtime(timezone.now())  # TIME_ZONE is Europe/Amsterdam
    assert now.strftime("%Y-%m-%d") in page  # in the <time datetime>
    assert re.search(r'datetime="[^"]+\+0[12]:00"', page)


# --- Refused ballots: the message, the input kept, nothing stored -------------------------------


def assert_nothing_cast(voter: Voter) -> None:
    voter.refresh_from_db()
    assert (voter.channel, voter.ballots_cast) == ("", 0)
    assert not Ballot.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_knapsack_ballot_over_budget_is_refused_and_keeps_the_choice(client: Client, language: str) -> None:
    edition, plans = make_format_vote(BallotFormat.KNAPSACK)
    voter, code = factories.make_voter(edition=edition)
    token = token_of(open_ballot(client, edition, code, language))
    chosen = [str(plans[0].pk), str(plans[1].pk)]  # € 70.000 of € 60.000
    response = cast(client, edition, token, {"s-main": chosen}, language)
    page = response.content.decode()
    with translation.override(language):
        from ui.templatetags.money import format_money

        expected = message(
            BallotError,
            "over_budget",
            language,
            cost=format_money(7_000_000),
            budget=format_money(6_000_000),
            section=edition.name,
        )
    assert expected in page
    assert 'role="alert"' in page and 'href="#section-main"' in page
    assert 'aria-describedby="section-main-error"' in page
    assert prefilled(BallotFormat.KNAPSACK, page, {"main": [plans[0].pk, plans[1].pk]})
    assert "ballot-status--over" in page
    assert_nothing_cast(voter)


@pytest.mark.django_db
def test_an_approval_ballot_over_k_is_refused(client: Client) -> None:
    edition, plans = make_format_vote(BallotFormat.APPROVAL)
    voter, code = factories.make_voter(edition=edition)
    token = token_of(open_ballot(client, edition, code))
    page = cast(client, edition, token, {"s-main": [str(p.pk) for p in plans[:3]]}).content.decode()
    assert message(BallotError, "too_many_plans", given=3, allowed=2, section=edition.name) in page
    assert_nothing_cast(voter)


@pytest.mark.django_db
def test_a_cumulative_ballot_with_too_many_points_is_refused_and_keeps_the_points(client: Client) -> None:
    edition, plans = make_format_vote(BallotFormat.CUMULATIVE)
    voter, code = factories.make_voter(edition=edition)
    token = token_of(open_ballot(client, edition, code))
    data = {f"p-main-{plans[0].pk}": "8", f"p-main-{plans[1].pk}": "5"}
    page = cast(client, edition, token, data).content.decode()
    assert message(BallotError, "too_many_points", given=13, allowed=10, section=edition.name) in page
    assert prefilled(BallotFormat.CUMULATIVE, page, {"main": [[plans[0].pk, 8], [plans[1].pk, 5]]})
    assert "Too many points: you gave 13" in page
    assert_nothing_cast(voter)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ballot_format", "data", "code"),
    [
        (BallotFormat.APPROVAL, {}, "empty_ballot"),
        (BallotFormat.CUMULATIVE, {"p-main-{a}": "two"}, "points_not_whole"),
        (BallotFormat.RANKING, {"r-main-1": "{a}", "r-main-2": "{a}"}, "duplicate_plan"),
    ],
)
def test_other_invalid_ballots_are_refused_with_their_message(
    client: Client, ballot_format: str, data: dict[str, str], code: str
) -> None:
    edition, plans = make_format_vote(ballot_format)
    voter, voting_code = factories.make_voter(edition=edition)
    token = token_of(open_ballot(client, edition, voting_code))
    filled = {k.format(a=plans[0].pk): v.format(a=plans[0].pk) for k, v in data.items()}
    page = cast(client, edition, token, filled).content.decode()
    assert message(BallotError, code) in page
    assert_nothing_cast(voter)


@pytest.mark.django_db
@pytest.mark.parametrize("tampering", ["changed", "empty", "expired", "other edition"])
def test_a_tampered_or_expired_token_sends_back_to_the_code_form(client: Client, tampering: str) -> None:
    edition, plans = make_format_vote(BallotFormat.APPROVAL)
    voter, code = factories.make_voter(edition=edition)
    token = token_of(open_ballot(client, edition, code))
    credential = credential_from_token(token, edition=edition)
    if tampering == "changed":
        token = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    elif tampering == "empty":
        token = ""
    elif tampering == "expired":
        with mock.patch("time.time", return_value=time.time() - 3 * 3600):
            token = sign_credential(edition=edition, credential=credential)
    else:
        other, _ = make_format_vote(BallotFormat.APPROVAL)
        token = sign_credential(edition=other, credential=credential)
    for data in ({"s-main": [str(plans[0].pk)]}, {"intent": "change"}):
        page = cast(client, edition, token, data).content.decode()
        assert message(EligibilityError, "session_expired") in page
        assert 'name="code"' in page  # back at the code form
    assert_nothing_cast(voter)


@pytest.mark.django_db
def test_a_ballot_sent_after_the_vote_closed_is_refused(client: Client) -> None:
    edition, plans = make_format_vote(BallotFormat.APPROVAL)
    voter, code = factories.make_voter(edition=edition)
    token = token_of(open_ballot(client, edition, code))
    now = timezone.now()
    Phase.objects.filter(edition=edition, kind="decision").update(ends_at=now - timedelta(minutes=1))
    Phase.objects.filter(edition=edition, kind="result").update(starts_at=now - timedelta(minutes=1))
    page = cast(client, edition, token, {"s-main": [str(plans[0].pk)]}).content.decode()
    assert message(VoteStateError, "vote_not_open") in page
    assert "The vote closed on" in page
    assert_nothing_cast(voter)


@pytest.mark.django_db
def test_a_voter_whose_paper_ballot_was_entered_cannot_vote_online(client: Client) -> None:
    edition, plans = make_format_vote(BallotFormat.APPROVAL)
    voter, code = factories.make_voter(edition=edition)
    token = token_of(open_ballot(client, edition, code))
    Voter.objects.filter(pk=voter.pk).update(channel=Channel.PAPER)
    page = cast(client, edition, token, {"s-main": [str(plans[0].pk)]}).content.decode()
    assert message(VoteStateError, "voted_on_paper") in page
    assert not Ballot.objects.exists()


@pytest.mark.django_db
def test_the_ballot_page_needs_a_post(client: Client) -> None:
    edition, _ = make_format_vote(BallotFormat.APPROVAL)
    assert client.get(url("ballot", edition)).status_code == 405


@pytest.mark.django_db
def test_a_ballot_with_sub_budgets_has_one_fieldset_per_section(client: Client) -> None:
    edition, plans = make_format_vote(BallotFormat.KNAPSACK)
    district = edition.district
    west = factories.make_neighbourhood(district=district, name="Westpunt")
    factories.make_sub_budget(edition=edition, neighbourhood=west, amount_cents=2_500_000)
    local = factories.make_plan(
        edition=edition, title="Buurtplan West", neighbourhood=west, status="feasible", costs=(2_000_000,)
    )
    _, code = factories.make_voter(edition=edition)
    page = open_ballot(client, edition, code).content.decode()
    assert page.count("<fieldset") == 2
    assert 'id="section-n-westpunt"' in page and 'id="section-main"' in page
    assert "€25,000" in page
    response = cast(
        client,
        edition,
        token_of(open_ballot(client, edition, code)),
        {"s-n-westpunt": [str(local.pk)], "s-main": [str(plans[1].pk)]},  # main: € 35.000 left
    )
    assert "Your vote has been received" in response.content.decode()
    assert factories.opened_contents(edition) == [{"n-westpunt": [local.pk], "main": [plans[1].pk]}]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_voter_whose_paper_ballot_was_entered_is_told_at_once_not_shown_a_ballot(
    client: Client, language: str
) -> None:
    from voting.services.paper import enter_paper_ballot, voter_for_code

    edition, plans = make_format_vote(BallotFormat.APPROVAL)
    _, code = factories.make_voter(edition=edition)
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    found, slot = voter_for_code(edition=edition, code=code)
    enter_paper_ballot(edition=edition, voter=found, slot=slot, ballot={"main": [plans[0].pk]}, by=official)

    page = open_ballot(client, edition, code, language)

    assert message(VoteStateError, "voted_on_paper", language) in page.content.decode()
    assert 'name="token"' not in page.content.decode()  # no ballot to fill in and lose
