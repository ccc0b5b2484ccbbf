"""Every change made through the admin is in the audit log: who, when, what, before → after."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role, User
from audit.models import AuditEntry
from backoffice.scoping import HIDDEN
from editions.models import Edition
from places.models import District

from .. import factories
from .forms import form_data


def _url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(f"admin:{name}", args=args)


@pytest.fixture
def official(district: District) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=district, is_staff=True)


@pytest.fixture
def edition_of_official(district: District) -> Edition:
    # Every phase still to come, so no phase has entries and all dates may change in the form.
    return factories.make_edition(
        district=district, start=(timezone.now() + timedelta(days=5)).replace(microsecond=0)
    )


def _post_back(client: Client, url: str, **changes: str) -> dict[str, list[str]]:
    data = form_data(client.get(url).content.decode())
    for name, value in changes.items():
        data[name] = [value]
    data["_save"] = ["Save"]
    return data


def test_an_officials_save_of_an_edition_is_in_the_audit_log_with_before_and_after(
    client: Client, official: User, edition_of_official: Edition
) -> None:
    client.force_login(official)
    url = _url("editions_edition_change", edition_of_official.pk)
    response = client.post(url, _post_back(client, url, name="Buurtbudget Hernoemd", min_age="14"))

    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="admin.change", object_type="editions.edition")
    assert entry.actor == official
    assert entry.edition == edition_of_official
    assert entry.before == {"name": edition_of_official.name, "min_age": "16"}
    assert entry.after == {"name": "Buurtbudget Hernoemd", "min_age": "14"}
    assert timezone.now() - entry.at < timedelta(minutes=1)


def test_a_phase_moved_in_the_edition_form_is_logged_as_its_own_change(
    client: Client, official: User, edition_of_official: Edition
) -> None:
    client.force_login(official)
    url = _url("editions_edition_change", edition_of_official.pk)
    data = form_data(client.get(url).content.decode())
    evaluation = next(
        k[: -len("-kind")] for k, v in data.items() if k.endswith("-kind") and v == ["evaluation"]
    )
    later = factories.phase_of(edition_of_official, "evaluation").ends_at + timedelta(days=3)
    local = timezone.localtime(later)
    data[f"{evaluation}-ends_at_0"] = [local.strftime("%Y-%m-%d")]
    data[f"{evaluation}-ends_at_1"] = [local.strftime("%H:%M:%S")]
    data["_save"] = ["Save"]

    assert client.post(url, data).status_code == 302
    entry = AuditEntry.objects.get(action="admin.change", object_type="editions.phase")
    assert entry.edition == edition_of_official and entry.actor == official
    assert set(entry.before) == set(entry.after) == {"ends_at"}, (entry.before, entry.after)
    assert entry.after["ends_at"].startswith(later.astimezone(UTC).strftime("%Y-%m-%dT%H:%M"))


def test_an_edition_added_in_the_admin_is_logged_with_its_fields(
    client: Client, official: User, district: District
) -> None:
    client.force_login(official)
    url = _url("editions_edition_add")
    data = _post_back(client, url)
    data.update(
        {
            "district": [str(district.pk)],
            "name": ["Buurtbudget Nieuw 2029"],
            "slug": ["buurtbudget-nieuw-2029"],
            "year": ["2029"],
            "total_budget_cents": ["100.000"],
            "max_plan_cost_cents": ["10.000"],
        }
    )
    for prefix in ("phases", "themes", "sub_budgets", "review_criteria"):
        data[f"{prefix}-TOTAL_FORMS"] = ["0"]
    start = timezone.localtime() + timedelta(days=30)
    for i, kind in enumerate(["plans", "review", "decision", "result"]):
        data["phases-TOTAL_FORMS"] = [str(i + 1)]
        data[f"phases-{i}-kind"] = [kind]
        for end, at in (
            ("starts_at", start + timedelta(days=10 * i)),
            ("ends_at", start + timedelta(days=10 * i + 10)),
        ):
            data[f"phases-{i}-{end}_0"] = [at.strftime("%Y-%m-%d")]
            data[f"phases-{i}-{end}_1"] = [at.strftime("%H:%M:%S")]

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    edition = Edition.objects.get(slug="buurtbudget-nieuw-2029")
    entry = AuditEntry.objects.get(action="admin.add", object_type="editions.edition")
    assert entry.before == {} and entry.after["name"] == "Buurtbudget Nieuw 2029"
    assert entry.edition == edition and entry.actor == official
    assert (
        AuditEntry.objects.filter(action="admin.add", object_type="editions.phase", edition=edition).count()
        == 4
    )


def test_a_superusers_delete_is_logged_with_what_was_deleted(db: None, client: Client) -> None:
    superuser = factories.make_user(is_staff=True, is_superuser=True)
    group = Group.objects.create(name="Weg ermee")
    client.force_login(superuser)

    assert client.post(_url("auth_group_delete", group.pk), {"post": "yes"}).status_code == 302
    entry = AuditEntry.objects.get(action="admin.delete")
    assert entry.before["name"] == "Weg ermee" and entry.after == {}
    assert entry.object_type == "auth.group" and entry.actor == superuser


def test_a_password_set_in_the_admin_is_logged_without_the_password(db: None, client: Client) -> None:
    superuser = factories.make_user(is_staff=True, is_superuser=True)
    resident = factories.make_user()
    client.force_login(superuser)
    url = _url("auth_user_password_change", resident.pk)
    response = client.post(
        url, {"password1": "Nieuw-wachtwoord-2027", "password2": "Nieuw-wachtwoord-2027", "set_password": "1"}
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="admin.change", object_type="accounts.user")
    assert "pbkdf2" not in str(entry.before) + str(entry.after)
    assert entry.actor == superuser and entry.object_id == str(resident.pk)


def test_an_admin_changing_their_own_password_is_logged_without_the_password(
    db: None, client: Client
) -> None:
    official = factories.make_staff(role=Role.OFFICIAL, district=factories.make_district(), is_staff=True)
    official.set_password("Oud-wachtwoord-2026")
    official.save()
    client.force_login(official)

    response = client.post(
        reverse("admin:password_change"),
        {
            "old_password": "Oud-wachtwoord-2026",
            "new_password1": "Nieuw-wachtwoord-2027",
            "new_password2": "Nieuw-wachtwoord-2027",
        },
    )

    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="admin.password_change")
    assert entry.actor == official and entry.object_id == str(official.pk)
    official.refresh_from_db()
    logged = str(entry.before) + str(entry.after)
    assert official.check_password("Nieuw-wachtwoord-2027")
    assert official.password not in logged and "Nieuw-wachtwoord" not in logged


def test_a_wrong_old_password_changes_nothing_and_logs_nothing(db: None, client: Client) -> None:
    official = factories.make_staff(role=Role.OFFICIAL, district=factories.make_district(), is_staff=True)
    official.set_password("Oud-wachtwoord-2026")
    official.save()
    client.force_login(official)

    response = client.post(
        reverse("admin:password_change"),
        {
            "old_password": "fout",
            "new_password1": "Nieuw-wachtwoord-2027",
            "new_password2": "Nieuw-wachtwoord-2027",
        },
    )

    assert response.status_code == 200
    official.refresh_from_db()
    assert official.check_password("Oud-wachtwoord-2026")
    assert not AuditEntry.objects.filter(action="admin.password_change").exists()


def test_an_e_mail_address_changed_in_the_admin_is_logged_as_changed_without_either_address(
    db: None, client: Client
) -> None:
    superuser = factories.make_user(is_staff=True, is_superuser=True)
    resident = factories.make_user(email="oud@example.org")
    client.force_login(superuser)
    url = _url("accounts_user_change", resident.pk)
    data = form_data(client.get(url).content.decode())
    data["email"] = ["nieuw@example.org"]
    data["_save"] = ["Save"]

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    resident.refresh_from_db()
    assert resident.email == "nieuw@example.org"
    entry = AuditEntry.objects.get(action="admin.change", object_type="accounts.user")
    assert entry.before["email"] == HIDDEN and entry.after["email"] == HIDDEN
    assert "example.org" not in str(entry.before) + str(entry.after) + entry.object_label


def test_a_snapshot_hides_a_changed_password_hash(db: None) -> None:
    from backoffice.scoping import difference

    before, after = difference(
        {"password": "pbkdf2$old", "email": "a@x"}, {"password": "pbkdf2$new", "email": "a@x"}
    )
    assert before == {"password": HIDDEN} and after == {"password": HIDDEN}


def test_a_row_removed_from_an_inline_is_logged_with_its_id_and_values(
    client: Client, official: User, edition_of_official: Edition
) -> None:
    theme = factories.make_theme(edition=edition_of_official, name="Weg")
    client.force_login(official)
    url = _url("editions_edition_change", edition_of_official.pk)
    data = form_data(client.get(url).content.decode())
    prefix = next(k[: -len("-id")] for k, v in data.items() if k.endswith("-id") and v == [str(theme.pk)])
    data[f"{prefix}-DELETE"] = ["on"]
    data["_save"] = ["Save"]

    assert client.post(url, data).status_code == 302
    entry = AuditEntry.objects.get(action="admin.delete", object_type="editions.theme")
    assert entry.object_id == str(theme.pk) and entry.before["name"] == "Weg" and entry.after == {}
    assert entry.edition == edition_of_official and entry.actor == official
