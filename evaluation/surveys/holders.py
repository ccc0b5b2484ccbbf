"""Who answers, as a keyed hash per purpose: the ticket's ``holder_hash``, never the person itself.

A holder is a short string (``voter:<keyed hash of the credential>``, ``user:<pk>``,
``user:<pk>:project:<pk>``, ``panel:<respondent pk>``); the ticket stores only
``salted_hmac`` of it under a purpose per survey kind, keyed with SECRET_KEY, so the database alone
cannot tell whose ticket it is, and the same person gets unrelated hashes in different surveys.
"""

from __future__ import annotations

from django.utils.crypto import salted_hmac

from accounts.models import User
from deliberation.models import Respondent
from execution.models import Project

from ..models import Survey

PURPOSE = "evaluation.surveys.holder"


def holder_hash(survey: Survey, holder: str) -> str:
    """The keyed hash of ``holder`` for ``survey`` (64 hex characters)."""
    return salted_hmac(f"{PURPOSE}:{survey.kind}", f"{survey.pk}:{holder}", algorithm="sha256").hexdigest()


def voter_holder(pass_holder: str) -> str:
    """The holder of a voter: the survey pass's keyed hash of their credential (``voting.survey_pass``)."""
    return f"voter:{pass_holder}"


def user_holder(user: User, project: Project | None = None) -> str:
    """A signed-in person, once per survey or, for the surveys about one project, once per project."""
    return f"user:{user.pk}" if project is None else f"user:{user.pk}:project:{project.pk}"


def panel_holder(respondent: Respondent) -> str:
    return f"panel:{respondent.pk}"
