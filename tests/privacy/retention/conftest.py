"""A full world, loaded once for the package: the demo, plus what the demo lacks (a session, queued
mail, the admin's history, a plan photo, a one-time voting code, a pending co-initiator invitation,
an account's own permission), in a transaction rolled back when the package is done (the audit log
refuses deletes; see tests/demo/conftest.py, which loads the demo the same way)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from accounts.models import User
from demo.services import DemoSummary, load_demo
from execution.models import Project
from proposals.models import Plan, PlanImage, PlanStatus
from tests import factories
from voting.models import EmailChallenge, IdempotentCast, Voter


def pytest_itemcollected(item: pytest.Item) -> None:
    """Mark each test that uses the world for the database, so they run together (tests/demo's reason)."""
    if "world" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("django_db"):
        item.add_marker(pytest.mark.django_db)


@dataclass(frozen=True)
class World:
    summary: DemoSummary
    resident: User


@pytest.fixture(scope="package")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():
        summary = load_demo()
        yield World(summary=summary, resident=_what_the_demo_lacks())
        transaction.set_rollback(True)


def _what_the_demo_lacks() -> User:
    resident = factories.make_user(email="wessel.world@example.org", display_name="Wessel Wereldburger")
    resident.user_permissions.add(Permission.objects.order_by("pk")[0])
    User.objects.filter(pk=resident.pk).update(last_login=timezone.now())
    session = SessionStore()
    session["_auth_user_id"] = str(resident.pk)
    session.create()
    now = timezone.now()
    for status, traceback in (
        (TaskResultStatus.SUCCESSFUL, ""),
        (TaskResultStatus.FAILED, f"SMTPRecipientsRefused: {resident.email}"),
    ):
        DBTaskResult.objects.create(
            status=status,
            finished_at=now,
            args_kwargs={"args": [], "kwargs": {"to": resident.email, "subject": "Je inloglink"}},
            task_path="common.mail.send",
            backend_name="default",
            run_after=now,
            return_value={"delivered_to": resident.email} if not traceback else None,
            exception_class_path="smtplib.SMTPRecipientsRefused" if traceback else "",
            traceback=traceback,
        )
    staff = User.objects.filter(is_staff=True).order_by("pk").first()
    assert staff is not None
    LogEntry.objects.create(
        user=staff,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(resident.pk),
        object_repr=str(resident),
        action_flag=CHANGE,
        change_message="[]",
    )
    plan = Plan.objects.exclude(status=PlanStatus.DRAFT).order_by("pk").first()
    assert plan is not None
    PlanImage.objects.create(
        plan=plan,
        image=ContentFile(factories.make_image_bytes(), name="wessel.png"),
        width=40,
        height=30,
        alt_text="Wessel bij het bankje",
        position=99,
    )
    factories.make_co_initiator(plan=plan, email="nog.niet@example.org", status="invited")
    voter = (
        Voter.objects.filter(email_hash__gt="").order_by("pk").first() or Voter.objects.order_by("pk").first()
    )
    assert voter is not None
    EmailChallenge.objects.create(
        voter=voter, code_hash="c0ffee" * 10, expires_at=now + timedelta(minutes=15)
    )
    # A retried cast's answer, kept for its Idempotency-Key (the demo casts without keys).
    IdempotentCast.objects.create(edition=voter.edition, lookup="1d" * 32, answer=os.urandom(540))
    # A grantee is a person when an initiator receives the money themselves.
    Project.objects.filter(pk__in=Project.objects.order_by("pk").values("pk")[:3]).update(
        grantee="W. Wereldburger"
    )
    return resident
