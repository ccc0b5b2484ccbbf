"""Phase chain validation, ``set_phases`` changing all or nothing, and setting up an edition idempotently."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from editions.models import Edition, Phase, SubBudget, Theme
from editions.phases import REQUIRED_PHASES
from editions.services import (
    PhaseDates,
    SubBudgetDetails,
    ThemeDetails,
    phase_chain_errors,
    set_phases,
    set_up_edition,
)
from places.models import District
from tests import factories

START = datetime(2027, 1, 10, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
DAY = timedelta(days=1)


def _chain(*spans: tuple[str, int, int]) -> list[PhaseDates]:
    return [PhaseDates(kind=kind, starts_at=START + a * DAY, ends_at=START + b * DAY) for kind, a, b in spans]


VALID = _chain(("plans", 0, 10), ("review", 10, 20), ("decision", 25, 30), ("result", 30, 40))


@pytest.fixture(autouse=True)
def _english() -> object:
    with translation.override("en"):
        yield


def test_a_chain_of_the_required_phases_in_order_is_valid() -> None:
    assert phase_chain_errors(VALID) == []


def test_the_full_declared_chain_is_valid() -> None:
    chain = [PhaseDates(*row) for row in factories.consecutive_phases(start=START)]
    assert phase_chain_errors(chain) == []


@pytest.mark.parametrize("missing", sorted(REQUIRED_PHASES))
def test_a_missing_required_phase_is_named(missing: str) -> None:
    chain = [p for p in VALID if p.kind != missing]
    errors = phase_chain_errors(chain)
    assert len(errors) == 1
    assert "Every edition needs the phase" in errors[0]


def test_overlapping_phases_are_refused() -> None:
    chain = _chain(("plans", 0, 12), ("review", 10, 20), ("decision", 20, 30), ("result", 30, 40))
    assert phase_chain_errors(chain) == [
        "The phase “Feasibility review” starts before “Plans” has ended; phases follow each other."
    ]


def test_a_phase_that_ends_before_it_starts_is_refused() -> None:
    chain = _chain(("plans", 0, 10), ("review", 20, 10), ("decision", 20, 30), ("result", 30, 40))
    assert "The phase “Feasibility review” must end after it starts." in phase_chain_errors(chain)


def test_a_phase_that_ends_when_it_starts_is_refused() -> None:
    chain = _chain(("plans", 0, 10), ("review", 10, 10), ("decision", 20, 30), ("result", 30, 40))
    assert "The phase “Feasibility review” must end after it starts." in phase_chain_errors(chain)


def test_a_duplicate_phase_is_refused() -> None:
    chain = [*VALID, *_chain(("review", 40, 50))]
    assert "The phase “Feasibility review” occurs twice." in phase_chain_errors(chain)


def test_an_unknown_phase_is_refused() -> None:
    chain = [*VALID, *_chain(("picnic", 40, 50))]
    assert "Unknown phase “picnic”." in phase_chain_errors(chain)


def test_phases_in_the_wrong_order_are_refused() -> None:
    chain = _chain(("plans", 20, 30), ("review", 0, 10), ("decision", 30, 40), ("result", 40, 50))
    assert phase_chain_errors(chain) == [
        "The phase “Feasibility review” starts before “Plans” has ended; phases follow each other."
    ]


@pytest.mark.django_db
def test_set_phases_replaces_the_chain() -> None:
    edition = factories.make_edition(start=START - 100 * DAY)
    set_phases(edition=edition, phases=VALID)
    stored = [(p.kind, p.starts_at, p.ends_at) for p in edition.phases.order_by("starts_at")]
    assert stored == [(p.kind, p.starts_at, p.ends_at) for p in VALID]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "invalid",
    [
        pytest.param([p for p in VALID if p.kind != "decision"], id="missing-required"),
        pytest.param(
            _chain(("plans", 0, 12), ("review", 10, 20), ("decision", 20, 30), ("result", 30, 40)),
            id="overlap",
        ),
        pytest.param(
            _chain(("plans", 0, 10), ("review", 20, 10), ("decision", 20, 30), ("result", 30, 40)),
            id="ends-first",
        ),
        pytest.param([*VALID, *_chain(("result", 40, 50))], id="duplicate"),
    ],
)
def test_set_phases_with_an_invalid_chain_changes_nothing(invalid: list[PhaseDates]) -> None:
    edition = factories.make_edition(start=START - 100 * DAY)
    before = list(edition.phases.order_by("pk").values_list("pk", "kind", "starts_at", "ends_at"))
    with pytest.raises(ValidationError):
        set_phases(edition=edition, phases=invalid)
    assert list(edition.phases.order_by("pk").values_list("pk", "kind", "starts_at", "ends_at")) == before


# --- Setting up an edition with its themes, sub-budgets and phases -------------------------------

SETTINGS = {
    "name": "Buurtbudget Noord 2027",
    "year": 2027,
    "total_budget_cents": 50_000_000,
    "max_plan_cost_cents": 5_000_000,
    "decision_model": "online_vote",
    "ballot_format": "approval",
    "ballot_max_choices": 5,
}
THEMES = (
    ThemeDetails(slug="groen", name="Groen"),
    ThemeDetails(slug="sport", name="Sport", description="Bewegen"),
)


def _set_up(district: District, **changes: object) -> Edition:
    arguments: dict[str, Any] = {
        "slug": "noord-2027",
        "district": district,
        "settings": SETTINGS,
        "themes": THEMES,
        "sub_budgets": [
            SubBudgetDetails(amount_cents=10_000_000, neighbourhood_slug="buiksloot"),
            SubBudgetDetails(amount_cents=5_000_000, theme_slug="sport"),
        ],
        "phases": VALID,
    }
    return set_up_edition(**{**arguments, **changes})


def _edition_rows() -> tuple[list[Any], ...]:
    return (
        list(Edition.objects.values_list("pk", "name", "total_budget_cents")),
        list(Theme.objects.values_list("pk", "slug", "name", "description")),
        list(SubBudget.objects.values_list("pk", "neighbourhood_id", "theme_id", "amount_cents")),
        list(Phase.objects.values_list("kind", "starts_at", "ends_at")),
    )


@pytest.fixture
def noord(db: None) -> District:
    district = factories.make_district(name="Noord")
    factories.make_neighbourhood(district=district, name="Buiksloot")
    return district


def test_an_edition_is_set_up_with_its_settings_themes_sub_budgets_and_phases(noord: District) -> None:
    edition = _set_up(noord)
    assert (edition.name, edition.district, edition.ballot_max_choices) == (
        "Buurtbudget Noord 2027",
        noord,
        5,
    )
    assert sorted(edition.themes.values_list("slug", "description")) == [("groen", ""), ("sport", "Bewegen")]
    assert sorted(str(sub) for sub in edition.sub_budgets.all()) == ["Buiksloot", "Sport"]
    assert sorted(edition.phases.values_list("kind", flat=True)) == sorted(p.kind for p in VALID)


def test_setting_up_an_edition_twice_neither_fails_nor_duplicates(noord: District) -> None:
    _set_up(noord)
    before = _edition_rows()
    _set_up(noord)
    assert _edition_rows() == before


def test_a_second_set_up_changes_amounts_and_drops_sub_budgets_no_longer_given(noord: District) -> None:
    first = _set_up(noord)
    sport = first.sub_budgets.get(theme__slug="sport")
    edition = _set_up(noord, sub_budgets=[SubBudgetDetails(amount_cents=7_000_000, theme_slug="sport")])
    assert list(edition.sub_budgets.values_list("pk", "amount_cents")) == [(sport.pk, 7_000_000)]


def test_a_sub_budget_for_an_unknown_neighbourhood_is_refused_and_nothing_changes(noord: District) -> None:
    _set_up(noord)
    before = _edition_rows()
    with translation.override("en"), pytest.raises(ValidationError, match="no neighbourhood “slotermeer”"):
        _set_up(
            noord,
            settings={**SETTINGS, "name": "Anders"},
            sub_budgets=[SubBudgetDetails(amount_cents=1, neighbourhood_slug="slotermeer")],
        )
    assert _edition_rows() == before


def test_settings_the_edition_refuses_change_nothing(noord: District) -> None:
    _set_up(noord)
    before = _edition_rows()
    with pytest.raises(ValidationError) as caught:
        _set_up(noord, settings={**SETTINGS, "max_plan_cost_cents": 60_000_000})
    assert "max_plan_cost_cents" in caught.value.message_dict
    with pytest.raises(ValidationError):
        _set_up(noord, phases=[p for p in VALID if p.kind != "review"])
    assert _edition_rows() == before


def test_a_setting_editions_do_not_have_is_a_programming_error(noord: District) -> None:
    with pytest.raises(TypeError, match="colour"):
        _set_up(noord, settings={**SETTINGS, "colour": "blue"})
    assert not Edition.objects.exists()
