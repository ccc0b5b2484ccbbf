"""The chosen plans carried out: each demo project's story replayed through the execution services.

Publishing a result opened the projects; here each story (``demo.content.execution``) is told at its
moments, in days after the project opened, up to today: the district's set-up, the agreement and its
change, payments, expenses with receipts, updates with photos, blockers, help requests, the status,
the final report and its acceptance, and who follows what. A project already told (it has a contact
person: the story's first step) is left alone, so loading the demo twice tells nothing twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from accounts.models import Role, User
from editions.models import Edition
from execution.completion.services import accept_final_report
from execution.following.reminders import send_reminders
from execution.following.services import follow_edition, follow_project
from execution.models import FinalReport, Project, ProjectLine, ProjectStatus, ReportDecision
from execution.progress.status import change_project_status
from execution.projects.services import set_up_project
from notifications.models import NotificationKind
from notifications.services import notify
from proposals.status import initiators_of

from ...content.accounts import staff
from ...content.execution import EDITION_FOLLOWERS, STORIES, ProjectStory
from .agreement import agree
from .clock import Clock
from .steps import events


def load_execution(*, edition: Edition, users: Mapping[str, User], now: datetime) -> int:
    """Tell the stories of the edition's projects; the number of projects told this time."""
    stories = {story.plan_title: story for story in STORIES.get(edition.slug, ())}
    official = users[staff(Role.OFFICIAL, edition.district.slug)]
    for email in EDITION_FOLLOWERS.get(edition.slug, ()):
        follow_edition(user=users[email], edition=edition, at=now)
    told = 0
    projects = Project.objects.filter(edition=edition, contact__isnull=True).select_related("plan", "edition")
    for project in projects:
        clock = Clock(project, now)
        owner = project.plan.initiator
        # The notice publishing a result sends each project's owners (the demo publishes without notices).
        notify(
            recipients=initiators_of(project.plan),
            kind=NotificationKind.PROJECT_OPENED,
            params={"plan": project.plan.title},
            url=project.get_absolute_url(),
            at=project.opened_at,
        )
        set_up_project(
            project=project, by=official, contact=official, grantee="", delivery={}, at=clock.day(2)
        )
        story = stories.get(project.plan.title)
        if story is not None:
            _tell(story, project=project, owner=owner, official=official, users=users, clock=clock)
        told += 1
    send_reminders(at=now)  # the cron job's reminders of overdue milestones and quiet projects
    return told


def _tell(
    story: ProjectStory,
    *,
    project: Project,
    owner: User,
    official: User,
    users: Mapping[str, User],
    clock: Clock,
) -> None:
    for email in story.followers:
        follow_project(user=users[email], project=project, at=clock.day(3))
    lines = list(ProjectLine.objects.filter(project=project).order_by("position", "pk"))
    if clock.due(story.agreed_day) and story.agreed_day is not None:
        agree(story, project=project, lines=lines, owner=owner, official=official, clock=clock)
    if story.status not in (ProjectStatus.PREPARING, ProjectStatus.STOPPED) and clock.due(story.started_day):
        change_project_status(
            project=project, to=ProjectStatus.RUNNING, by=owner, at=clock.day(story.started_day)
        )
    for event_day, step in sorted(events(story, project, lines, owner, official, clock), key=lambda e: e[0]):
        if clock.due(event_day):
            step()
    if story.report is not None and clock.due(story.report.accepted_day):
        submitted = FinalReport.objects.get(project=project, decision=ReportDecision.PENDING)
        accept_final_report(report=submitted, by=official, at=clock.day(story.report.accepted_day))
