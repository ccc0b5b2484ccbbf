"""The plan filter form: choices follow the chosen edition, and bad values narrow nothing."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from editions.models import Edition
from places.models import District
from proposals.forms import PlanFilterForm
from proposals.selectors import DEFAULT_SORT
from tests import factories

pytestmark = pytest.mark.django_db


def test_neighbourhoods_and_themes_follow_the_chosen_edition(
    edition: Edition, district: District, other_district: District
) -> None:
    here = factories.make_neighbourhood(district=district, name="Slotervaart")
    elsewhere = factories.make_neighbourhood(district=other_district, name="Bijlmer")
    other_edition = factories.make_edition(district=other_district)
    factories.make_theme(edition=other_edition, name="Veiligheid")
    form = PlanFilterForm(QueryDict(f"edition={edition.slug}"))
    neighbourhoods = list(form.fields["neighbourhood"].queryset)  # type: ignore[attr-defined]
    assert here in neighbourhoods and elsewhere not in neighbourhoods
    assert [label for _, label in form.fields["theme"].choices][1:] == ["Groen", "Sport"]  # type: ignore[attr-defined]
    everything = PlanFilterForm(QueryDict(""))
    assert elsewhere in list(everything.fields["neighbourhood"].queryset)  # type: ignore[attr-defined]
    assert "Veiligheid" in [label for _, label in everything.fields["theme"].choices]  # type: ignore[attr-defined]


def test_drafts_are_not_a_status_to_filter_on() -> None:
    statuses = [value for value, _ in PlanFilterForm(QueryDict("")).fields["status"].choices]  # type: ignore[attr-defined]
    assert "draft" not in statuses and "feasible" in statuses


def test_bad_values_are_errors_and_leave_the_filter_open(edition: Edition) -> None:
    form = PlanFilterForm(QueryDict("neighbourhood=x&status=nope&sort=up&theme=zz&q=tuin"))
    plan_filter = form.to_filter()
    assert set(form.errors) == {"neighbourhood", "status", "sort", "theme"}
    assert plan_filter.neighbourhood is None and plan_filter.status == "" and plan_filter.theme_slug == ""
    assert plan_filter.sort == DEFAULT_SORT
    assert plan_filter.query == "tuin"


def test_a_fixed_edition_replaces_the_edition_field(edition: Edition) -> None:
    form = PlanFilterForm(QueryDict("edition=anything"), edition=edition)
    assert "edition" not in form.fields
    assert form.to_filter().edition == edition


@pytest.mark.parametrize("junk", ["\x00", "nieuw-west\x00", "x" * 500, "é", "a b"])
def test_junk_as_the_edition_is_an_invalid_choice_not_a_database_error(edition: Edition, junk: str) -> None:
    # Without the request guard's 400 in front (a form bound elsewhere), PostgreSQL would refuse the NUL.
    form = PlanFilterForm({"edition": junk})
    plan_filter = form.to_filter()
    assert "edition" in form.errors and plan_filter.edition is None
