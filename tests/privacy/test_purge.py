"""The purge per kind: what its period has passed for goes, the rest stays; twice is once; audited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from io import StringIO
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.management import call_command
from django.db import models
from django.test import override_settings
from django.utils import timezone, translation
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from accounts.models import Role, User
from audit.models import AuditEntry
from common.ratelimit import Limit, count
from deliberation.models import Respondent
from editions.admin import EditionForm
from editions.models import Edition
from execution.models import Project, ProjectOwner, ProjectStatus
from notifications.models import Notification, NotificationKind
from outcomes.models import Count, CountStatus
from outreach.models import Address
from privacy.retention import RETENTION
from privacy.retention.batches import delete_rows, empty_rows
from privacy.retention.purge import PURGED_MARK, PURGES, purge_personal_data
from proposals.models import CoInitiator
from tests import factories
from tests.helpers import REDIS
from voting.models import Ballot, EmailChallenge, Voter

NOW = timezone.now()


def _ended_edition(ended: timedelta, **fields: Any) -> Edition:
    """An edition whose last phase ended ``ended`` ago."""
    end = NOW - ended
    return factories.make_edition(phases=[("information", end - timedelta(days=30), end)], **fields)


def _publish_result(edition: Edition, *, ago: timedelta) -> None:
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    Count.objects.create(
        edition=edition,
        status=CountStatus.DONE,
        started_by=official,
        rule="greedy",
        satisfaction="cost",
        pbrules_version="test",
        tie_breaking="",
        is_current=True,
        published_at=NOW - ago,
    )


def _voter_at_an_address(edition: Edition) -> Voter:
    neighbourhood = factories.make_neighbourhood(district=edition.district)
    address = Address.objects.create(
        edition=edition, street_address="Dapperstraat 12", postcode="1093 BS", neighbourhood=neighbourhood,
        eligible_count=2,
    )  # fmt: skip
    voter: Voter
    voter, _code = factories.make_voter(edition=edition, neighbourhood=neighbourhood)
    Voter.objects.filter(pk=voter.pk).update(address=address, email_hash="e" * 64, channel="online")
    EmailChallenge.objects.create(voter=voter, code_hash="c" * 64, expires_at=NOW + timedelta(minutes=10))
    return voter


def test_every_kind_of_the_table_has_its_purge_and_the_editions_defaults_are_the_tables() -> None:
    assert set(PURGES) == {entry.key for entry in RETENTION}
    for entry in RETENTION:
        if entry.edition_field:
            field = Edition._meta.get_field(entry.edition_field)
            assert isinstance(field, models.Field) and field.default == entry.days


@pytest.mark.django_db
def test_voters_are_emptied_after_the_result_and_the_editions_own_appeal_period() -> None:
    short = _ended_edition(timedelta(days=10), voter_data_days=30)
    long = _ended_edition(timedelta(days=10), voter_data_days=60)
    for edition in (short, long):
        _publish_result(edition, ago=timedelta(days=45))
    gone, kept = _voter_at_an_address(short), _voter_at_an_address(long)
    kept_before = Voter.objects.values().get(pk=kept.pk)

    purge_personal_data(at=NOW, kinds=("voters",))

    gone.refresh_from_db()
    assert (
        gone.credential_hash == f"{PURGED_MARK}{gone.pk}" and gone.email_hash == "" and gone.address is None
    )
    assert gone.channel == "online" and gone.neighbourhood_id is not None  # the turnout's numbers stay
    address = Address.objects.get(edition=short)
    assert (address.street_address, address.postcode) == (f"{PURGED_MARK}{address.pk}", "")
    assert address.eligible_count == 2
    assert not EmailChallenge.objects.filter(voter=gone).exists()
    assert Voter.objects.values().get(pk=kept.pk) == kept_before
    assert Address.objects.get(edition=long).street_address == "Dapperstraat 12"


@pytest.mark.django_db
def test_an_edition_that_ended_without_a_result_counts_from_its_end() -> None:
    edition = _ended_edition(timedelta(days=200))
    voter = _voter_at_an_address(edition)

    purge_personal_data(at=NOW, kinds=("voters",))

    voter.refresh_from_db()
    assert voter.credential_hash.startswith(PURGED_MARK)


@pytest.mark.django_db
def test_a_one_time_code_goes_a_day_after_it_expired_while_the_vote_runs() -> None:
    edition = factories.make_edition()
    voter = _voter_at_an_address(edition)
    old = EmailChallenge.objects.create(voter=voter, code_hash="a" * 64, expires_at=NOW - timedelta(days=2))
    recent = EmailChallenge.objects.create(
        voter=voter, code_hash="b" * 64, expires_at=NOW - timedelta(hours=1)
    )

    purge_personal_data(at=NOW, kinds=("voters",))

    assert not EmailChallenge.objects.filter(pk=old.pk).exists()
    assert EmailChallenge.objects.filter(pk=recent.pk).exists()
    assert not Voter.objects.get(pk=voter.pk).credential_hash.startswith(PURGED_MARK)


@pytest.mark.django_db
def test_sealed_ballots_wait_for_a_late_count_but_not_for_ever() -> None:
    counting = _ended_edition(timedelta(days=10))
    called_off = _ended_edition(timedelta(days=181))
    published = factories.make_edition()
    _publish_result(published, ago=timedelta(hours=1))
    for edition in (counting, called_off, published):
        Ballot.objects.create(
            edition=edition, slot=f"s{edition.pk}", sealed=b"sealed", receipt=f"R{edition.pk}"
        )

    purge_personal_data(at=NOW, kinds=("ballots",))

    assert set(Ballot.objects.values_list("edition_id", flat=True)) == {counting.pk}


def _respondent(edition: Edition) -> Respondent:
    return Respondent.objects.create(
        edition=edition, pool_id=f"P{factories.next_number()}", features={"age": "30-44"}, consent_at=NOW,
        name="Fatima Bakker", email="fatima@example.org", phone="06 1234 5678",
    )  # fmt: skip


@pytest.mark.django_db
def test_panel_contacts_are_erased_after_the_edition_and_the_days_it_sets() -> None:
    at_end = _respondent(_ended_edition(timedelta(days=1)))
    later = _respondent(_ended_edition(timedelta(days=1), panel_contact_days=14))
    running = _respondent(factories.make_edition())

    purge_personal_data(at=NOW, kinds=("panel",))

    at_end.refresh_from_db()
    assert (at_end.name, at_end.email, at_end.phone) == ("", "", "")
    assert at_end.features == {"age": "30-44"} and at_end.erased_at is not None  # the draw stays checkable
    for kept in (later, running):
        kept.refresh_from_db()
        assert kept.email == "fatima@example.org"


@pytest.mark.django_db
def test_a_second_purge_removes_nothing_and_each_kind_is_audited_once_without_personal_data() -> None:
    resident = factories.make_user(email="oud@example.org", display_name="Oud Bericht")
    old = Notification.objects.create(
        recipient=resident, kind=NotificationKind.values[0], params={"plan": "Oud"},
        created_at=NOW - timedelta(days=366),
    )  # fmt: skip
    young = Notification.objects.create(recipient=resident, kind=NotificationKind.values[0], created_at=NOW)

    first = purge_personal_data(at=NOW, kinds=("notifications",))
    second = purge_personal_data(at=NOW, kinds=("notifications",))

    assert [p.rows for p in first] == [{"notifications.notification": 1}]
    assert [p.total for p in second] == [0]
    assert not Notification.objects.filter(pk=old.pk).exists()
    assert Notification.objects.filter(pk=young.pk).exists()
    entry = AuditEntry.objects.get(action="privacy.purged")
    assert entry.after["kind"] == "notifications" and entry.after["rows"] == {"notifications.notification": 1}
    assert "oud@example.org" not in str(entry.after) + entry.object_label
    assert not entry.actor.is_active and not entry.actor.has_usable_password()


@pytest.mark.django_db
def test_expired_sessions_and_finished_queue_rows_older_than_a_week_go() -> None:
    expired, current = SessionStore(), SessionStore()
    expired.create()
    current.create()
    Session.objects.filter(session_key=expired.session_key).update(expire_date=NOW - timedelta(seconds=1))

    def queued(status: str, finished: datetime | None) -> DBTaskResult[Any, Any]:
        return DBTaskResult.objects.create(
            status=status, finished_at=finished, args_kwargs={"args": ["x@example.org"], "kwargs": {}},
            task_path="common.mail.send", backend_name="default", run_after=NOW, exception_class_path="",
            traceback="",
        )  # fmt: skip

    sent_long_ago = queued(TaskResultStatus.SUCCESSFUL, NOW - timedelta(days=8))
    failed_long_ago = queued(TaskResultStatus.FAILED, NOW - timedelta(days=8))
    sent_yesterday = queued(TaskResultStatus.SUCCESSFUL, NOW - timedelta(days=1))
    waiting = queued(TaskResultStatus.READY, None)

    purge_personal_data(at=NOW, kinds=("sessions", "mail_queue"))

    assert list(Session.objects.values_list("session_key", flat=True)) == [current.session_key]
    left = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert left == {sent_yesterday.pk, waiting.pk}
    assert not left & {sent_long_ago.pk, failed_long_ago.pk}


@pytest.mark.django_db
def test_an_invitation_to_help_with_a_plan_goes_after_30_days_unanswered() -> None:
    plan = factories.make_plan(edition=factories.make_edition())
    old = factories.make_co_initiator(plan=plan, email="oud@example.org", status="invited")
    new = factories.make_co_initiator(plan=plan, email="nieuw@example.org", status="invited")
    joined = factories.make_co_initiator(plan=plan, email="mee@example.org")
    CoInitiator.objects.filter(pk__in=[old.pk, joined.pk]).update(invited_at=NOW - timedelta(days=31))

    purge_personal_data(at=NOW, kinds=("co_initiators",))

    assert set(CoInitiator.objects.values_list("pk", flat=True)) == {new.pk, joined.pk}


@pytest.mark.django_db
def test_accounts_unused_for_two_years_go_unless_their_project_is_unfinished() -> None:
    long_ago = NOW - timedelta(days=2 * 365 + 1)
    gone = factories.make_user(email="weg@example.org", display_name="Weg")
    recent = factories.make_user(email="recent@example.org")
    carrying_out = factories.make_user(email="bezig@example.org")
    edition = factories.make_edition()
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district, email="ambt@example.org")
    plan = factories.make_plan(edition=edition, initiator=carrying_out)
    project = Project.objects.create(plan=plan, edition=edition, status=ProjectStatus.RUNNING)
    ProjectOwner.objects.create(project=project, user=carrying_out)
    factories.make_plan(edition=edition, initiator=official)  # something that points at the official
    User.objects.filter(pk__in=[gone.pk, carrying_out.pk, official.pk]).update(last_login=long_ago)
    User.objects.filter(pk=recent.pk).update(last_login=NOW - timedelta(days=30))

    purge_personal_data(at=NOW, kinds=("account",))

    assert not User.objects.filter(pk=gone.pk).exists()
    assert User.objects.get(pk=recent.pk).email == "recent@example.org"
    assert User.objects.get(pk=carrying_out.pk).email == "bezig@example.org"
    official.refresh_from_db()
    assert official.email == f"deleted-{official.pk}@deleted.invalid"
    assert not official.is_active and not official.has_usable_password()
    assert official.plans.count() == 1  # the records stay, under the emptied account


@pytest.mark.django_db
def test_purges_work_in_bounded_batches_until_nothing_is_left() -> None:
    resident = factories.make_user()
    for _ in range(5):
        Notification.objects.create(recipient=resident, kind=NotificationKind.values[0], params={"p": 1})
    rows = Notification.objects.filter(recipient=resident)

    assert delete_rows(rows, dry_run=True, size=2) == 5
    assert empty_rows(rows.exclude(params={}), {"params": {}}, dry_run=False, size=2) == 5
    assert empty_rows(rows.exclude(params={}), {"params": {}}, dry_run=False, size=2) == 0
    assert delete_rows(rows, dry_run=False, size=2) == 5
    assert not rows.exists()


@pytest.fixture
def redis_cache() -> Iterator[None]:
    """The real Redis (db 8 of this part), as production keeps the rate-limit counters."""
    location = {"default": {"BACKEND": "common.cache.ReusingRedisCache", "LOCATION": f"{REDIS}/8"}}
    with override_settings(CACHES=location):
        caches["default"].clear()
        yield
        caches["default"].clear()


def test_rate_limit_keys_expire_with_their_window_in_redis(redis_cache: None) -> None:
    limit = Limit("retention-ttl", 5, 600)
    count(limit, "someone@example.org")
    cache = caches["default"]
    keys = cache._cache.get_client().keys("*ratelimit:retention-ttl:*")  # type: ignore[attr-defined]
    assert len(keys) == 1
    assert b"someone" not in keys[0]  # the key is hashed, not the address
    ttl = cache._cache.get_client().ttl(keys[0])  # type: ignore[attr-defined]
    assert 0 < ttl <= limit.window_seconds + 5


@pytest.mark.django_db
def test_an_edition_refuses_negative_or_endless_retention_days_with_a_clear_message() -> None:
    with translation.override("nl"):
        form = EditionForm(data={"voter_data_days": "-1", "panel_contact_days": "4000"})
        assert not form.is_valid()
        assert form.errors["voter_data_days"] == ["Een aantal dagen kan niet negatief zijn."]
        assert form.errors["panel_contact_days"] == ["Bewaar persoonsgegevens hoogstens 3650 dagen."]


@pytest.mark.django_db
def test_the_command_counts_in_a_dry_run_and_removes_otherwise() -> None:
    resident = factories.make_user()
    Notification.objects.create(
        recipient=resident, kind=NotificationKind.values[0], created_at=NOW - timedelta(days=400)
    )
    out = StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert "notifications: 1 would be removed (notifications.notification 1)" in out.getvalue()
    assert (
        Notification.objects.count() == 1 and not AuditEntry.objects.filter(action="privacy.purged").exists()
    )
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "notifications: 1 removed" in out.getvalue()
    assert Notification.objects.count() == 0


def test_the_scheduler_runs_the_purge_daily_by_its_command() -> None:
    from django.core.management import get_commands

    from operations.scheduler.jobs import job_named

    job = job_named("purge_personal_data")
    assert job.command == "purge_personal_data" and get_commands()[job.command] == "privacy"
    assert dict(job.options()) == {}  # the purge needs no account: it is recorded under its own
