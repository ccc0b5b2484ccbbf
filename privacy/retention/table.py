"""What personal data Buurtbudget keeps, why, on what legal basis and for how long: the ONE table.

The privacy statement (/privacy/) renders from it, and the purge (``privacy.retention.purge``,
``manage.py purge_personal_data``) enforces it: each kind names the models that hold it, the event
its period counts from and the period in days; where an edition sets the period itself,
``edition_field`` names the edition's field and ``days`` is its default. Which columns of those
models are personal, and what the purge leaves of them, is in ``holdings.py``; a test fails when a
model that holds personal data is in no kind here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Basis(models.TextChoices):
    PUBLIC_TASK = "public_task", _("a task in the public interest (GDPR article 6(1)(e))")
    CONSENT = "consent", _("your consent (GDPR article 6(1)(a)); you can withdraw it")
    LEGAL_OBLIGATION = "legal_obligation", _("a legal obligation (GDPR article 6(1)(c))")


class Start(models.TextChoices):
    """The moment a retention period counts from."""

    LAST_LOGIN = "last_login", _("after you last logged in")
    CREATED = "created", _("after it was made")
    LAST_CHANGE = "last_change", _("after the last change")
    EDITION_END = "edition_end", _("after the edition ends")
    RESULT_PUBLISHED = "result_published", _("after the result is published")
    PROJECT_CLOSED = "project_closed", _("after the project is completed or stopped")
    SENT = "sent", _("after it was sent")


class Group(models.TextChoices):
    RESIDENTS = "residents", _("Everyone with an account")
    INITIATORS = "initiators", _("Initiators")
    VOTERS = "voters", _("Voters")
    PANEL = "panel", _("Panel members and people who sign up for the panel")
    RESPONDENTS = "respondents", _("People who answer a survey")
    STAFF = "staff", _("Staff of the district")


@dataclass(frozen=True)
class Retention:
    key: str
    group: Group
    data: Promise  # what is stored, in plain words
    purpose: Promise
    basis: Basis
    days: int | None  # None: kept until ``start`` happens, then removed
    start: Start
    period: Promise  # the period as the statement says it
    models: tuple[str, ...]  # the model labels that hold this data
    edition_field: str = ""  # the edition's field that sets ``days`` per edition (``days`` is its default)


YEAR = 365

RETENTION: tuple[Retention, ...] = (
    Retention(
        key="account",
        group=Group.RESIDENTS,
        data=_(
            "Your e-mail address, your public name, your password (scrambled), your language and your "
            "e-mail settings."
        ),
        purpose=_(
            "To log you in, to show your public name with your plans and comments, and to send you messages."
        ),
        basis=Basis.PUBLIC_TASK,
        days=2 * YEAR,
        start=Start.LAST_LOGIN,
        period=_(
            "Until you delete your account, or 2 years after you last logged in (not while you carry out a "
            "project that is not finished)."
        ),
        models=("accounts.user", "accounts.user_groups", "accounts.user_user_permissions"),
    ),
    Retention(
        key="plans",
        group=Group.INITIATORS,
        data=_(
            "Your plans: texts, costs, photos, earlier versions, the place, and the public name you chose."
        ),
        purpose=_("To show, check and choose plans, and to keep a public record of the edition."),
        basis=Basis.PUBLIC_TASK,
        days=10 * YEAR,
        start=Start.EDITION_END,
        period=_(
            "10 years after the edition ends. If you delete your account, the plan stays under your public "
            "name or without a name: you choose."
        ),
        models=("proposals.plan", "proposals.planrevision", "proposals.costline", "proposals.planimage"),
    ),
    Retention(
        key="ideas",
        group=Group.INITIATORS,
        data=_(
            "Your ideas (the text, the neighbourhood, the help you need, your public name), who joins them "
            "and what they offer, and the plan workshops you sign up for and whether you came."
        ),
        purpose=_("To show ideas, to find people for them, and to plan the workshops."),
        basis=Basis.PUBLIC_TASK,
        days=2 * YEAR,
        start=Start.EDITION_END,
        period=_("2 years after the edition ends. An idea that became a plan: as long as the plan."),
        models=(
            "development.idea",
            "development.ideamember",
            "development.workshop",
            "development.workshopsignup",
        ),
    ),
    Retention(
        key="coaching",
        group=Group.INITIATORS,
        data=_(
            "Who coaches your idea or plan, the log you and your coach keep (appointments, advice, notes), "
            "the steps the coach marked, the partner organisations and their coaches, and your requests "
            "for a first check with the district's answers."
        ),
        purpose=_("To help you make a good plan, and to learn which help works."),
        basis=Basis.PUBLIC_TASK,
        days=2 * YEAR,
        start=Start.EDITION_END,
        period=_("2 years after the edition ends."),
        models=(
            "development.partner",
            "development.partnercoach",
            "development.coaching",
            "development.coachingnote",
            "development.coachingstep",
            "review.precheck",
        ),
    ),
    Retention(
        key="co_initiators",
        group=Group.INITIATORS,
        data=_("The e-mail address of someone who is invited to help with a plan."),
        purpose=_("To send the invitation and to show who works on the plan."),
        basis=Basis.PUBLIC_TASK,
        days=30,
        start=Start.CREATED,
        period=_("An invitation nobody answers: 30 days. Someone who joins: as long as the plan."),
        models=("proposals.coinitiator",),
    ),
    Retention(
        key="likes",
        group=Group.RESIDENTS,
        data=_("Which plans and ideas you support."),
        purpose=_("To count the support a plan needs to go on to the check."),
        basis=Basis.PUBLIC_TASK,
        days=YEAR,
        start=Start.EDITION_END,
        period=_("1 year after the edition ends, or until you delete your account."),
        models=("proposals.like", "development.ideasupport"),
    ),
    Retention(
        key="comments",
        group=Group.RESIDENTS,
        data=_("Your comments on plans and ideas, and reports about comments."),
        purpose=_("For the conversation about plans, and to remove comments that break the rules."),
        basis=Basis.PUBLIC_TASK,
        days=2 * YEAR,
        start=Start.EDITION_END,
        period=_("2 years after the edition ends. If you delete your account, your comments are deleted."),
        models=("proposals.comment", "proposals.commentreport", "development.ideacomment"),
    ),
    Retention(
        key="notifications",
        group=Group.RESIDENTS,
        data=_("Messages to you on this site and by e-mail, and what you follow."),
        purpose=_("To tell you about your plans and the projects you follow."),
        basis=Basis.PUBLIC_TASK,
        days=YEAR,
        start=Start.CREATED,
        period=_("1 year after the message. What you follow: until you stop following it."),
        models=("notifications.notification", "execution.follow"),
    ),
    Retention(
        key="sessions",
        group=Group.RESIDENTS,
        data=_("That you are logged in: a cookie in your browser and its record on our server."),
        purpose=_("To keep you logged in while you use the site."),
        basis=Basis.PUBLIC_TASK,
        days=14,
        start=Start.LAST_CHANGE,
        period=_("Until you log out, at most 2 weeks after your last visit."),
        models=("sessions.session",),
    ),
    Retention(
        key="mail_queue",
        group=Group.RESIDENTS,
        data=_(
            "E-mails to you while they wait to be sent (sealed, so the queue alone cannot be read), and "
            "the record that they were sent."
        ),
        purpose=_("To send you e-mails, and to try again when sending fails."),
        basis=Basis.PUBLIC_TASK,
        days=7,
        start=Start.SENT,
        period=_("7 days after the e-mail was sent."),
        models=("django_tasks_database.dbtaskresult",),
    ),
    Retention(
        key="voters",
        group=Group.VOTERS,
        data=_(
            "The list of addresses that get a voting letter (from the municipal register: address, "
            "postcode, neighbourhood, number of voters) and per voter a scrambled voting code and whether "
            "they voted online or on paper."
        ),
        purpose=_(
            "So that every resident votes only once, and to count how many people voted per neighbourhood."
        ),
        basis=Basis.PUBLIC_TASK,
        days=180,
        start=Start.RESULT_PUBLISHED,
        period=_(
            "Until the result is published and the time to object has passed: 6 months, unless the edition "
            "sets another period. After that only the numbers per neighbourhood stay. A code sent by e-mail "
            "is deleted a day after it expires."
        ),
        models=("outreach.address", "voting.voter", "voting.emailchallenge", "voting.letterbatch"),
        edition_field="voter_data_days",
    ),
    Retention(
        key="ballots",
        group=Group.VOTERS,
        data=_("Your ballot, sealed. It is never stored with your name, address or code."),
        purpose=_("To count the votes."),
        basis=Basis.PUBLIC_TASK,
        days=0,
        start=Start.RESULT_PUBLISHED,
        period=_(
            "The sealed ballots are destroyed when the result is published (without a result: when the list "
            "of voters goes). The ballots without any link to a person are published, so anyone can count "
            "again."
        ),
        models=("voting.ballot", "voting.paperentry", "voting.idempotentcast"),
    ),
    Retention(
        key="panel",
        group=Group.PANEL,
        data=_(
            "Your name, e-mail address, phone number, year of birth, the features you gave (for example "
            "your neighbourhood) and whether you came to the sessions."
        ),
        purpose=_("To draw a panel that looks like the neighbourhood, and to contact the members."),
        basis=Basis.CONSENT,
        days=0,
        start=Start.EDITION_END,
        period=_(
            "Your contact details are erased when the edition ends, unless the edition sets a later day. The "
            "draw without names stays public, so anyone can check it."
        ),
        models=(
            "deliberation.respondent",
            "deliberation.invitation",
            "deliberation.panelmember",
            "deliberation.attendance",
            "deliberation.ballotcard",
        ),
        edition_field="panel_contact_days",
    ),
    Retention(
        key="projects",
        group=Group.INITIATORS,
        data=_(
            "For a chosen plan: the agreements, updates and photos, what was spent with the receipts, "
            "payments and the final report."
        ),
        purpose=_("To carry out the plan and to account for the public money."),
        basis=Basis.LEGAL_OBLIGATION,
        days=7 * YEAR,
        start=Start.PROJECT_CLOSED,
        period=_("7 years after the project is completed or stopped, as the law asks for financial records."),
        models=(
            "execution.project",
            "execution.projectowner",
            "execution.update",
            "execution.updatephoto",
            "execution.expense",
            "execution.payment",
            "execution.agreement",
            "execution.finalreport",
            "execution.finalreportphoto",
            "execution.blocker",
            "execution.helprequest",
        ),
    ),
    Retention(
        key="survey_answers",
        group=Group.RESPONDENTS,
        data=_(
            "Your answers to a survey, also what you write yourself. They are not linked to you: no name, "
            "no account, no time of day."
        ),
        purpose=_("To learn what works, so the next edition gets better."),
        basis=Basis.PUBLIC_TASK,
        days=5 * YEAR,
        start=Start.EDITION_END,
        period=_("5 years after the edition ends. Please do not write names in your answers."),
        models=("evaluation.response",),
    ),
    Retention(
        key="survey_tickets",
        group=Group.RESPONDENTS,
        data=_("A scrambled mark that you answered a survey or were invited, without your answers."),
        purpose=_("So that everyone answers a survey once and gets one invitation."),
        basis=Basis.PUBLIC_TASK,
        days=YEAR,
        start=Start.EDITION_END,
        period=_("1 year after the edition ends."),
        models=("evaluation.surveyticket", "evaluation.surveyinvitation"),
    ),
    Retention(
        key="audit",
        group=Group.STAFF,
        data=_(
            "What staff did on this site, with the number of the account that did it (no name, no e-mail "
            "address)."
        ),
        purpose=_("So that every decision about plans, votes and money can be checked."),
        basis=Basis.LEGAL_OBLIGATION,
        days=7 * YEAR,
        start=Start.CREATED,
        period=_("7 years."),
        models=("audit.auditentry", "accounts.staffrole"),
    ),
    Retention(
        key="admin_history",
        group=Group.STAFF,
        data=_("The admin's list of recent changes: what was changed, by which account, and its name."),
        purpose=_("So that staff see the latest changes to a record."),
        basis=Basis.PUBLIC_TASK,
        days=YEAR,
        start=Start.CREATED,
        period=_("1 year. The audit log keeps the change, without names."),
        models=("admin.logentry",),
    ),
    Retention(
        key="staff_records",
        group=Group.STAFF,
        data=_(
            "The decisions staff record (checks of plans, the count, the panel's work, payments), with the "
            "account that recorded them."
        ),
        purpose=_("So that everyone can see who decided what, and why."),
        basis=Basis.LEGAL_OBLIGATION,
        days=10 * YEAR,
        start=Start.EDITION_END,
        period=_("10 years after the edition ends, with the edition's record."),
        models=(
            "review.review",
            "review.review_reviewers",
            "review.changerequest",
            "review.verdictpublication",
            "review.shortlistentry",
            "review.shortlistpublication",
            "voting.ballotbox",
            "voting.voteclosure",
            "deliberation.draw",
            "deliberation.worksession",
            "deliberation.presentation",
            "deliberation.panelquestion",
            "deliberation.panelvote",
            "deliberation.paneldecision",
            "execution.ledgerdecision",
            "execution.statuschange",
            "evaluation.processcost",
            "evaluation.lesson",
            "evaluation.populationimport",
            "outcomes.count",
        ),
    ),
)


def retention_of(key: str) -> Retention:
    return next(entry for entry in RETENTION if entry.key == key)
