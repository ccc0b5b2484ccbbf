"""The audit log is append-only: the ORM and the database refuse changes; administrators only read it."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role, User
from audit.models import AppendOnlyError, AuditEntry
from audit.services import record
from editions.models import Edition
from places.models import District
from tests import factories
from tests.conftest import People

pytestmark = pytest.mark.django_db

TABLE = AuditEntry._meta.db_table


@pytest.fixture
def entry(edition: Edition, people: People) -> AuditEntry:
    return record(
        actor=people.staff[Role.REVIEWER],
        action="review.verdict",
        target=edition,
        edition=edition,
        before={"verdict": ""},
        after={"verdict": "feasible"},
    )


def test_recording_keeps_who_what_and_before_and_after(entry: AuditEntry, edition: Edition) -> None:
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.action, stored.object_type, stored.object_id) == (
        "review.verdict",
        "editions.edition",
        str(edition.pk),
    )
    assert (stored.before, stored.after) == ({"verdict": ""}, {"verdict": "feasible"})
    assert stored.at is not None


def test_the_orm_refuses_to_change_an_entry(entry: AuditEntry) -> None:
    entry.action = "something.else"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="something.else")
    assert AuditEntry.objects.get(pk=entry.pk).action == "review.verdict"


def test_the_orm_refuses_to_delete_an_entry(entry: AuditEntry) -> None:
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(
    "statement",
    [
        f"UPDATE {TABLE} SET action = 'forged' WHERE id = %s",
        f"UPDATE {TABLE} SET after = '{{}}' WHERE id = %s",
        f"DELETE FROM {TABLE} WHERE id = %s",
    ],
)
def test_the_database_refuses_raw_updates_and_deletes(entry: AuditEntry, statement: str) -> None:
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement, [entry.pk])
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.action, stored.after) == ("review.verdict", {"verdict": "feasible"})


def test_the_database_refuses_to_empty_the_table(entry: AuditEntry) -> None:
    statement = f"TRUNCATE {TABLE}" if connection.vendor == "postgresql" else f"DELETE FROM {TABLE}"
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        if connection.vendor == "postgresql":  # TRUNCATE waits for no deferred foreign-key checks
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(statement)
    assert AuditEntry.objects.count() == 1


def test_appending_stays_allowed(entry: AuditEntry) -> None:
    AuditEntry.objects.create(
        actor=entry.actor, action="review.start", object_type="x", object_id="1", object_label="x"
    )
    assert AuditEntry.objects.count() == 2


# ---------------------------------------------------------------- reading it in the admin


def admin_url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(f"admin:audit_auditentry_{name}", args=args)


@pytest.fixture
def district_admin(district: District) -> User:
    return factories.make_staff(role=Role.ADMINISTRATOR, district=district, is_staff=True)


@pytest.fixture
def superuser(db: None) -> User:
    return factories.make_user(is_superuser=True, is_staff=True)


def test_a_district_administrator_reads_the_log_of_their_own_district(
    client: Client, entry: AuditEntry, district_admin: User, other_district: District, people: People
) -> None:
    elsewhere = factories.make_edition(district=other_district, name="Elders")
    record(actor=people.administrator_elsewhere, action="review.start", target=elsewhere, edition=elsewhere)
    client.force_login(district_admin)
    response = client.get(admin_url("changelist"))
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [entry]
    assert client.get(admin_url("change", entry.pk)).status_code == 200


def test_a_superuser_reads_every_entry(
    client: Client, entry: AuditEntry, superuser: User, other_district: District, people: People
) -> None:
    elsewhere = factories.make_edition(district=other_district, name="Elders")
    record(actor=people.administrator_elsewhere, action="review.start", target=elsewhere, edition=elsewhere)
    client.force_login(superuser)
    response = client.get(admin_url("changelist"))
    assert response.status_code == 200 and len(response.context["cl"].result_list) == 2


@pytest.mark.parametrize("who", ["district_admin", "superuser"])
def test_nobody_can_add_change_or_delete_entries_in_the_admin(
    client: Client, entry: AuditEntry, who: str, request: pytest.FixtureRequest
) -> None:
    client.force_login(request.getfixturevalue(who))
    assert client.get(admin_url("add")).status_code == 403
    assert client.post(admin_url("add"), {"action": "forged"}).status_code == 403
    change_page = client.get(admin_url("change", entry.pk))
    assert change_page.status_code == 200 and 'name="_save"' not in change_page.content.decode()
    assert client.post(admin_url("change", entry.pk), {"action": "forged"}).status_code == 403
    assert client.get(admin_url("delete", entry.pk)).status_code == 403
    assert client.post(admin_url("delete", entry.pk), {"post": "yes"}).status_code == 403
    response = client.post(
        admin_url("changelist"), {"action": "delete_selected", "_selected_action": [entry.pk]}
    )
    assert response.status_code in (200, 302)
    assert AuditEntry.objects.get(pk=entry.pk).action == "review.verdict"


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.OFFICIAL, Role.COMMITTEE])
def test_other_staff_cannot_read_the_log(
    client: Client, entry: AuditEntry, district: District, role: Role
) -> None:
    client.force_login(factories.make_staff(role=role, district=district, is_staff=True))
    assert client.get(admin_url("changelist")).status_code == 403
    assert client.get(admin_url("change", entry.pk)).status_code == 403
