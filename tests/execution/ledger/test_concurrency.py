"""Two officials paying the last euro of a line at the same moment: exactly one wins."""

from __future__ import annotations

import pytest
from django.utils import timezone

from execution.ledger.errors import LedgerError
from execution.ledger.services.payments import record_payment
from execution.models import Payment
from tests.concurrency import run_at_once
from tests.execution.factories import published_projects
from tests.outcomes.factories import make_official

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_officials_paying_the_last_euro_at_once_one_wins_the_other_is_refused() -> None:
    edition, _, official, projects = published_projects()
    colleague = make_official(edition)
    line = projects[0].lines.get()
    today = timezone.localdate()
    record_payment(
        line=line, by=official, amount_cents=line.awarded_cents - 100, paid_on=today, reference="F0"
    )
    outcomes = run_at_once(
        [
            lambda: record_payment(line=line, by=official, amount_cents=100, paid_on=today, reference="F1"),
            lambda: record_payment(line=line, by=colleague, amount_cents=100, paid_on=today, reference="F2"),
        ]
    )
    assert sorted(outcomes) == ["ok", "over_award"]
    line.refresh_from_db()
    assert line.paid_cents == line.awarded_cents
    assert Payment.objects.filter(line=line).count() == 2
    assert "“" in LedgerError("over_award", line=line.description).message
