"""Blockers and help requests: who records, resolves, asks and answers, and what each is told."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import Any

import pytest

from accounts.models import Role, User
from audit.models import AuditEntry
from execution.models import AuthorSide, Blocker, BlockerCategory, HelpRequest, Project, ProjectStatus
from execution.obstacles.services import answer_help_request, ask_for_help, record_blocker, resolve_blocker
from execution.progress.status import apply_transition
from notifications.models import Notification, NotificationKind
from tests.execution.factories import published_projects
from tests.execution.progress.factories import moments, owner_of
from tests.factories import make_district, make_staff, make_user
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def _rows() -> tuple[int, int, int]:
    return Blocker.objects.count(), HelpRequest.objects.count(), Notification.objects.count()


def test_an_owner_records_a_blocker_and_an_official_resolves_it_saying_how() -> None:
    _, _, official, projects = published_projects()
    owner = owner_of(projects[0])
    blocker = record_blocker(
        project=projects[0], by=owner, category=BlockerCategory.PERMIT, description=" Geen vergunning "
    )
    assert (blocker.side, blocker.description, blocker.resolved_at) == (
        AuthorSide.INITIATORS,
        "Geen vergunning",
        None,
    )
    later = blocker.opened_at + timedelta(days=12)
    solved = resolve_blocker(blocker=blocker, by=official, resolution="Vergunning verleend", at=later)
    assert (solved.resolved_at, solved.resolved_by, solved.resolution) == (
        later,
        official,
        "Vergunning verleend",
    )
    assert AuditEntry.objects.filter(action="execution.blocker_resolved", object_id=str(blocker.pk)).exists()
    refused(lambda: resolve_blocker(blocker=blocker, by=owner, resolution="Nog eens"), "already_resolved")


def test_an_official_records_a_blocker_for_the_district_audited() -> None:
    _, _, official, projects = published_projects()
    blocker = record_blocker(
        project=projects[0],
        by=official,
        category=BlockerCategory.PROCUREMENT,
        description="Aanbesteding loopt",
    )
    assert blocker.side == AuthorSide.DISTRICT
    assert AuditEntry.objects.filter(action="execution.blocker_recorded", object_id=str(blocker.pk)).exists()


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"category": "weather"}, "unknown_category"),
        ({"description": "  "}, "empty_description"),
        ({"description": "x" * 2001}, "text_too_long"),
    ],
)
def test_a_bad_blocker_is_refused(fields: dict[str, str], code: str) -> None:
    _, _, _, projects = published_projects()
    arguments: dict[str, Any] = {"category": BlockerCategory.OTHER, "description": "Iets", **fields}
    refused(
        lambda: record_blocker(project=projects[0], by=owner_of(projects[0]), **arguments),
        code,
        unchanged=_rows,
    )


def test_a_blocker_is_not_resolved_before_it_was_opened_nor_without_saying_how() -> None:
    _, _, _, projects = published_projects()
    owner = owner_of(projects[0])
    blocker = record_blocker(
        project=projects[0], by=owner, category=BlockerCategory.LOCATION, description="Plein bezet"
    )
    state = lambda: Blocker.objects.filter(pk=blocker.pk).values_list("resolved_at", "resolution").get()  # noqa: E731
    early = blocker.opened_at - timedelta(minutes=1)
    refused(
        lambda: resolve_blocker(blocker=blocker, by=owner, resolution="Ander plein", at=early),
        "resolved_before_opened",
        unchanged=state,
    )
    refused(
        lambda: resolve_blocker(blocker=blocker, by=owner, resolution=" "),
        "empty_resolution",
        unchanged=state,
    )


@pytest.mark.parametrize("who", ["resident", "official_elsewhere", "owner_of_the_other", "facilitator"])
def test_others_may_not_record_or_resolve_blockers(who: str) -> None:
    _, _, _, projects = published_projects()
    blocker = record_blocker(
        project=projects[0],
        by=owner_of(projects[0]),
        category=BlockerCategory.MONEY,
        description="Geld komt niet",
    )
    makers: dict[str, Callable[[], User]] = {
        "resident": make_user,
        "official_elsewhere": lambda: make_staff(role=Role.OFFICIAL, district=make_district()),
        "owner_of_the_other": lambda: owner_of(projects[1]),
        "facilitator": lambda: make_staff(role=Role.FACILITATOR, district=projects[0].edition.district),
    }
    someone = makers[who]()
    refused(
        lambda: record_blocker(project=projects[0], by=someone, category="other", description="Hm"),
        "not_an_owner",
        unchanged=_rows,
    )
    refused(
        lambda: resolve_blocker(blocker=blocker, by=someone, resolution="Weg"),
        "not_an_owner",
        unchanged=_rows,
    )


def test_a_question_goes_to_the_contact_person_and_the_answer_to_the_asker() -> None:
    _, _, official, projects = published_projects()
    project = projects[0]
    Project.objects.filter(pk=project.pk).update(contact=official)
    project.refresh_from_db()
    other_official = make_staff(role=Role.OFFICIAL, district=project.edition.district)
    owner = owner_of(project)
    asked = ask_for_help(project=project, by=owner, question="Wie regelt de stroom?")
    assert list(
        Notification.objects.filter(kind=NotificationKind.HELP_ASKED).values_list("recipient", flat=True)
    ) == [official.pk]
    later = asked.asked_at + timedelta(hours=30)
    answered = answer_help_request(request=asked, by=other_official, answer="Liander; ik bel ze.", at=later)
    assert answered.answered_at == answered.asked_at + timedelta(hours=30)
    told = Notification.objects.get(kind=NotificationKind.HELP_ANSWERED)
    assert told.recipient == owner and "Liander" in told.params["excerpt"]
    assert AuditEntry.objects.filter(
        action="execution.help_answered", after__response_seconds=30 * 3600
    ).exists()
    refused(lambda: answer_help_request(request=asked, by=official, answer="Nog eens"), "already_answered")


def test_without_a_contact_person_the_district_officials_are_asked() -> None:
    _, _, official, projects = published_projects()
    colleague = make_staff(role=Role.OFFICIAL, district=projects[0].edition.district)
    elsewhere = make_staff(role=Role.OFFICIAL, district=make_district())
    reviewer = make_staff(role=Role.REVIEWER, district=projects[0].edition.district)
    assert projects[0].contact is None
    ask_for_help(project=projects[0], by=owner_of(projects[0]), question="Mogen we de straat afsluiten?")
    told = set(
        Notification.objects.filter(kind=NotificationKind.HELP_ASKED).values_list("recipient", flat=True)
    )
    assert {official.pk, colleague.pk} <= told
    assert not told & {elsewhere.pk, reviewer.pk, owner_of(projects[0]).pk}


def test_only_an_owner_asks_and_only_a_district_official_answers() -> None:
    _, _, official, projects = published_projects()
    owner = owner_of(projects[0])
    refused(
        lambda: ask_for_help(project=projects[0], by=official, question="?"), "not_an_owner", unchanged=_rows
    )
    refused(
        lambda: ask_for_help(project=projects[0], by=make_user(), question="?"),
        "not_an_owner",
        unchanged=_rows,
    )
    refused(
        lambda: ask_for_help(project=projects[0], by=owner, question="  "), "empty_question", unchanged=_rows
    )
    asked = ask_for_help(project=projects[0], by=owner, question="Wanneer komt het voorschot?")
    answered = lambda: HelpRequest.objects.filter(answered_at__isnull=False).count()  # noqa: E731
    for someone in (owner, make_user(), make_staff(role=Role.OFFICIAL, district=make_district())):
        refused(
            partial(answer_help_request, request=asked, by=someone, answer="Ja"),
            "not_district",
            unchanged=answered,
        )
    refused(
        lambda: answer_help_request(request=asked, by=official, answer=""), "empty_answer", unchanged=answered
    )
    early = asked.asked_at - timedelta(seconds=1)
    refused(
        lambda: answer_help_request(request=asked, by=official, answer="Ja", at=early),
        "answered_before_asked",
        unchanged=answered,
    )


def test_a_stopped_project_takes_no_new_blockers_or_questions() -> None:
    _, _, official, projects = published_projects()
    apply_transition(project=projects[0], to=ProjectStatus.STOPPED, by=official, reason="Geen draagvlak")
    owner = owner_of(projects[0])
    refused(
        lambda: ask_for_help(project=projects[0], by=owner, question="En nu?"),
        "project_closed",
        unchanged=_rows,
    )
    refused(
        lambda: record_blocker(project=projects[0], by=owner, category="other", description="Gestopt"),
        "project_closed",
        unchanged=_rows,
    )


@pytest.mark.parametrize(("moment", "allowed"), [("before", False), ("during", True), ("after", False)])
def test_obstacles_are_recorded_and_answered_only_while_the_phase_opens_them(
    moment: str, allowed: bool
) -> None:
    edition, _, official, projects = published_projects()
    at = moments(edition)[moment]
    owner = owner_of(projects[0])
    calls: list[Callable[[], object]] = [
        partial(
            record_blocker, project=projects[0], by=owner, category="permit", description="Vergunning", at=at
        ),
        partial(
            record_blocker,
            project=projects[0],
            by=official,
            category="permit",
            description="Vergunning",
            at=at,
        ),
        partial(ask_for_help, project=projects[0], by=owner, question="Hulp?", at=at),
    ]
    for call in calls:
        if allowed:
            call()
        else:
            refused(call, "not_allowed", unchanged=_rows)
    asked = HelpRequest.objects.create(
        project=projects[0], question="Eerder gevraagd", asked_by=owner, asked_at=at
    )
    answer = partial(answer_help_request, request=asked, by=official, answer="Zo", at=at)
    if allowed:
        assert answer().answered_at == at
    else:
        refused(answer, "not_allowed")
