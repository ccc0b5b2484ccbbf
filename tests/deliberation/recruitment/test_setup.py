"""The panel's set-up as recruitment starts: made or changed by its facilitator, audited, idempotent."""

from __future__ import annotations

from datetime import timedelta

import pytest

from audit.models import AuditEntry
from deliberation.errors import PanelError
from deliberation.models import PanelSetup
from deliberation.recruitment.services.setup import set_up_panel
from editions.models import Edition
from tests import factories
from tests.deliberation.factories import make_facilitator
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def _setup_rows() -> list[tuple[object, ...]]:
    return list(
        PanelSetup.objects.values_list("edition_id", "panel_size", "availability_text", "open_sign_up")
    )


@pytest.fixture
def recruiting() -> Edition:
    return factories.make_edition_in_phase("plans", decision_model="panel")


def test_the_facilitator_sets_the_panel_up_and_the_change_is_audited(recruiting: Edition) -> None:
    facilitator = make_facilitator(recruiting)
    setup = set_up_panel(
        edition=recruiting, by=facilitator, panel_size=24, availability_text="Zaterdag 10, 17 en 24 mei"
    )
    assert (setup.panel_size, setup.availability_text, setup.open_sign_up) == (
        24,
        "Zaterdag 10, 17 en 24 mei",
        True,
    )
    entry = AuditEntry.objects.get(action="panel.set_up")
    assert (entry.actor, entry.after["panel_size"]) == (facilitator, 24)


def test_the_same_set_up_twice_changes_nothing_and_is_audited_once(recruiting: Edition) -> None:
    facilitator = make_facilitator(recruiting)
    for _ in range(2):
        set_up_panel(edition=recruiting, by=facilitator, panel_size=24, availability_text="Mei")
    set_up_panel(
        edition=recruiting, by=facilitator, panel_size=30, availability_text="Mei", open_sign_up=False
    )
    assert _setup_rows() == [(recruiting.pk, 30, "Mei", False)]
    assert AuditEntry.objects.filter(action="panel.set_up").count() == 2


def test_a_past_set_up_is_judged_at_its_own_moment() -> None:
    edition = factories.make_edition_in_phase("result", decision_model="panel")
    facilitator = make_facilitator(edition)
    plans = edition.phases.get(kind="plans")
    refused(
        lambda: set_up_panel(edition=edition, by=facilitator, panel_size=24, availability_text=""),
        "not_allowed",
        error=PanelError,
        unchanged=_setup_rows,
    )
    set_up_panel(
        edition=edition,
        by=facilitator,
        panel_size=24,
        availability_text="",
        at=plans.starts_at + timedelta(1),
    )
    assert AuditEntry.objects.get(action="panel.set_up").at == plans.starts_at + timedelta(1)


def test_a_resident_or_a_panel_of_one_is_refused_and_nothing_is_set_up(recruiting: Edition) -> None:
    refused(
        lambda: set_up_panel(
            edition=recruiting, by=factories.make_user(), panel_size=24, availability_text=""
        ),
        "not_allowed",
        unchanged=_setup_rows,
    )
    refused(
        lambda: set_up_panel(
            edition=recruiting, by=make_facilitator(recruiting), panel_size=1, availability_text=""
        ),
        "panel_size_too_small",
        unchanged=_setup_rows,
    )
