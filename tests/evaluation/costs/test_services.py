"""Running costs: lines with hours and euros, refusals that save nothing, the page and its money field."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from audit.models import AuditEntry
from editions.models import Edition
from evaluation.costs.selectors import cost_figures
from evaluation.costs.services import add_cost, remove_cost
from evaluation.models import ProcessCost
from tests.conftest import People
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def _count() -> int:
    return ProcessCost.objects.count()


def test_cost_figures_add_up_the_lines(edition: Edition, people: People) -> None:
    official = people.staff[Role.OFFICIAL]
    add_cost(
        edition=edition, by=official, description="Drukwerk", staff_hours=Decimal("2.5"), amount_cents=125_050
    )
    add_cost(edition=edition, by=official, description="Zaalhuur", staff_hours=Decimal(4), amount_cents=0)
    assert cost_figures(edition) == {"staff_hours": 6.5, "amount_cents": 125_050, "lines": 2}
    assert AuditEntry.objects.filter(action="evaluation.cost_added").count() == 2


@pytest.mark.parametrize(
    ("description", "hours", "cents", "code"),
    [
        ("  ", Decimal(1), 0, "description_required"),
        ("Drukwerk", Decimal(-1), 0, "hours_not_valid"),
        ("Drukwerk", Decimal("1.25"), 0, "hours_not_valid"),
        ("Drukwerk", Decimal(0), -5, "amount_not_valid"),
        ("Drukwerk", Decimal(0), 0, "empty_line"),
    ],
)
def test_a_bad_line_is_refused(
    edition: Edition, people: People, description: str, hours: Decimal, cents: int, code: str
) -> None:
    official = people.staff[Role.OFFICIAL]
    refused(
        lambda: add_cost(
            edition=edition, by=official, description=description, staff_hours=hours, amount_cents=cents
        ),
        code,
        unchanged=_count,
    )


def test_another_districts_official_and_a_resident_are_refused(edition: Edition, people: People) -> None:
    cost = add_cost(
        edition=edition,
        by=people.staff[Role.OFFICIAL],
        description="Drukwerk",
        staff_hours=Decimal(1),
        amount_cents=0,
    )
    for outsider in (people.staff_elsewhere[Role.OFFICIAL], people.resident):
        refused(
            partial(
                add_cost,
                edition=edition,
                by=outsider,
                description="x",
                staff_hours=Decimal(1),
                amount_cents=0,
            ),
            "not_district",
            unchanged=_count,
        )
        refused(partial(remove_cost, cost=cost, by=outsider), "not_district", unchanged=_count)
    remove_cost(cost=cost, by=people.staff[Role.OFFICIAL])
    assert _count() == 0


def test_the_page_reads_euros_the_dutch_way(client: Client, edition: Edition, people: People) -> None:
    client.force_login(people.staff[Role.OFFICIAL])
    url = reverse("evaluation:costs", args=[edition.slug])
    response = client.post(url, {"description": "Drukwerk", "staff_hours": "7,5", "amount": "1.250,50"})
    assert response.status_code == 302
    cost = ProcessCost.objects.get()
    assert (cost.amount_cents, cost.staff_hours) == (125_050, Decimal("7.5"))
    bad = client.post(url, {"description": "Drukwerk", "staff_hours": "-1", "amount": "-3"})
    assert bad.status_code == 400 and _count() == 1


def test_the_page_is_for_the_districts_officials_only(
    client: Client, edition: Edition, people: People
) -> None:
    cost = add_cost(
        edition=edition,
        by=people.staff[Role.OFFICIAL],
        description="Drukwerk",
        staff_hours=Decimal(1),
        amount_cents=0,
    )
    for outsider in (people.staff_elsewhere[Role.OFFICIAL], people.resident):
        client.force_login(outsider)
        assert client.get(reverse("evaluation:costs", args=[edition.slug])).status_code == 403
        assert client.post(reverse("evaluation:cost_remove", args=[edition.slug, cost.pk])).status_code == 403
    assert _count() == 1
