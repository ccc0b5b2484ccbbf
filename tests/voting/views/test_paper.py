"""The paper ballot pages: the first entry, the blind second entry, the review, and their refusals."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.test import Client

from accounts.models import Role
from editions.models import Edition
from places.models import District
from proposals.models import Plan
from tests import factories
from tests.conftest import People
from tests.voting.views.staff import client_for, url
from voting.models import Ballot, PaperEntry, PaperEntryStatus, Voter

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

pytestmark = pytest.mark.usefixtures("english", "private_root")


def _enter(client: Client, edition: Edition, code: str, plan_ids: list[int]) -> _MonkeyPatchedWSGIResponse:
    return client.post(
        url("paper", edition),
        {"step": "enter", "via": "code", "code": code, "plans-main": [str(p) for p in plan_ids]},
        follow=True,
    )


def test_paper_ballot_entered_by_one_official_and_confirmed_by_another(
    vote: tuple[Edition, list[Plan]], people: People
) -> None:
    edition, plans = vote
    first = client_for(people.staff[Role.OFFICIAL])
    second = client_for(people.administrator)
    _, code = factories.make_voter(edition=edition)
    found = first.post(url("paper", edition), {"step": "find", "via": "code", "code": code.lower()})
    assert 'name="plans-main"' in found.content.decode()
    response = _enter(first, edition, code, [plans[1].pk])
    entry = PaperEntry.objects.get()
    assert f"number {entry.pk}" in response.content.decode()
    blind = second.get(url("paper_confirm_entry", edition, pk=entry.pk)).content.decode()
    assert "checked" not in blind
    own = first.post(url("paper_confirm_entry", edition, pk=entry.pk), {"plans-main": [str(plans[1].pk)]})
    assert "The second entry must be made by a different official." in own.content.decode()
    entry.refresh_from_db()
    assert entry.status == PaperEntryStatus.AWAITING_SECOND
    second.post(url("paper_confirm_entry", edition, pk=entry.pk), {"plans-main": [str(plans[1].pk)]})
    entry.refresh_from_db()
    assert entry.status == PaperEntryStatus.CONFIRMED and Ballot.objects.count() == 1


def test_a_mismatch_is_reviewed_side_by_side(vote: tuple[Edition, list[Plan]], people: People) -> None:
    edition, plans = vote
    first = client_for(people.staff[Role.OFFICIAL])
    second = client_for(people.administrator)
    _, code = factories.make_voter(edition=edition)
    _enter(first, edition, code, [plans[1].pk])
    entry = PaperEntry.objects.get()
    second.post(url("paper_confirm_entry", edition, pk=entry.pk), {"plans-main": [str(plans[2].pk)]})
    entry.refresh_from_db()
    assert entry.status == PaperEntryStatus.MISMATCH
    page = first.get(url("paper_review_entry", edition, pk=entry.pk)).content.decode()
    assert plans[1].title in page and plans[2].title in page
    response = first.post(url("paper_review_entry", edition, pk=entry.pk), {"decision": "first", "note": ""})
    assert response.status_code == 200 and not Ballot.objects.exists()
    first.post(
        url("paper_review_entry", edition, pk=entry.pk), {"decision": "first", "note": "Gecontroleerd."}
    )
    assert factories.opened_contents(edition) == [{"main": [plans[1].pk]}]


def test_the_paper_page_refuses_voters_who_voted_and_invalid_ballots(
    vote: tuple[Edition, list[Plan]], people: People
) -> None:
    edition, _plans = vote
    client = client_for(people.staff[Role.OFFICIAL])
    voter, code = factories.make_voter(edition=edition)
    Voter.objects.filter(pk=voter.pk).update(channel="online")
    response = client.post(url("paper", edition), {"step": "find", "via": "code", "code": code})
    assert "already voted online" in response.content.decode()
    _, other = factories.make_voter(edition=edition)
    empty = _enter(client, edition, other, [])
    assert "Choose at least one plan." in empty.content.decode()
    unknown = client.post(url("paper", edition), {"step": "find", "via": "code", "code": "AAAA"})
    assert "not a valid voting code" in unknown.content.decode()
    assert not PaperEntry.objects.exists()


def test_paper_entry_outside_the_vote_shows_why(people: People, district: District) -> None:
    edition, _ = factories.make_vote(district=district, phase="result")
    client = client_for(people.staff[Role.OFFICIAL])
    page = client.get(url("paper", edition)).content.decode()
    assert "can be entered only while the vote is open" in page
    response = client.post(url("paper", edition), {"step": "find", "via": "code", "code": "x"}, follow=True)
    assert (
        "the vote for this edition is not open" in response.content.decode()
        and not PaperEntry.objects.exists()
    )
