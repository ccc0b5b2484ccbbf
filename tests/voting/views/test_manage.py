"""The officials' vote pages: who may open them; the management page's imports, letters, closing and box."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from editions.decorators import declared_tasks
from editions.models import Edition
from editions.phases import Action
from outreach.models import Address
from proposals.models import Plan
from tests import factories
from tests.conftest import People
from tests.voting.views.staff import PAGES, client_for, url
from voting.models import LetterBatch, VoteClosure, Voter

if TYPE_CHECKING:
    pass

pytestmark = pytest.mark.usefixtures("english", "private_root")


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


def test_the_workspace_links_officials_to_vote_management(
    vote: tuple[Edition, list[Plan]], people: People
) -> None:
    edition, _ = vote
    page = client_for(people.staff[Role.OFFICIAL]).get(reverse("pages:workspace")).content.decode()
    assert url("manage", edition) in page
    page = client_for(people.staff[Role.REVIEWER]).get(reverse("pages:workspace")).content.decode()
    assert url("manage", edition) not in page


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


def test_the_management_page_is_the_vote_task_of_the_workspace() -> None:
    (task,) = [declared for declared in declared_tasks() if declared.url_name == "voting:manage"]
    assert (task.action, task.task.order, task.task.offered_with) == (Action.ENTER_PAPER_BALLOT, 30, None)
    assert str(task.task.label) == "Vote management"
