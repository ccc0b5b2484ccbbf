"""Invitations to answer a survey, each sent once (``manage.py invite_surveys``, run daily from cron).

Initiators are invited per project, officials of the district once the result is published (a
notification, mailed as they chose), panel members by mail with their signed link. Residents near a
completed project are not invited one by one (their addresses are not known): they find the survey on
"my surveys" and on the project's page. Who was invited is kept as a keyed hash (``SurveyInvitation``).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext

from accounts.models import Role, User
from common.mail import queue_mail
from deliberation.models import Respondent
from editions.models import Edition
from execution.models import Project
from notifications.models import NotificationKind
from notifications.services import notify

from ...models import Survey, SurveyInvitation, SurveyKind
from ..eligibility import INITIATOR_KINDS, local_day, panel_members, result_published, survey_projects
from ..holders import panel_holder, user_holder
from ..links import panel_token

PURPOSE = "evaluation.surveys.invitation"


def _claim(survey: Survey, invitee: str, at: datetime | None) -> bool:
    """Record the invitation of ``invitee``; False if they were invited before."""
    digest = salted_hmac(PURPOSE, f"{survey.pk}:{invitee}", algorithm="sha256").hexdigest()
    try:
        with transaction.atomic():
            SurveyInvitation.objects.create(survey=survey, invitee_hash=digest, sent_on=local_day(at))
    except IntegrityError:
        return False
    return True


def answer_url(survey: Survey, project: Project | None = None) -> str:
    if project is None:
        return reverse("evaluation:answer", kwargs={"pk": survey.pk})
    return reverse("evaluation:answer_project", kwargs={"pk": survey.pk, "project": project.pk})


def _notify(survey: Survey, user: User, project: Project | None, at: datetime | None) -> int:
    if not _claim(survey, user_holder(user, project), at):
        return 0
    params = {"survey": survey.title, "edition": survey.edition.name}
    notify(
        recipients=[user],
        kind=NotificationKind.SURVEY_INVITATION,
        params=params,
        url=answer_url(survey, project),
        at=at,
    )
    return 1


def _district_officials(edition: Edition) -> list[User]:
    officials = User.objects.filter(
        staff_roles__district_id=edition.district_id, staff_roles__role=Role.OFFICIAL, is_active=True
    )
    return list(officials.distinct().order_by("pk"))


def _mail_panel_member(survey: Survey, respondent: Respondent) -> None:
    """In the language of the account with the member's address, if there is one; else in Dutch."""
    accounts = User.objects.filter(email__iexact=respondent.email, is_active=True)
    language = accounts.values_list("language", flat=True).first() or settings.LANGUAGE_CODE
    with translation.override(language):
        url = reverse(
            "evaluation:answer_panel", kwargs={"pk": survey.pk, "token": panel_token(survey, respondent)}
        )
        subject = gettext("A few questions from %(edition)s: “%(survey)s”") % {
            "edition": survey.edition.name,
            "survey": survey.title,
        }
        body = gettext(
            "You took part in the citizens' panel. Would you tell us how it went? Answering takes a few "
            "minutes and your answers are not linked to your name: %(link)s"
        ) % {"link": settings.BUURTBUDGET_SITE_URL.rstrip("/") + url}
    queue_mail(subject=subject, body=body, to=respondent.email)


def _invite(survey: Survey, at: datetime | None) -> int:
    sent = 0
    if survey.kind in INITIATOR_KINDS:
        for project in survey_projects(survey, at=at).prefetch_related("owners__user"):
            for owner in project.owners.all():
                if owner.user.is_active:
                    sent += _notify(survey, owner.user, project, at)
    elif survey.kind == SurveyKind.OFFICIAL and result_published(survey):
        for official in _district_officials(survey.edition):
            sent += _notify(survey, official, None, at)
    elif survey.kind == SurveyKind.PANEL_MEMBER:
        for respondent in panel_members(survey).exclude(email=""):
            if _claim(survey, panel_holder(respondent), at):
                if at is None:  # replaying history (``at``) mails nobody now about the past
                    _mail_panel_member(survey, respondent)
                sent += 1
    return sent


def invite_surveys(*, edition: Edition | None = None, at: datetime | None = None) -> Counter[str]:
    """Invite everyone eligible for an open survey who was not invited yet; the number per survey kind.

    System work (no user). Idempotent: a second run invites nobody twice. With ``at`` (the demo replaying
    history) the invitations are dated then and nobody is mailed now, as ``notify`` does.
    """
    surveys = Survey.objects.filter(is_open=True).exclude(kind=SurveyKind.VOTER).select_related("edition")
    if edition is not None:
        surveys = surveys.filter(edition=edition)
    counts: Counter[str] = Counter()
    for survey in surveys:
        with transaction.atomic():
            counts[survey.kind] += _invite(survey, at)
    return counts
