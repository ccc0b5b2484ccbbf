"""The public pages run as many queries with 40 plans as with 5: no query per plan (or per edition)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import Settings

from accounts.models import User
from editions.models import Edition
from places.models import District
from proposals.models import Plan
from tests import factories

pytestmark = pytest.mark.django_db


def _add_plans(edition: Edition, district: District, count: int) -> list[Plan]:
    neighbourhoods = list(district.neighbourhoods.all())
    themes = list(edition.themes.all())
    return [
        factories.make_plan(
            edition=edition,
            theme=themes[i % len(themes)],
            neighbourhood=neighbourhoods[i % len(neighbourhoods)] if i % 3 else None,
            costs=[10_000 * (i + 1), 5_000],
        )
        for i in range(count)
    ]


def _queries(client: Client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in context.captured_queries]


@pytest.fixture
def world(district: District) -> Edition:
    for name in ["Slotervaart", "Osdorp", "Geuzenveld"]:
        factories.make_neighbourhood(district=district, name=name)
    edition = factories.make_edition(district=district, name="Buurtbudget Nieuw-West 2027")
    for name in ["Groen", "Sport", "Cultuur"]:
        factories.make_theme(edition=edition, name=name)
    factories.make_sub_budget(
        edition=edition, neighbourhood=district.neighbourhoods.first(), amount_cents=1_000_000
    )
    return edition


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "resident"])
@pytest.mark.parametrize(
    "page", ["home", "district", "edition", "plan list", "filtered plan list", "plan detail"]
)
def test_queries_do_not_grow_with_the_number_of_plans(
    client: Client,
    world: Edition,
    district: District,
    resident: User,
    page: str,
    logged_in: bool,
    settings: Settings,
) -> None:
    settings.PAGE_CACHE_SECONDS = 0  # the render's queries: the page cache would answer with none
    if logged_in:
        client.force_login(resident)
    first = _add_plans(world, district, 5)[0]
    other_district = factories.make_district()
    factories.make_edition(district=other_district)
    urls = {
        "home": "/",
        "district": district.get_absolute_url(),
        "edition": world.get_absolute_url(),
        "plan list": "/plannen/",
        "filtered plan list": f"/plannen/?edition={world.slug}&theme=groen&sort=cost_desc&q=plan",
        "plan detail": first.get_absolute_url(),
    }
    client.get(urls[page])  # warm the session and caches that are per process, not per plan
    with_5 = _queries(client, urls[page])
    _add_plans(world, district, 35)
    factories.make_edition(district=district)
    factories.make_edition(district=other_district)
    with_40 = _queries(client, urls[page])
    assert len(with_40) == len(with_5), "\n".join(with_40)
