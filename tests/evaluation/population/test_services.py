"""The population import: all figures replaced at once, or none; the bad line named; officials only."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

import pytest
from django.utils import translation

from accounts.models import Role, User
from audit.models import AuditEntry
from common.errors import ServiceError
from evaluation.models import PopulationFigure, PopulationImport
from evaluation.population.services import import_population
from places.models import District, Neighbourhood
from tests import factories
from tests.refusals import refused

GOOD = """neighbourhood;age_from;age_to;gender;residents
slotermeer;0;15;vrouw;100
slotermeer;16;;vrouw;300
Osdorp;0;17;man;90
Osdorp;18;;man;200
"""


def _state() -> tuple[list[tuple[str, int, int | None, str, int]], int, int]:
    figures = list(
        PopulationFigure.objects.order_by("neighbourhood__name", "age_from").values_list(
            "neighbourhood__slug", "age_from", "age_to", "gender", "residents"
        )
    )
    return figures, PopulationImport.objects.count(), AuditEntry.objects.count()


def test_an_import_stores_every_line_and_the_import_and_audits_it(district: District, official: User) -> None:
    moment = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
    done = import_population(district=district, text=GOOD, source="OIS 2026", by=official, at=moment)
    assert (done.row_count, done.residents, done.source, done.imported_at) == (4, 690, "OIS 2026", moment)
    assert _state()[0] == [
        ("osdorp", 0, 17, "man", 90),
        ("osdorp", 18, None, "man", 200),
        ("slotermeer", 0, 15, "vrouw", 100),
        ("slotermeer", 16, None, "vrouw", 300),
    ]
    entry = AuditEntry.objects.get(action="evaluation.population_imported")
    assert (
        entry.actor == official
        and entry.after["residents"] == 690
        and entry.before == {"rows": 0, "residents": 0}
    )


def test_a_new_import_replaces_all_figures_of_the_district_and_leaves_other_districts_alone(
    district: District, other_district: District, official: User
) -> None:
    elsewhere = factories.make_neighbourhood(district=other_district, name="Bijlmer")
    PopulationFigure.objects.create(
        neighbourhood=elsewhere, age_from=0, age_to=None, gender="man", residents=5
    )
    import_population(district=district, text=GOOD, source="", by=official)
    text = "buurt,van,tot,geslacht,inwoners\nSlotermeer,0,,female,10\nosdorp,0,,other,20\n"
    import_population(district=district, text=text, source="", by=official)
    assert _state()[0] == [
        ("bijlmer", 0, None, "man", 5),
        ("osdorp", 0, None, "anders", 20),
        ("slotermeer", 0, None, "vrouw", 10),
    ]
    assert PopulationImport.objects.filter(district=district).count() == 2


def _bad(line: str) -> str:
    return GOOD + line + "\n"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (_bad("Geuzenveld;0;;man;10"), ["Line 6", "Geuzenveld"]),
        (_bad("osdorp;0;17;vrouw;-5"), ["Line 6", "cannot be negative"]),
        (_bad("osdorp;0;17;vrouw;12.5"), ["Line 6", "12.5"]),
        (_bad("osdorp;30;20;vrouw;5"), ["Line 6", "30–20"]),
        (_bad("osdorp;abc;20;vrouw;5"), ["Line 6", "abc"]),
        (_bad("osdorp;0;17;onbekend;5"), ["Line 6", "onbekend"]),
        (_bad("osdorp;0;17;man;5"), ["Line 6", "line 4"]),
        (_bad("osdorp;10;20;man;5"), ["Line 6", "overlaps", "0–17", "line 4"]),
        (_bad("osdorp;;20;man;5"), ["Line 6", "age_from"]),
    ],
)
def test_a_bad_line_refuses_the_whole_file_and_names_the_line(
    district: District, official: User, text: str, words: list[str]
) -> None:
    import_population(district=district, text=GOOD, source="", by=official)
    error: ServiceError = refused(
        partial(import_population, district=district, text=text, source="", by=official),
        "bad_row",
        unchanged=_state,
    )
    with translation.override("en"):
        assert all(word in error.message for word in words), error.message


def test_a_file_without_a_neighbourhood_of_the_district_is_refused_naming_it(
    district: District, official: User, osdorp: Neighbourhood
) -> None:
    factories.make_neighbourhood(district=district, name="Geuzenveld")
    text = "neighbourhood,age_from,age_to,gender,residents\nslotermeer,0,,vrouw,10\n"
    error: ServiceError = refused(
        partial(import_population, district=district, text=text, source="", by=official),
        "missing_neighbourhoods",
        unchanged=_state,
    )
    with translation.override("en"):
        assert "Geuzenveld, Osdorp" in error.message


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "no_text"),
        ("neighbourhood;age_from;age_to;gender;residents\n", "empty_file"),
        ("buurt;leeftijd;geslacht;aantal\nslotermeer;16;vrouw;3\n", "missing_columns"),
        (
            "neighbourhood;age_from;gender;residents\nslotermeer;16;vrouw;3\nosdorp;16;man;3\n",
            "missing_age_to",
        ),
    ],
)
def test_an_empty_file_or_a_bad_header_is_refused(
    district: District, official: User, text: str, code: str
) -> None:
    refused(
        partial(import_population, district=district, text=text, source="", by=official),
        code,
        unchanged=_state,
    )


def test_only_an_official_of_the_district_may_import(
    district: District, other_district: District, official: User, resident: User
) -> None:
    elsewhere = factories.make_staff(role=Role.OFFICIAL, district=other_district)
    reviewer = factories.make_staff(role=Role.REVIEWER, district=district)
    for person in (elsewhere, reviewer, resident):
        refused(
            partial(import_population, district=district, text=GOOD, source="", by=person),
            "not_district",
            unchanged=_state,
        )
