"""The demo's pre-check: the garden draft in Nieuw-West 2027, asked six days ago, answered two days ago."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from accounts.models import Role, User
from demo.content.accounts import staff
from demo.services.development_prechecks import PLAN_TITLE, load_prechecks
from notifications.models import Notification, NotificationKind
from places.models import District
from proposals.models import PlanStatus
from review.models import PreCheck
from tests import factories


def test_the_garden_draft_gets_a_pre_check_answered_by_the_reviewer_with_advice_per_criterion(
    district: District,
) -> None:
    now = timezone.now()
    edition = factories.make_edition(
        district=district, start=now - timedelta(days=8), kinds=factories.ALL_PHASE_KINDS[1:]
    )
    reviewer = factories.make_staff(role=Role.REVIEWER, district=district, display_name="Ahmed Ouali")
    users: dict[str, User] = {staff(Role.REVIEWER, district.slug): reviewer}
    initiator = factories.make_user(display_name="Fatima B.")
    plan = factories.make_plan(
        edition=edition, title=PLAN_TITLE, initiator=initiator, status=PlanStatus.DRAFT
    )

    precheck = load_prechecks(edition=edition, users=users, now=now)

    assert precheck is not None and precheck.plan == plan
    assert precheck.asked_at == now - timedelta(days=6) and precheck.answered_at == now - timedelta(days=2)
    assert precheck.answered_by == reviewer and precheck.summary
    assert precheck.notes.count() == 5 and all(note.note for note in precheck.notes.all())
    assert Notification.objects.filter(recipient=initiator, kind=NotificationKind.PRECHECK_ANSWERED).exists()
    assert load_prechecks(edition=edition, users=users, now=now) is None  # loaded once
    assert PreCheck.objects.filter(plan=plan).count() == 1


def test_without_the_garden_draft_nothing_is_loaded(district: District) -> None:
    edition = factories.make_edition(district=district)
    assert load_prechecks(edition=edition, users={}, now=timezone.now()) is None
    assert not PreCheck.objects.exists()
