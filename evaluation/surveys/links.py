"""The signed link a panel member answers their survey with: it names the survey and the respondent.

Mailed once to the address the member gave when they signed up (``invite_surveys``); it is a link in
a mail, so it is in a URL, but it says nothing about what the member answers.
"""

from __future__ import annotations

from django.core import signing

from deliberation.models import Respondent

from ..models import Survey
from .errors import SurveyError

SALT = "evaluation.surveys.panel"
MAX_AGE_SECONDS = 90 * 24 * 60 * 60


def panel_token(survey: Survey, respondent: Respondent) -> str:
    return signing.dumps([survey.pk, respondent.pk], salt=SALT)


def respondent_from_token(token: str, *, survey: Survey) -> Respondent:
    """The respondent the token was made for, or SurveyError("pass_expired")."""
    try:
        survey_pk, respondent_pk = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except (signing.BadSignature, ValueError, TypeError):
        raise SurveyError("pass_expired") from None
    respondent = Respondent.objects.filter(pk=respondent_pk, edition_id=survey.edition_id).first()
    if survey_pk != survey.pk or respondent is None:
        raise SurveyError("pass_expired")
    return respondent
