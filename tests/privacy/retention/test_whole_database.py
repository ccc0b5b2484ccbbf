"""After a purge of a full world, table by table: no column holds personal data the statement does not
list as still kept, every table is accounted for, and the audit log holds actions without persons.

The purge runs at a moment past every period (the longest is ten years after an edition ends), so
the only personal data that may remain is data whose period has not started: a project that is not
finished (with the accounts of the residents carrying it out) and e-mails still waiting in the queue.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEntry
from deliberation.models import Respondent
from execution.models import Project, ProjectOwner
from outreach.models import Address
from privacy.retention import RETENTION
from privacy.retention.clocks import edition_ends
from privacy.retention.holdings import NO_PERSONAL_DATA, PERSONAL_FIELDS
from privacy.retention.purge import PURGED_MARK, purge_personal_data
from privacy.services.deletion import UNFINISHED, anonymous_resident
from voting.models import Voter

from .conftest import World

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Addresses that name no person: emptied accounts, the purge's own account, the district's offices.
NOT_A_PERSON = re.compile(r"@(deleted|system)\.invalid$")
EMPTY_VALUES: tuple[Any, ...] = (None, "", {}, [])
# Where a project's personal data sits, by table: the path to the project (kept while it is open).
PROJECT_PATHS = {
    "execution.project": "pk",
    "execution.updatephoto": "update__project",
    "execution.finalreportphoto": "report__project",
    "execution.expense": "project",
}


def _tables() -> list[type[models.Model]]:
    return list(apps.get_models(include_auto_created=True))


def _beyond_every_period() -> datetime:
    longest = max(entry.days or 0 for entry in RETENTION)
    latest = max([timezone.now(), *edition_ends().values()])
    return latest + timedelta(days=max(longest, 3650) + 400)


def _is_empty(label: str, name: str, value: Any) -> bool:
    if value in EMPTY_VALUES:
        return True
    text = str(value)
    return (
        text.startswith(PURGED_MARK)
        or bool(NOT_A_PERSON.search(text))
        or (name == "password" and text.startswith("!"))
        or (name in {"display_name", "public_name"} and text in _anonymous_names())
    )


def _anonymous_names() -> set[str]:
    return {anonymous_resident(), "Een medewerker", "A staff member", "Retention purge"}


def _kept_rows(label: str) -> set[Any]:
    """Rows whose period has not started at any moment: an open project's, its residents' accounts."""
    open_projects = Project.objects.filter(status__in=UNFINISHED)
    if label in PROJECT_PATHS:
        model = apps.get_model(label)
        path = PROJECT_PATHS[label]
        return set(
            model._default_manager.filter(**{f"{path}__in": open_projects}).values_list("pk", flat=True)
        )
    if label == "accounts.user":
        return set(ProjectOwner.objects.filter(project__in=open_projects).values_list("user_id", flat=True))
    if label == "django_tasks_database.dbtaskresult":
        model = apps.get_model(label)
        return set(
            model._default_manager.exclude(status__in=["SUCCESSFUL", "FAILED"]).values_list("pk", flat=True)
        )
    return set()


def _text_values(model: type[models.Model]) -> Iterable[tuple[str, Any, str]]:
    """(column, row pk, text) of every text and JSON column of the table."""
    columns = [
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField, models.JSONField, models.FileField))
    ]
    if not columns:
        return
    for row in model._default_manager.values_list("pk", *columns).iterator(chunk_size=5000):
        for column, value in zip(columns, row[1:], strict=True):
            if value in EMPTY_VALUES:
                continue
            yield column, row[0], value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def test_every_table_is_accounted_for_once() -> None:
    labels = {model._meta.label_lower for model in _tables()}
    unlisted = sorted(labels - set(PERSONAL_FIELDS) - set(NO_PERSONAL_DATA))
    assert not unlisted, f"say in privacy/retention/holdings.py what these tables hold: {unlisted}"
    assert not set(PERSONAL_FIELDS) & set(NO_PERSONAL_DATA)
    assert not (set(PERSONAL_FIELDS) | set(NO_PERSONAL_DATA)) - labels, (
        "holdings name tables that do not exist"
    )
    in_table = {label for entry in RETENTION for label in entry.models}
    assert set(PERSONAL_FIELDS) == in_table, "every table with personal data is in exactly one kind"
    for label, fields in PERSONAL_FIELDS.items():
        model = apps.get_model(label)
        assert {f.name for f in model._meta.concrete_fields} >= set(fields), label


def test_after_a_purge_no_table_holds_personal_data_the_statement_does_not_keep(world: World) -> None:
    # The world is full: every personal column holds something before the purge.
    for label, fields in PERSONAL_FIELDS.items():
        rows = apps.get_model(label)._default_manager.all()
        for name in fields:
            held = [v for v in rows.values_list(name, flat=True) if not _is_empty(label, name, v)]
            assert held, f"the world has no {label}.{name} to purge: add it in conftest.py"
    canaries = _canaries(world)

    report = purge_personal_data(at=_beyond_every_period())

    assert {purged.kind for purged in report} == {entry.key for entry in RETENTION}
    problems: list[str] = []
    for model in _tables():
        label = model._meta.label_lower
        kept = _kept_rows(label)
        fields = PERSONAL_FIELDS.get(label, ())
        if fields:
            for row in model._default_manager.exclude(pk__in=kept).values("pk", *fields).iterator():
                problems += [
                    f"{label}#{row['pk']}.{name} still holds {str(row[name])[:60]!r}"
                    for name in fields
                    if not _is_empty(label, name, row[name])
                ]
        for column, pk, text in _text_values(model):
            if pk in kept:
                continue
            problems += [
                f"{label}#{pk}.{column} holds the e-mail address {found}"
                for found in EMAIL.findall(text)
                if not NOT_A_PERSON.search(found) and label != "places.helpdesk"
            ]
            if text in canaries:
                problems.append(f"{label}#{pk}.{column} holds {text!r}, personal data that was purged")
    assert not problems, "\n".join(problems[:40])


def _canaries(world: World) -> set[str]:
    """Values that name a person and must not survive the purge anywhere: residents' names, panel
    contacts, addresses of the register, code and e-mail hashes."""
    kept = _kept_rows("accounts.user")
    values: set[str] = set()
    values |= set(
        User.objects.exclude(pk__in=kept).exclude(display_name="").values_list("display_name", flat=True)
    )
    values |= set(User.objects.exclude(pk__in=kept).values_list("email", flat=True))
    for row in Respondent.objects.values_list("name", "email", "phone"):
        values |= set(row)
    values |= set(Address.objects.values_list("street_address", flat=True))
    values |= set(Voter.objects.values_list("credential_hash", flat=True))
    values |= set(Voter.objects.exclude(email_hash="").values_list("email_hash", flat=True))
    # A name kept with a plan or a project stays there, as the statement says: not a canary.
    return {v for v in values if v and len(v) >= 4} - _anonymous_names()


def test_the_audit_log_keeps_the_actions_without_personal_data(world: World) -> None:
    people = set(User.objects.exclude(display_name="").values_list("display_name", flat=True))
    people |= set(Respondent.objects.exclude(name="").values_list("name", flat=True))
    people = {name for name in people if " " in name}  # full names: a first name alone is in plan titles
    codes = {code for vote in world.summary.votes for code in vote.codes}
    codes |= {code.replace("-", "") for code in codes}
    emails = set(User.objects.values_list("email", flat=True))
    before = AuditEntry.objects.count()

    purge_personal_data(at=_beyond_every_period())

    entries = list(AuditEntry.objects.all())
    assert len(entries) > before, "the purge records what it did"
    purged = [e for e in entries if e.action == "privacy.purged"]
    assert {e.after["kind"] for e in purged} >= {"voters", "panel", "account", "notifications"}
    problems = []
    for entry in entries:
        text = " ".join([entry.object_label, json.dumps(entry.before), json.dumps(entry.after)])
        problems += [f"{entry.action}#{entry.pk}: e-mail {e}" for e in EMAIL.findall(text) if e in emails]
        problems += [f"{entry.action}#{entry.pk}: name {n}" for n in people if n in text]
        problems += [f"{entry.action}#{entry.pk}: code {c}" for c in codes if c in text]
    assert not problems, "\n".join(problems[:40])


def test_a_dry_run_counts_and_changes_nothing(world: World) -> None:
    moment = _beyond_every_period()
    tables = {m._meta.label_lower: m._default_manager.count() for m in _tables()}
    voters = list(Voter.objects.order_by("pk").values_list("credential_hash", flat=True)[:50])

    report = purge_personal_data(at=moment, dry_run=True)

    assert sum(p.total for p in report) > 0
    assert {m._meta.label_lower: m._default_manager.count() for m in _tables()} == tables
    assert list(Voter.objects.order_by("pk").values_list("credential_hash", flat=True)[:50]) == voters
