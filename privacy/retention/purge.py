"""The purge: per kind of the retention table, remove what its period has passed for.

One service per kind (``PURGES``), each taking the moment ``at`` (default now) and ``dry_run`` (count
only), each returning the rows it deleted or emptied per model. Every purge selects only what is still
there to remove, so running it twice removes nothing the second time; it works in bounded batches
(``batches.py``). ``purge_personal_data`` runs them all and records one audit entry per kind that
removed something: the kind, the moment and the numbers, never what was removed.

What "remove" means per kind is what the privacy statement promises: rows that only exist for the
person go (likes, comments, messages, sessions); rows others rely on are emptied of the personal
columns (``holdings.py``) and stay (a voter's turnout record, a published plan, a panel member in the
published draw).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import CharField, Q, QuerySet, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import timezone, translation
from django.utils.translation import pgettext
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from accounts.models import StaffRole, User
from audit.services import record
from deliberation.management.commands.delete_panel_data import erase_panel_data
from deliberation.models import BallotCard, Respondent
from development.models import (
    Coaching,
    CoachingNote,
    CoachingStep,
    Idea,
    IdeaComment,
    IdeaMember,
    IdeaSupport,
    WorkshopSignUp,
)
from editions.models import Edition
from evaluation.models import Response, SurveyInvitation, SurveyTicket
from execution.models import Expense, FinalReportPhoto, Project, ProjectOwner, UpdatePhoto
from notifications.models import Notification
from outreach.models import Address
from proposals.models import (
    CoInitiator,
    CoInitiatorStatus,
    Comment,
    CommentReport,
    Like,
    Plan,
    PlanImage,
    PlanRevision,
)
from review.models import PreCheck
from voting.models import Ballot, EmailChallenge, IdempotentCast, LetterBatch, PaperEntry, Voter
from voting.services.ballot_box import destroy_sealed_ballots
from voting.services.letters import batch_path

from ..services.deletion import UNFINISHED, anonymous_resident, remove_account, remove_activity, settle_plans
from . import clocks
from .batches import delete_rows, empty_rows
from .table import RETENTION, retention_of

Rows = dict[str, int]  # model label -> rows deleted or emptied

# The account that records the purge in the audit log: no person, never logs in, never purged.
PURGE_ACCOUNT_EMAIL = "retention-purge@system.invalid"
# What an emptied account's e-mail address becomes (``privacy.services.deletion`` makes the same).
DELETED_DOMAIN = "@deleted.invalid"
# What an emptied column that must stay unique holds (a voter's code hash, an address): "purged:<id>".
PURGED_MARK = "purged:"
# A one-time code by e-mail stays this long after it expired (a resident asking "why did it fail?").
EXPIRED_CODE_GRACE = timedelta(days=1)


def _days(key: str) -> int:
    days = retention_of(key).days
    assert days is not None, key
    return days


def _edition_days(key: str) -> Callable[[Edition], int]:
    """The edition's own period for ``key`` (its field named in the table), e.g. ``voter_data_days``."""
    name = retention_of(key).edition_field

    def days(edition: Edition) -> int:
        return int(getattr(edition, name))

    return days


def _purged_mark() -> Concat:
    """ "purged:<the row's id>": unique per row, as the tables' constraints require, and meaning nothing."""
    return Concat(Value(PURGED_MARK), Cast("pk", CharField()))


def _anonymous_staff() -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return pgettext("anonymous staff member", "A staff member")


def purge_account() -> User:
    """The account the audit log names for the purge (made once; inactive, without a password)."""
    user, created = User.objects.get_or_create(
        email=PURGE_ACCOUNT_EMAIL, defaults={"display_name": "Retention purge", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


# --- one service per kind -------------------------------------------------------------------------


def purge_accounts(*, at: datetime, dry_run: bool = False) -> Rows:
    """Accounts not used for the period (counted from the last login, or from joining): a resident's
    account goes as if they deleted it (their plans keep the public name); a staff account is emptied
    and its records stay. A resident who carries out an unfinished project keeps the account."""
    cutoff = at - timedelta(days=_days("account"))
    due = (
        User.objects.annotate(used=Coalesce("last_login", "date_joined"))
        .filter(used__lt=cutoff)
        .exclude(email__endswith=DELETED_DOMAIN)
        .exclude(email=PURGE_ACCOUNT_EMAIL)
        .exclude(owned_projects__project__status__in=UNFINISHED)
    )
    if dry_run:
        return {"accounts.user": due.count()}
    emptied = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            user = User.objects.select_for_update().filter(pk=pk).first()
            if user is None:
                continue
            if user.is_staff or user.is_superuser or StaffRole.objects.filter(user=user).exists():
                _empty_staff_account(user)
            else:
                remove_activity(user)
                settle_plans(user, public_name=None)
                remove_account(user, public_name=anonymous_resident())
            emptied += 1
    return {"accounts.user": emptied}


def _empty_staff_account(user: User) -> None:
    user.email = f"deleted-{user.pk}{DELETED_DOMAIN}"
    user.display_name = _anonymous_staff()
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.email_notifications = False
    user.last_login = None
    user.save()


def purge_plans(*, at: datetime, dry_run: bool = False) -> Rows:
    """Plans of editions ended longer ago than the period: the public name goes (the plan stays in the
    edition's record as "a resident"), and so do earlier versions, photos and co-initiators."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=_days("plans"))
    anonymous = anonymous_resident()
    plans = Plan.objects.filter(edition__in=editions)
    return {
        "proposals.plan": empty_rows(
            plans.exclude(public_name=anonymous), {"public_name": anonymous}, dry_run=dry_run
        ),
        "development.idea": empty_rows(
            Idea.objects.filter(plan__in=plans).exclude(public_name=anonymous),
            {"public_name": anonymous},
            dry_run=dry_run,
        ),
        "proposals.planrevision": delete_rows(PlanRevision.objects.filter(plan__in=plans), dry_run=dry_run),
        "proposals.planimage": delete_rows(
            PlanImage.objects.filter(plan__in=plans), dry_run=dry_run, files=("image",)
        ),
        "proposals.coinitiator": delete_rows(CoInitiator.objects.filter(plan__in=plans), dry_run=dry_run),
    }


def purge_ideas(*, at: datetime, dry_run: bool = False) -> Rows:
    """Ideas of editions ended longer ago than the period, who joined them and the workshop sign-ups;
    an idea that became a plan stays as long as the plan (``purge_plans``)."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=_days("ideas"))
    return {
        "development.ideamember": delete_rows(
            IdeaMember.objects.filter(idea__edition__in=editions), dry_run=dry_run
        ),
        "development.workshopsignup": delete_rows(
            WorkshopSignUp.objects.filter(workshop__edition__in=editions), dry_run=dry_run
        ),
        "development.idea": delete_rows(
            Idea.objects.filter(edition__in=editions, plan__isnull=True), dry_run=dry_run
        ),
    }


def purge_coaching(*, at: datetime, dry_run: bool = False) -> Rows:
    """The coaching of ideas and plans of editions ended longer ago than the period, and pre-checks."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=_days("coaching"))
    of_edition = Q(idea__edition__in=editions) | Q(plan__edition__in=editions)
    coachings = Coaching.objects.filter(of_edition)
    return {
        "development.coachingnote": delete_rows(
            CoachingNote.objects.filter(coaching__in=coachings), dry_run=dry_run
        ),
        "development.coachingstep": delete_rows(
            CoachingStep.objects.filter(coaching__in=coachings), dry_run=dry_run
        ),
        "development.coaching": delete_rows(coachings, dry_run=dry_run),
        "review.precheck": delete_rows(PreCheck.objects.filter(plan__edition__in=editions), dry_run=dry_run),
    }


def purge_co_initiators(*, at: datetime, dry_run: bool = False) -> Rows:
    """Invitations to help with a plan that nobody answered within the period."""
    cutoff = at - timedelta(days=_days("co_initiators"))
    unanswered = CoInitiator.objects.filter(status=CoInitiatorStatus.INVITED, invited_at__lt=cutoff)
    return {"proposals.coinitiator": delete_rows(unanswered, dry_run=dry_run)}


def purge_likes(*, at: datetime, dry_run: bool = False) -> Rows:
    """Likes of plans and support for ideas, of editions ended longer ago than the period."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=_days("likes"))
    return {
        "proposals.like": delete_rows(Like.objects.filter(plan__edition__in=editions), dry_run=dry_run),
        "development.ideasupport": delete_rows(
            IdeaSupport.objects.filter(idea__edition__in=editions), dry_run=dry_run
        ),
    }


def purge_comments(*, at: datetime, dry_run: bool = False) -> Rows:
    """Comments on plans and ideas, and reports about comments, of editions ended longer ago."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=_days("comments"))
    return {
        "proposals.commentreport": delete_rows(
            CommentReport.objects.filter(comment__plan__edition__in=editions), dry_run=dry_run
        ),
        # Replies first: a reply deleted with its parent would be deleted without being counted.
        "proposals.comment": delete_rows(
            Comment.objects.filter(plan__edition__in=editions, parent__isnull=False), dry_run=dry_run
        )
        + delete_rows(Comment.objects.filter(plan__edition__in=editions), dry_run=dry_run),
        "development.ideacomment": delete_rows(
            IdeaComment.objects.filter(idea__edition__in=editions), dry_run=dry_run
        ),
    }


def purge_notifications(*, at: datetime, dry_run: bool = False) -> Rows:
    """Messages older than the period (on the site; their e-mails are in ``purge_mail_queue``).
    What someone follows stays until they stop following it, or their account goes."""
    cutoff = at - timedelta(days=_days("notifications"))
    return {
        "notifications.notification": delete_rows(
            Notification.objects.filter(created_at__lt=cutoff), dry_run=dry_run
        )
    }


def purge_sessions(*, at: datetime, dry_run: bool = False) -> Rows:
    """Expired sessions (what ``manage.py clearsessions`` does, in batches, at ``at``)."""
    return {"sessions.session": delete_rows(Session.objects.filter(expire_date__lt=at), dry_run=dry_run)}


def purge_mail_queue(*, at: datetime, dry_run: bool = False) -> Rows:
    """Finished rows of the task queue (sent e-mails, done counts and letters) older than the period.
    Rows waiting or running stay: they are still to be sent."""
    cutoff = at - timedelta(days=_days("mail_queue"))
    finished = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED], finished_at__lt=cutoff
    )
    return {"django_tasks_database.dbtaskresult": delete_rows(finished, dry_run=dry_run)}


def purge_voters(*, at: datetime, dry_run: bool = False) -> Rows:
    """After the result and the edition's appeal period (``voter_data_days``): the register's
    addresses are emptied (their neighbourhood and number of eligible residents stay: the turnout's
    denominator), every voter record is emptied of its code and e-mail hash (its neighbourhood and
    channel stay for the turnout figures), the one-time codes go and a letters file left is deleted.
    Expired one-time codes go a day after they expire, whatever the edition."""
    editions = clocks.editions_past(clocks.result_or_end(), at=at, days=_edition_days("voters"))
    voters = Voter.objects.filter(edition__in=editions).exclude(credential_hash__startswith=PURGED_MARK)
    hashes = {
        "credential_hash": _purged_mark(),
        "email_hash": "",
        "address": None,
    }
    expired = Q(expires_at__lt=at - EXPIRED_CODE_GRACE) | Q(voter__edition__in=editions)
    letters = LetterBatch.objects.filter(edition__in=editions, destroyed_at__isnull=True)
    letters = letters.exclude(file_name="")
    return {
        "voting.emailchallenge": delete_rows(EmailChallenge.objects.filter(expired), dry_run=dry_run),
        "voting.voter": empty_rows(voters, hashes, dry_run=dry_run),
        "outreach.address": empty_rows(
            Address.objects.filter(edition__in=editions).exclude(postcode=""),
            {"street_address": _purged_mark(), "postcode": ""},
            dry_run=dry_run,
        ),
        "voting.letterbatch": _destroy_letters(letters, at=at, dry_run=dry_run),
    }


def _destroy_letters(letters: QuerySet[LetterBatch], *, at: datetime, dry_run: bool) -> int:
    """Delete the letters files (the only copies of plain codes) that were never destroyed by hand."""
    if dry_run:
        return letters.count()
    destroyed = 0
    for batch in list(letters):
        with transaction.atomic():
            if LetterBatch.objects.filter(pk=batch.pk, destroyed_at__isnull=True).update(destroyed_at=at):
                transaction.on_commit(partial(batch_path(batch).unlink, missing_ok=True))
                destroyed += 1
    return destroyed


def purge_ballots(*, at: datetime, dry_run: bool = False) -> Rows:
    """Sealed ballots of editions whose result is published (publishing destroys them; this catches
    any left), and the sealed readings of paper ballots (their content hash stays for the audit).

    An edition without a published result keeps its ballots as long as its voter register: until its
    appeal period has passed after its end. A count that is late must still find its ballots; a vote
    that was called off does not keep them for ever.
    """
    published = clocks.results_published()
    unpublished = {pk: end for pk, end in clocks.edition_ends().items() if pk not in published}
    editions = clocks.editions_past(published, at=at, days=_days("ballots")) + clocks.editions_past(
        unpublished, at=at, days=_edition_days("voters")
    )
    sealed = Ballot.objects.filter(edition__in=editions)
    answers = IdempotentCast.objects.filter(edition__in=editions)  # retried casts' answers go with them
    answered = answers.count()
    readings = PaperEntry.objects.filter(edition__in=editions).filter(
        Q(first_content__isnull=False) | Q(second_content__isnull=False) | ~Q(pending_slot="")
    )
    if dry_run:
        destroyed = sealed.count()
    else:
        destroyed = 0
        holding = Q(pk__in=sealed.values("edition_id")) | Q(pk__in=answers.values("edition_id"))
        for edition in Edition.objects.filter(holding):
            with transaction.atomic():
                destroyed += destroy_sealed_ballots(edition=edition, at=at)
    return {
        "voting.ballot": destroyed,
        "voting.idempotentcast": answered,
        "voting.paperentry": empty_rows(
            readings, {"first_content": None, "second_content": None, "pending_slot": ""}, dry_run=dry_run
        ),
    }


def purge_panel(*, at: datetime, dry_run: bool = False) -> Rows:
    """The panel's contact details and its voting cards' codes, after the edition ends and the
    edition's own period (``panel_contact_days``); the anonymised pool and the draw stay."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=_edition_days("panel"))
    cards = BallotCard.objects.filter(vote__edition__in=editions).exclude(code_hash__startswith=PURGED_MARK)
    if dry_run:
        respondents = Respondent.objects.filter(edition__in=editions, erased_at__isnull=True).count()
    else:
        respondents = 0
        for edition in Edition.objects.filter(pk__in=editions):
            respondents += erase_panel_data(edition)[0]
    codes = {"code_hash": _purged_mark()}
    return {
        "deliberation.respondent": respondents,
        "deliberation.ballotcard": empty_rows(cards, codes, dry_run=dry_run),
    }


def purge_projects(*, at: datetime, dry_run: bool = False) -> Rows:
    """Projects completed or stopped longer ago than the period: the grantee's name, who carried it
    out, photos and receipts go; the amounts and the public record of what was done stay."""
    cutoff = at - timedelta(days=_days("projects"))
    closed = Project.objects.annotate(closed=Coalesce("completed_at", "stopped_at")).filter(closed__lt=cutoff)
    return {
        "execution.project": empty_rows(closed.exclude(grantee=""), {"grantee": ""}, dry_run=dry_run),
        "execution.projectowner": delete_rows(
            ProjectOwner.objects.filter(project__in=closed), dry_run=dry_run
        ),
        "execution.updatephoto": delete_rows(
            UpdatePhoto.objects.filter(update__project__in=closed), dry_run=dry_run, files=("image",)
        ),
        "execution.finalreportphoto": delete_rows(
            FinalReportPhoto.objects.filter(report__project__in=closed), dry_run=dry_run, files=("image",)
        ),
        "execution.expense": empty_rows(
            Expense.objects.filter(project__in=closed).exclude(receipt=""),
            {"receipt": ""},
            dry_run=dry_run,
            files=("receipt",),
        ),
    }


def purge_survey_answers(*, at: datetime, dry_run: bool = False) -> Rows:
    """Survey answers of editions ended longer ago than the period."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=_days("survey_answers"))
    return {
        "evaluation.response": delete_rows(
            Response.objects.filter(survey__edition__in=editions), dry_run=dry_run
        )
    }


def purge_survey_tickets(*, at: datetime, dry_run: bool = False) -> Rows:
    """The keyed marks of who answered or was invited, of editions ended longer ago than the period."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=_days("survey_tickets"))
    return {
        "evaluation.surveyticket": delete_rows(
            SurveyTicket.objects.filter(survey__edition__in=editions), dry_run=dry_run
        ),
        "evaluation.surveyinvitation": delete_rows(
            SurveyInvitation.objects.filter(survey__edition__in=editions), dry_run=dry_run
        ),
    }


def purge_admin_history(*, at: datetime, dry_run: bool = False) -> Rows:
    """The admin's own list of changes (it names what was changed) after a year."""
    cutoff = at - timedelta(days=_days("admin_history"))
    return {"admin.logentry": delete_rows(LogEntry.objects.filter(action_time__lt=cutoff), dry_run=dry_run)}


def purge_nothing(*, at: datetime, dry_run: bool = False) -> Rows:
    """Kinds whose rows hold no personal column of their own: the audit log (account numbers only)
    and the staff's records name accounts, which ``purge_accounts`` empties; the rows stay."""
    return {}


PURGES: Mapping[str, Callable[..., Rows]] = {
    "account": purge_accounts,
    "plans": purge_plans,
    "ideas": purge_ideas,
    "coaching": purge_coaching,
    "co_initiators": purge_co_initiators,
    "likes": purge_likes,
    "comments": purge_comments,
    "notifications": purge_notifications,
    "sessions": purge_sessions,
    "mail_queue": purge_mail_queue,
    "voters": purge_voters,
    "ballots": purge_ballots,
    "panel": purge_panel,
    "projects": purge_projects,
    "survey_answers": purge_survey_answers,
    "survey_tickets": purge_survey_tickets,
    "audit": purge_nothing,
    "admin_history": purge_admin_history,
    "staff_records": purge_nothing,
}


@dataclass(frozen=True)
class Purged:
    """What one kind's purge removed (or, in a dry run, would remove)."""

    kind: str
    rows: Rows = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def purge_personal_data(
    *, at: datetime | None = None, dry_run: bool = False, kinds: tuple[str, ...] = ()
) -> list[Purged]:
    """Run every kind's purge (or those of ``kinds``) at ``at`` (default now), in the table's order.

    Each kind that removed something gets one audit entry (action ``privacy.purged``) naming the
    kind and the numbers per table; a dry run changes nothing and records nothing.
    """
    moment = at or timezone.now()
    unknown = set(kinds) - set(PURGES)
    if unknown:
        raise ValueError(f"No retention kinds {sorted(unknown)}")
    report: list[Purged] = []
    for entry in RETENTION:
        if kinds and entry.key not in kinds:
            continue
        rows = {label: n for label, n in PURGES[entry.key](at=moment, dry_run=dry_run).items() if n}
        purged = Purged(kind=entry.key, rows=rows)
        report.append(purged)
        if purged.total and not dry_run:
            actor = purge_account()
            record(
                actor=actor,
                action="privacy.purged",
                target=actor,
                edition=None,
                after={"kind": entry.key, "rows": rows, "at": moment.isoformat()},
                at=moment,
            )
    return report
