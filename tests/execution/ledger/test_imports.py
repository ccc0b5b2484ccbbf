"""Importing payments from the finance system's CSV: all or nothing, the bad line named with why."""

from __future__ import annotations

from functools import partial

import pytest
from django.utils import timezone

from common.errors import ServiceError
from execution.ledger.services.imports import import_payments, parse_amount
from execution.ledger.services.payments import record_payment
from execution.models import Payment, PaymentSource, Project, ProjectLine
from outreach.errors import CsvImportError
from tests.execution.factories import make_other_official, owner_of, published_projects
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def _csv(*rows: str) -> bytes:
    return ("projectnummer;kostenpost;bedrag;datum;kenmerk\n" + "\n".join(rows) + "\n").encode()


def _state() -> tuple[int, list[int]]:
    return Payment.objects.count(), list(
        ProjectLine.objects.order_by("pk").values_list("paid_cents", flat=True)
    )


def _rows(projects: list[Project]) -> list[str]:
    first, second = projects
    return [
        f"{first.pk};1;1.250,50;01-05-2026;BK-1",
        f"{second.pk};{second.lines.get().description};300;2026-05-02;BK-2",
    ]


def test_a_good_file_records_every_payment_as_imported() -> None:
    edition, _, official, projects = published_projects()
    assert import_payments(edition=edition, by=official, file=_csv(*_rows(projects))) == 2
    first = Payment.objects.get(reference="BK-1")
    assert (first.amount_cents, first.source, first.line.project) == (
        1_250_50,
        PaymentSource.IMPORT,
        projects[0],
    )
    assert projects[1].lines.get().paid_cents == 300_00


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("999999;1;10;2026-05-01;BK-9", "999999"),
        ("{p};7;10;2026-05-01;BK-9", "“7”"),
        ("{p};1;tien euro;2026-05-01;BK-9", "tien euro"),
        ("{p};1;10;31-31-2026;BK-9", "31-31-2026"),
        ("{p};1;10;2026-05-01;BK-1", "BK-1"),
        ("{p};1;40.000;2026-05-01;BK-9", "€\N{NO-BREAK SPACE}38.749,50"),
    ],
)
def test_a_bad_line_refuses_the_whole_file_and_names_the_line(bad: str, words: str) -> None:
    edition, _, official, projects = published_projects()
    rows = [*_rows(projects), bad.format(p=projects[0].pk)]
    error: ServiceError = refused(
        lambda: import_payments(edition=edition, by=official, file=_csv(*rows)),
        "bad_row",
        error=CsvImportError,
        unchanged=_state,
    )
    assert error.params["line"] == 4
    assert words in error.message


def test_a_reference_already_recorded_refuses_the_file() -> None:
    edition, _, official, projects = published_projects()
    record_payment(
        line=projects[1].lines.get(),
        by=official,
        amount_cents=100,
        paid_on=timezone.localdate(),
        reference="BK-2",
    )
    error: ServiceError = refused(
        lambda: import_payments(edition=edition, by=official, file=_csv(*_rows(projects))),
        "bad_row",
        unchanged=_state,
    )
    assert error.params["line"] == 3


def test_others_may_not_import() -> None:
    edition, _, _, projects = published_projects()
    for outsider in (make_other_official(), owner_of(projects[0])):
        refused(
            partial(import_payments, edition=edition, by=outsider, file=_csv(*_rows(projects))),
            "not_allowed",
            unchanged=_state,
        )


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1.250,50", 125_050),
        ("1250.50", 125_050),
        ("€ 40", 4_000),
        ("12,5", 1_250),
        ("1,234,567.89", 123_456_789),
    ],
)
def test_amounts_are_read_with_a_comma_or_a_dot(text: str, cents: int) -> None:
    assert parse_amount(text) == cents
