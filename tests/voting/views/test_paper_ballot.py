"""The printable paper ballot: every plan by the number the paper entry shows, in four languages."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils.translation import get_language_info

from accounts.models import Role
from editions.models import BallotFormat
from places.models import District
from proposals.models import PlanStatus
from tests import factories
from tests.conftest import People
from tests.voting.views.resident import url
from tests.voting.views.staff import client_for

pytestmark = pytest.mark.usefixtures("english")


def numbered(page: str) -> list[tuple[int, str]]:
    """(number, title) of each plan row, in the page's order."""
    rows = re.findall(r'paper-ballot__number">(\d+)</td>\s*<td[^>]*>([^<]+)</td>', page)
    return [(int(number), title) for number, title in rows]


@pytest.mark.django_db
def test_the_paper_ballot_lists_every_plan_by_number_with_its_cost(client: Client) -> None:
    edition, plans = factories.make_vote(ballot_format=BallotFormat.APPROVAL, ballot_max_choices=2)
    response = client.get(url("paper_ballot", edition))
    page = response.content.decode()
    assert response.status_code == 200
    assert numbered(page) == [(i, plan.title) for i, plan in enumerate(plans, start=1)]
    assert "€40,000" in page and "€10,000" in page
    assert "css/paper-ballot.css" in page
    assert page.count('class="paper-ballot__cell"') == 17  # a box per symbol of the voting code


@pytest.mark.django_db
def test_the_instructions_are_in_four_languages_arabic_right_to_left(client: Client) -> None:
    edition, _ = factories.make_vote(ballot_format=BallotFormat.APPROVAL, ballot_max_choices=2)
    page = client.get(url("paper_ballot", edition)).content.decode()
    for code, direction in (("nl", "ltr"), ("en", "ltr"), ("tr", "ltr"), ("ar", "rtl")):
        assert f'class="paper-ballot__language" lang="{code}" dir="{direction}"' in page
    assert all(f">{get_language_info(code)['name_local']}<" in page for code in ("nl", "en", "tr", "ar"))
    # A label in every language, each marked with its own: the Turkish and Arabic catalogues' words.
    assert '<span lang="tr" dir="ltr">Doğum tarihi</span>' in page
    assert '<span lang="ar" dir="rtl">تاريخ الميلاد</span>' in page
    assert "you can choose up to 2 plans" in page  # the format's rule, in the English block


@pytest.mark.django_db
def test_numbers_run_on_through_the_parts_as_the_paper_entry_shows_them(
    district: District, people: People
) -> None:
    edition, plans = factories.make_vote(district=district)
    west = factories.make_neighbourhood(district=district, name="Slotervaart")
    factories.make_sub_budget(edition=edition, amount_cents=2_000_000, neighbourhood=west)
    local = factories.make_plan(
        edition=edition, title="Aplan in Slotervaart", neighbourhood=west, status=PlanStatus.FEASIBLE
    )
    page = Client().get(url("paper_ballot", edition)).content.decode()
    expected = [(1, local.title)] + [(i, p.title) for i, p in enumerate(plans, start=2)]
    assert numbered(page) == expected
    assert page.count('class="paper-ballot__part"') == 2

    official = client_for(people.staff[Role.OFFICIAL])
    _, code = factories.make_voter(edition=edition)
    found = {"step": "find", "via": "code", "code": code}
    entry = official.post(url("paper", edition), found).content.decode()
    for number, title in expected:
        assert f"<span>{number}. {title}</span>" in entry


@pytest.mark.django_db
def test_the_paper_ballot_of_an_edition_without_a_vote_is_not_found(client: Client) -> None:
    edition = factories.make_edition(decision_model="panel")
    assert client.get(url("paper_ballot", edition)).status_code == 404


@pytest.mark.django_db
def test_a_ranking_ballot_asks_for_numbers_in_wide_boxes(client: Client) -> None:
    edition, plans = factories.make_vote(ballot_format=BallotFormat.RANKING, ballot_max_choices=3)
    page = client.get(url("paper_ballot", edition)).content.decode()
    assert "2 for your next choice, and so on, up to 3" in page
    assert page.count("paper-ballot__box--wide") == len(plans)
