"""Who may answer which survey: initiators of a project per stage, panel members, officials, residents.

Voters answer with the survey pass of their receipt (``voting.survey_pass``), panel members with the
signed link mailed to them (``links``); everyone else is a signed-in user, checked here. A per-project
survey is answered once per project (the holder names the project).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from deliberation.models import PanelDecision, PanelMember, Respondent
from deliberation.models.decision import PanelStep
from editions.permissions import holds_action_roles
from editions.phases import Action
from execution.models import Project, ProjectStatus
from outcomes.models import Count

from ..models import Survey, SurveyKind, SurveyTicket
from .errors import SurveyError
from .holders import holder_hash, user_holder

PER_PROJECT = frozenset(
    {
        SurveyKind.INITIATOR_AGREEMENT,
        SurveyKind.INITIATOR_COMPLETION,
        SurveyKind.PROJECT_USE_6,
        SurveyKind.PROJECT_USE_12,
    }
)
INITIATOR_KINDS = frozenset({SurveyKind.INITIATOR_AGREEMENT, SurveyKind.INITIATOR_COMPLETION})
USE_MONTHS = {SurveyKind.PROJECT_USE_6: 6, SurveyKind.PROJECT_USE_12: 12}


@dataclass(frozen=True)
class Offer:
    """A survey someone may still answer, about ``project`` where it is a per-project survey."""

    survey: Survey
    project: Project | None


def months_before(moment: datetime, months: int) -> datetime:
    """``moment`` moved back by whole calendar months (the 31st becomes the month's last day)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def survey_projects(survey: Survey, *, at: datetime | None = None) -> QuerySet[Project]:
    """The projects of the edition a per-project survey is about at ``at`` (default now)."""
    projects = Project.objects.filter(edition_id=survey.edition_id)
    if survey.kind == SurveyKind.INITIATOR_AGREEMENT:
        return projects.filter(agreements__in_force_at__isnull=False).distinct()
    completed = projects.filter(status=ProjectStatus.COMPLETED)
    if survey.kind in USE_MONTHS:
        cutoff = months_before(at or timezone.now(), USE_MONTHS[SurveyKind(survey.kind)])
        return completed.filter(completed_at__lte=cutoff)
    return completed


def result_published(survey: Survey) -> bool:
    return Count.objects.filter(edition_id=survey.edition_id, published_at__isnull=False).exists()


def _is_resident(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active)


def user_may_answer(
    survey: Survey, user: User | AnonymousUser, project: Project | None = None, *, at: datetime | None = None
) -> bool:
    """Whether ``user`` may answer ``survey`` (about ``project`` for a per-project survey) at ``at``."""
    if not _is_resident(user) or not isinstance(user, User):
        return False
    if survey.kind in PER_PROJECT:
        if project is None or not survey_projects(survey, at=at).filter(pk=project.pk).exists():
            return False
        return survey.kind not in INITIATOR_KINDS or project.owners.filter(user=user).exists()
    if survey.kind == SurveyKind.OFFICIAL:
        return (
            project is None
            and holds_action_roles(user, Action.EVALUATE, survey.edition)
            and result_published(survey)
        )
    return False


def check_user(
    survey: Survey, user: User | AnonymousUser, project: Project | None, *, at: datetime | None = None
) -> str:
    """The holder of ``user`` for ``survey``, or SurveyError("not_eligible")."""
    if not user_may_answer(survey, user, project, at=at) or not isinstance(user, User):
        raise SurveyError("not_eligible")
    return user_holder(user, project if survey.kind in PER_PROJECT else None)


def panel_members(survey: Survey) -> QuerySet[Respondent]:
    """The respondents selected in the edition's current (accepted) draw, once the panel has decided."""
    decided = PanelDecision.objects.filter(edition_id=survey.edition_id, step=PanelStep.DECISION).exists()
    if survey.kind != SurveyKind.PANEL_MEMBER or not decided:
        return Respondent.objects.none()
    selected = PanelMember.objects.filter(draw__edition_id=survey.edition_id, draw__is_current=True)
    return Respondent.objects.filter(pk__in=selected.values("respondent_id"))


def answered(survey: Survey, holder: str) -> bool:
    return SurveyTicket.objects.filter(survey=survey, holder_hash=holder_hash(survey, holder)).exists()


def _candidates(survey: Survey, user: User, at: datetime | None) -> list[Project | None]:
    if survey.kind in INITIATOR_KINDS:
        return list(survey_projects(survey, at=at).filter(owners__user=user).select_related("plan"))
    if survey.kind in USE_MONTHS:
        return list(survey_projects(survey, at=at).select_related("plan")[:50])
    return [None]


def open_offers(user: User | AnonymousUser, *, at: datetime | None = None) -> list[Offer]:
    """The open surveys ``user`` may answer and has not answered yet (the "my surveys" page)."""
    if not isinstance(user, User) or not _is_resident(user):
        return []
    offers: list[Offer] = []
    kinds = [kind for kind in SurveyKind if kind not in (SurveyKind.VOTER, SurveyKind.PANEL_MEMBER)]
    surveys = Survey.objects.filter(is_open=True, kind__in=kinds).select_related("edition")
    for survey in surveys.order_by("-edition__year", "edition__name", "kind"):
        for project in _candidates(survey, user, at):
            if user_may_answer(survey, user, project, at=at) and not answered(
                survey, user_holder(user, project)
            ):
                offers.append(Offer(survey=survey, project=project))
    return offers


def local_day(at: datetime | None) -> date:
    return timezone.localdate(at or timezone.now())
