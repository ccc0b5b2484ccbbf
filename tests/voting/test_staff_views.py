"""The officials' vote pages: who may open them, the forms, and the messages a refusal shows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from accounts.models import Role, User
from editions.models import Edition
from places.models import District
from proposals.models import Plan
from tests import factories
from tests.conftest import People
from voting.models import Address, Ballot, LetterBatch, PaperEntry, PaperEntryStatus, VoteClosure, Voter

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PAGES = ("manage", "paper", "paper_confirm", "paper_review")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Pages in English: reverse() gives /en/ paths (the Dutch texts arrive with the lead's .po merge)."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def private_root(settings: Settings, tmp_path: Path) -> Path:
    settings.PRIVATE_FILES_ROOT = tmp_path
    settings.TASKS = IMMEDIATE
    return tmp_path


@pytest.fixture
def vote(district: District) -> tuple[Edition, list[Plan]]:
    edition, plans = factories.make_vote(district=district)
    return edition, plans


@pytest.fixture
def upcoming(district: District) -> Edition:
    edition, _ = factories.make_vote(district=district, phase="review")
    factories.make_neighbourhood(district=district, name="Slotervaart")
    return edition


def url(name: str, edition: Edition, **kwargs: Any) -> str:
    return reverse(f"voting:{name}", kwargs={"slug": edition.slug, **kwargs})


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("page", PAGES)
def test_officials_and_administrators_of_the_district_may_open_the_pages(
    vote: tuple[Edition, list[Plan]], people: People, page: str
) -> None:
    edition, _ = vote
    for user in (people.staff[Role.OFFICIAL], people.administrator, people.superuser):
        assert client_for(user).get(url(page, edition)).status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_everyone_else_is_refused(vote: tuple[Edition, list[Plan]], people: People, page: str) -> None:
    edition, _ = vote
    refused = [
        people.resident,
        people.staff[Role.REVIEWER],
        people.staff[Role.COMMITTEE],
        people.staff[Role.FACILITATOR],
        people.staff_elsewhere[Role.OFFICIAL],
        people.administrator_elsewhere,
    ]
    for user in refused:
        assert client_for(user).get(url(page, edition)).status_code == 403, user
    assert Client().get(url(page, edition)).status_code == 302


def test_refused_users_cannot_post_either(upcoming: Edition, people: People) -> None:
    response = client_for(people.staff[Role.REVIEWER]).post(
        url("import_addresses", upcoming),
        {
            "addresses-file": SimpleUploadedFile(
                "a.csv", b"adres,postcode,buurt,stemgerechtigden\nA 1,1058 HE,Slotervaart,1\n"
            )
        },
    )
    assert response.status_code == 403 and not Address.objects.exists()


def test_an_address_list_is_imported_and_a_bad_one_shows_its_line(upcoming: Edition, people: People) -> None:
    client = client_for(people.staff[Role.OFFICIAL])
    bad = b"adres,postcode,buurt,stemgerechtigden\nA 1,1058 HE,Slotervaart,1\nA 2,1058 HE,Atlantis,1\n"
    response = client.post(
        url("import_addresses", upcoming), {"addresses-file": SimpleUploadedFile("a.csv", bad)}
    )
    assert response.status_code == 200
    assert "Line 3" in response.content.decode() and "Atlantis" in response.content.decode()
    assert not Address.objects.exists()
    good = b"adres,postcode,buurt,stemgerechtigden\nA 1,1058 HE,Slotervaart,2\n"
    response = client.post(
        url("import_addresses", upcoming), {"addresses-file": SimpleUploadedFile("a.csv", good)}, follow=True
    )
    assert Address.objects.count() == 1
    assert "1 address with 2 eligible residents was imported." in response.content.decode()


def test_the_register_import_reports_residents_left_out(upcoming: Edition, people: People) -> None:
    data = (
        b"naam,geboortedatum,postcode,e-mail,buurt\n"
        b"A,1990-01-01,1058 HE,a@x.nl,Slotervaart\nB,2026-01-01,1058 HE,b@x.nl,Slotervaart\n"
    )
    response = client_for(people.staff[Role.OFFICIAL]).post(
        url("import_register", upcoming), {"register-file": SimpleUploadedFile("r.csv", data)}, follow=True
    )
    text = response.content.decode()
    assert Voter.objects.count() == 1 and "1 resident was left out" in text


def test_issue_download_and_destroy_letters(
    upcoming: Edition, people: People, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    Address.objects.create(
        edition=upcoming,
        street_address="A 1",
        postcode="1058 HE",
        neighbourhood=upcoming.district.neighbourhoods.get(),
        eligible_count=2,
    )
    client = client_for(people.staff[Role.OFFICIAL])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("issue_codes", upcoming), follow=True)
    batch = LetterBatch.objects.get()
    assert batch.file_name and Voter.objects.count() == 2
    download = client.get(url("download_letters", upcoming, pk=batch.pk))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    streamed = cast(StreamingHttpResponse, download).streaming_content
    assert isinstance(streamed, Iterator)
    assert b"".join(streamed).startswith(b"%PDF")
    assert (
        client_for(people.staff[Role.REVIEWER])
        .get(url("download_letters", upcoming, pk=batch.pk))
        .status_code
        == 403
    )
    response = client.post(url("destroy_letters", upcoming, pk=batch.pk), follow=True)
    batch.refresh_from_db()
    assert batch.destroyed_at is not None
    response = client.get(url("download_letters", upcoming, pk=batch.pk), follow=True)
    assert "This letters file has been destroyed." in response.content.decode()


def test_reissue_by_address_shows_unknown_addresses_in_place(upcoming: Edition, people: People) -> None:
    response = client_for(people.staff[Role.OFFICIAL]).post(
        url("reissue", upcoming), {"reissue-street_address": "Nergens 1", "reissue-postcode": "1058HE"}
    )
    assert response.status_code == 200
    assert "This address is not on the address list of this vote." in response.content.decode()
    assert not LetterBatch.objects.exists()


def test_closing_early_needs_a_reason(vote: tuple[Edition, list[Plan]], people: People) -> None:
    edition, _ = vote
    client = client_for(people.staff[Role.OFFICIAL])
    response = client.post(url("close", edition), {"close-reason": "   "})
    assert response.status_code == 200 and "utrecht-form-field--invalid" in response.content.decode()
    assert not VoteClosure.objects.exists()
    client.post(url("close", edition), {"close-reason": "Storing bij de stembussen."})
    assert VoteClosure.objects.get().reason == "Storing bij de stembussen."


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


def test_the_workspace_links_officials_to_vote_management(
    vote: tuple[Edition, list[Plan]], people: People
) -> None:
    edition, _ = vote
    page = client_for(people.staff[Role.OFFICIAL]).get(reverse("pages:workspace")).content.decode()
    assert url("manage", edition) in page
    page = client_for(people.staff[Role.REVIEWER]).get(reverse("pages:workspace")).content.decode()
    assert url("manage", edition) not in page


def test_setting_up_the_ballot_box_downloads_the_share_sheets_once_and_stores_no_share(
    upcoming: Edition, people: People, private_root: Path
) -> None:
    from voting.models import BallotBox

    official = client_for(people.staff[Role.OFFICIAL])
    page = official.get(url("manage", upcoming)).content.decode()
    assert "Sealed ballot box" in page and 'action="' + url("set_up_box", upcoming) in page

    response = official.post(url("set_up_box", upcoming), {"box-shares": "4", "box-threshold": "3"})

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store" and "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page\b(?!s)", response.content)) == 4  # one page per share
    box = BallotBox.objects.get(edition=upcoming)
    assert (box.threshold, box.share_count, len(box.share_hashes)) == (3, 4, 4)
    assert not any(private_root.iterdir())  # no file written anywhere
    page = official.get(url("manage", upcoming)).content.decode()
    assert "3 of 4 shares open it" in page


def test_an_impossible_threshold_is_shown_on_the_form_and_nothing_is_set_up(
    upcoming: Edition, people: People
) -> None:
    from voting.models import BallotBox

    before = BallotBox.objects.get(edition=upcoming).public_key
    response = client_for(people.staff[Role.OFFICIAL]).post(
        url("set_up_box", upcoming), {"box-shares": "2", "box-threshold": "3"}
    )

    assert (
        response.status_code == 200
        and "More shares cannot be needed than there are." in response.content.decode()
    )
    assert BallotBox.objects.get(edition=upcoming).public_key == before


def test_another_districts_official_cannot_set_up_the_box(upcoming: Edition, people: People) -> None:
    other = factories.make_staff(role=Role.OFFICIAL, district=factories.make_district(name="Elders"))

    assert (
        client_for(other)
        .post(url("set_up_box", upcoming), {"box-shares": "3", "box-threshold": "2"})
        .status_code
        == 403
    )
