"""Phase chain validation, and ``set_phases`` changing all or nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from editions.phases import REQUIRED_PHASES
from editions.services import PhaseDates, phase_chain_errors, set_phases
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
