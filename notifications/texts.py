"""The text of each kind of notification, rendered in the reader's language from stored parameters."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils import formats, timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import NotificationKind

SUBJECTS: dict[str, Promise] = {
    NotificationKind.STATUS_CHANGED: _("Your plan “%(plan)s” is now: %(status)s"),
    NotificationKind.VERDICT: _("The review of your plan “%(plan)s” has been published"),
    NotificationKind.CHANGES_REQUESTED: _("Please revise your plan “%(plan)s”"),
    NotificationKind.COMMENT: _("New comment on your plan “%(plan)s”"),
    NotificationKind.CO_INITIATOR_INVITED: _("%(inviter)s invites you to join the plan “%(plan)s”"),
    NotificationKind.CO_INITIATOR_ANSWERED: _("%(person)s answered your invitation for “%(plan)s”"),
    NotificationKind.COMMENT_HIDDEN: _("A comment on “%(plan)s” was hidden by a moderator"),
    NotificationKind.SHORTLISTED: _("Your plan “%(plan)s” is on the shortlist"),
    NotificationKind.RESULT: _("The result is in for your plan “%(plan)s”"),
    NotificationKind.PANEL_PRESENTATION: _("The citizens' panel invites you to present “%(plan)s”"),
    NotificationKind.PROJECT_OPENED: _("“%(plan)s” is now a project: agree the plan of work"),
    NotificationKind.AGREEMENT_PROPOSED: _("The agreement for “%(plan)s” waits for your confirmation"),
    NotificationKind.AGREEMENT_IN_FORCE: _("The agreement for “%(plan)s” is in force"),
    NotificationKind.AGREEMENT_DECLINED: _("Your proposal for the agreement for “%(plan)s” was declined"),
    NotificationKind.PROJECT_UPDATE: _("News from “%(plan)s”"),
    NotificationKind.MILESTONE_REACHED: _("“%(plan)s” reached a milestone"),
    NotificationKind.PROJECT_STATUS: _("“%(plan)s” is now: %(status)s"),
    NotificationKind.PROJECT_COMPLETED: _("“%(plan)s” is completed"),
    NotificationKind.UPDATE_HIDDEN: _("An update on “%(plan)s” was hidden by a moderator"),
    NotificationKind.HELP_ASKED: _("A question from the project “%(plan)s”"),
    NotificationKind.HELP_ANSWERED: _("The district answered your question about “%(plan)s”"),
    NotificationKind.REPORT_SUBMITTED: _("The final report of “%(plan)s” waits for you"),
    NotificationKind.REPORT_RETURNED: _("The district has questions about the final report of “%(plan)s”"),
    NotificationKind.MILESTONE_OVERDUE: _("Milestone overdue in “%(plan)s”"),
    NotificationKind.UPDATE_DUE: _("How is “%(plan)s” going?"),
    NotificationKind.SURVEY_INVITATION: _("A few questions from %(edition)s: “%(survey)s”"),
    NotificationKind.IDEA_JOIN_ASKED: _("%(person)s would like to join your idea “%(idea)s”"),
    NotificationKind.IDEA_JOIN_ANSWERED: _("Your request to join “%(idea)s” was answered"),
    NotificationKind.IDEA_COMMENT: _("New comment on your idea “%(idea)s”"),
    NotificationKind.COACH_ASSIGNED: _("A coach helps you with “%(title)s”"),
    NotificationKind.COACHING_NOTE: _("New in the coaching log of “%(title)s”"),
    NotificationKind.PRECHECK_ASKED: _("A pre-check is asked for “%(plan)s”"),
    NotificationKind.PRECHECK_ANSWERED: _("The district looked at your draft “%(plan)s”"),
    NotificationKind.WORKSHOP_REMINDER: _("Reminder: “%(workshop)s” on %(starts_at)s"),
}

BODIES: dict[str, Promise] = {
    NotificationKind.STATUS_CHANGED: _(
        "The status of your plan “%(plan)s” changed from %(old)s to %(status)s."
    ),
    NotificationKind.VERDICT: _("Verdict: %(verdict)s. %(explanation)s"),
    NotificationKind.CHANGES_REQUESTED: _(
        "The reviewer asks you to change your plan “%(plan)s” before %(deadline)s: %(message)s"
    ),
    NotificationKind.COMMENT: _("%(author)s wrote: “%(excerpt)s”"),
    NotificationKind.CO_INITIATOR_INVITED: _(
        "%(inviter)s would like you to be a co-initiator of “%(plan)s”. Follow the link to accept or decline."
    ),
    NotificationKind.CO_INITIATOR_ANSWERED: _("%(person)s %(answer)s your invitation for “%(plan)s”."),
    NotificationKind.COMMENT_HIDDEN: _("A comment was hidden. Reason: %(reason)s"),
    NotificationKind.SHORTLISTED: _("The committee put “%(plan)s” on the shortlist: %(reason)s"),
    NotificationKind.RESULT: _("%(outcome)s The results page explains why, plan by plan."),
    NotificationKind.PANEL_PRESENTATION: _(
        "The citizens' panel would like to hear about your plan “%(plan)s” at its session “%(session)s” "
        "on %(starts_at)s, at %(place)s. The facilitator will contact you about the details."
    ),
    NotificationKind.PROJECT_OPENED: _(
        "Your plan “%(plan)s” was chosen and is now a project. Agree the milestones and the payments with "
        "the district first; then post updates as you go."
    ),
    NotificationKind.AGREEMENT_PROPOSED: _(
        "Version %(version)s of the agreement for “%(plan)s” was proposed. Read it and confirm it."
    ),
    NotificationKind.AGREEMENT_IN_FORCE: _(
        "Both sides confirmed version %(version)s of the agreement for “%(plan)s”: it is in force."
    ),
    NotificationKind.AGREEMENT_DECLINED: _(
        "Version %(version)s of the agreement for “%(plan)s” was declined. The reason: “%(excerpt)s”"
    ),
    NotificationKind.PROJECT_UPDATE: _("%(author)s wrote: “%(excerpt)s”"),
    NotificationKind.MILESTONE_REACHED: _("“%(plan)s” reached the milestone “%(milestone)s”."),
    NotificationKind.PROJECT_STATUS: _(
        "The project “%(plan)s” changed from %(old)s to %(status)s. %(reason)s"
    ),
    NotificationKind.PROJECT_COMPLETED: _(
        "The district accepted the final report of “%(plan)s”: the project is completed."
    ),
    NotificationKind.UPDATE_HIDDEN: _("An update was hidden. Reason: %(reason)s"),
    NotificationKind.HELP_ASKED: _("%(author)s asks: “%(excerpt)s”"),
    NotificationKind.HELP_ANSWERED: _("The answer: “%(excerpt)s”"),
    NotificationKind.REPORT_SUBMITTED: _(
        "The initiators of “%(plan)s” submitted their final report: check it."
    ),
    NotificationKind.REPORT_RETURNED: _("The district's note: “%(note)s”"),
    NotificationKind.MILESTONE_OVERDUE: _(
        "The milestone “%(milestone)s” was planned for %(planned_on)s. Post an update when it is reached, "
        "or propose a new date in the agreement."
    ),
    NotificationKind.UPDATE_DUE: _(
        "There has been no news about “%(plan)s” since %(since)s. Post a short update: your followers "
        "would like to know how it is going."
    ),
    NotificationKind.SURVEY_INVITATION: _(
        "%(edition)s would like to know how it went. Answering “%(survey)s” takes a few minutes; "
        "your answers are not linked to your name."
    ),
    NotificationKind.IDEA_JOIN_ASKED: _(
        "%(person)s offers: “%(excerpt)s”. Accept or decline on the page of your idea."
    ),
    NotificationKind.IDEA_JOIN_ANSWERED: _("The initiator %(answer)s your request to join “%(idea)s”."),
    NotificationKind.IDEA_COMMENT: _("%(author)s wrote: “%(excerpt)s”"),
    NotificationKind.COACH_ASSIGNED: _(
        "%(coach)s is your coach for “%(title)s”. Write in the shared log when you would like to meet."
    ),
    NotificationKind.COACHING_NOTE: _("%(author)s wrote: “%(excerpt)s”"),
    NotificationKind.PRECHECK_ASKED: _(
        "%(person)s asks the district to look at the draft “%(plan)s” before submitting it. "
        "Please answer before %(deadline)s."
    ),
    NotificationKind.PRECHECK_ANSWERED: _(
        "The advice: “%(excerpt)s”. This is not a verdict: the review comes after you submit your plan."
    ),
    NotificationKind.WORKSHOP_REMINDER: _(
        "You signed up for the plan workshop “%(workshop)s” on %(starts_at)s at %(place)s. "
        "Can you not come? Then cancel your place, so that someone else can come."
    ),
}


# Parameters that hold a label (a status, a verdict): stored as the English source text by
# ``source_text`` and translated when the notification is shown or mailed, in the reader's language.
TRANSLATED_PARAMS = frozenset({"old", "status", "verdict", "answer", "outcome"})


# Parameters that hold a moment: stored as ISO 8601 and written out in the reader's language and
# the site's time zone when shown (a mail in English says "12 November", in Dutch "12 november").
MOMENT_PARAMS = frozenset({"deadline", "starts_at"})
# Parameters that hold a day (ISO 8601 date), written out the same way without a time.
DATE_PARAMS = frozenset({"planned_on", "since"})


def moment_param(moment: datetime) -> str:
    """How a moment is stored in ``params``."""
    return moment.isoformat()


def _moment_text(value: str) -> str:
    moment = parse_datetime(value)
    if moment is None:  # not a stored moment (older rows held the text itself)
        return value
    return formats.date_format(timezone.localtime(moment), "j F Y H:i")


def _date_text(value: str) -> str:
    day = parse_date(value)
    return value if day is None else formats.date_format(day, "j F Y")


def source_text(label: Promise | str) -> str:
    """The untranslated (English) text of a lazy label, for storing in ``params``."""
    with translation.override("en"):
        return str(label)


class _Defaulting(dict[str, Any]):
    """Missing parameters render as an empty string rather than crash a page or a mail."""

    def __missing__(self, key: str) -> str:
        return ""


def _localised_value(key: str, value: Any) -> Any:
    if not value or not isinstance(value, str):
        return value
    if key in TRANSLATED_PARAMS:
        return gettext(value)
    if key in MOMENT_PARAMS:
        return _moment_text(value)
    if key in DATE_PARAMS:
        return _date_text(value)
    return value


def _localised(params: Mapping[str, Any]) -> _Defaulting:
    return _Defaulting({key: _localised_value(key, value) for key, value in params.items()})


def subject_for(kind: str, params: Mapping[str, Any]) -> str:
    return str(SUBJECTS[kind]) % _localised(params)


def body_for(kind: str, params: Mapping[str, Any]) -> str:
    return str(BODIES[kind]) % _localised(params)


def localised_url(url: str, language: str) -> str:
    """``url``, a path on this site stored in whatever language its sender browsed in, in ``language``."""
    path = urlsplit(url).path
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                resolve(path)
            except Resolver404:
                continue
            return translate_url(url, language)
    return url
