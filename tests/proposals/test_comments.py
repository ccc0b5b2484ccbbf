"""Comments and replies on a plan, reports, and moderation: the services and the thread selector."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from django.core import mail
from pytest_django import DjangoCaptureOnCommitCallbacks

from accounts.models import Role, User
from audit.models import AuditEntry
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from places.models import District
from proposals.errors import PlanError
from proposals.models import AuthorRole, CoInitiatorStatus, Comment, CommentReport, Plan, PlanStatus
from proposals.selectors.discussion import comment_thread, moderation_queue
from proposals.services.comments import (
    COMMENTS_PER_WINDOW,
    MAX_COMMENT_LENGTH,
    dismiss_reports,
    hide_comment,
    post_comment,
    report_comment,
)
from tests import factories
from tests.refusals import refused

from .discussion_helpers import add_co_initiator

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(edition: Edition) -> Plan:
    return factories.make_plan(edition=edition, title="Moestuin")


@pytest.fixture
def moderator(district: District) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=district, display_name="Moderator")


# Posting ----------------------------------------------------------------------------------------


def test_a_resident_posts_a_comment(plan: Plan, resident: User) -> None:
    comment = post_comment(plan=plan, author=resident, body="  Goed idee!  ")
    assert (comment.body, comment.author_role, comment.parent) == ("Goed idee!", AuthorRole.RESIDENT, None)


def test_the_authors_role_is_fixed_when_posting(
    plan: Plan, district: District, other_district: District
) -> None:
    co = factories.make_user()
    add_co_initiator(plan, co)
    reviewer = factories.make_staff(role=Role.REVIEWER, district=district)
    official_elsewhere = factories.make_staff(role=Role.OFFICIAL, district=other_district)
    roles = {
        who: post_comment(plan=plan, author=user, body="Hallo").author_role
        for who, user in [
            ("initiator", plan.initiator),
            ("co", co),
            ("reviewer", reviewer),
            ("elsewhere", official_elsewhere),
        ]
    }
    assert roles == {
        "initiator": AuthorRole.INITIATOR,
        "co": AuthorRole.CO_INITIATOR,
        "reviewer": AuthorRole.OFFICIAL,
        "elsewhere": AuthorRole.RESIDENT,
    }
    plan.co_initiators.update(status=CoInitiatorStatus.DECLINED)
    assert Comment.objects.get(author=co).author_role == AuthorRole.CO_INITIATOR


def test_a_reply_hangs_under_a_top_level_comment(plan: Plan, resident: User) -> None:
    top = post_comment(plan=plan, author=resident, body="Vraag")
    reply = post_comment(plan=plan, author=plan.initiator, body="Antwoord", parent=top)
    assert reply.parent == top


def test_a_reply_to_a_reply_is_refused(plan: Plan, resident: User) -> None:
    top = post_comment(plan=plan, author=resident, body="Vraag")
    reply = post_comment(plan=plan, author=plan.initiator, body="Antwoord", parent=top)
    refused(
        lambda: post_comment(plan=plan, author=resident, body="En?", parent=reply),
        "reply_to_reply",
        error=PlanError,
    )
    assert Comment.objects.count() == 2


def test_a_reply_to_a_comment_on_another_plan_is_refused(
    plan: Plan, resident: User, edition: Edition
) -> None:
    elsewhere = post_comment(plan=factories.make_plan(edition=edition), author=resident, body="Daar")
    refused(
        lambda: post_comment(plan=plan, author=resident, body="Hier", parent=elsewhere),
        "reply_not_found",
        error=PlanError,
    )


@pytest.mark.parametrize(("body", "code"), [("", "empty_comment"), ("  \n ", "empty_comment")])
def test_an_empty_comment_is_refused(plan: Plan, resident: User, body: str, code: str) -> None:
    refused(lambda: post_comment(plan=plan, author=resident, body=body), code, error=PlanError)
    assert not Comment.objects.exists()


def test_a_too_long_comment_is_refused_with_the_limit(plan: Plan, resident: User) -> None:
    too_long = "x" * (MAX_COMMENT_LENGTH + 1)
    error = refused(
        lambda: post_comment(plan=plan, author=resident, body=too_long), "comment_too_long", error=PlanError
    )
    assert str(MAX_COMMENT_LENGTH) in error.message
    post_comment(plan=plan, author=resident, body="x" * MAX_COMMENT_LENGTH)
    assert Comment.objects.count() == 1


def test_a_draft_cannot_be_commented_on(edition: Edition, resident: User) -> None:
    draft = factories.make_plan(edition=edition, status=PlanStatus.DRAFT)
    refused(lambda: post_comment(plan=draft, author=resident, body="Hoi"), "not_public", error=PlanError)


@pytest.mark.parametrize(("offset_days", "open_"), [(-20, False), (0, True), (200, False)])
def test_comments_are_open_only_while_the_edition_runs(
    plan: Plan, resident: User, freeze_time: Callable[[datetime], None], offset_days: int, open_: bool
) -> None:
    first = plan.edition.phases.order_by("starts_at").first()
    assert first is not None
    from datetime import timedelta

    freeze_time(first.starts_at + timedelta(days=offset_days, hours=1))
    if open_:
        post_comment(plan=plan, author=resident, body="Hoi")
    else:
        refused(
            lambda: post_comment(plan=plan, author=resident, body="Hoi"), "comments_closed", error=PlanError
        )
    assert Comment.objects.count() == (1 if open_ else 0)


# Notifications on comments ------------------------------------------------------------------------


def test_a_comment_notifies_the_initiators_but_not_the_author(
    plan: Plan, resident: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    co = factories.make_user(language="en")
    add_co_initiator(plan, co)
    invited = factories.make_user()
    add_co_initiator(plan, invited, status=CoInitiatorStatus.INVITED)
    with django_capture_on_commit_callbacks(execute=True):
        comment = post_comment(plan=plan, author=resident, body="Mooi plan")
        assert mail.outbox == []  # e-mail waits for the commit
    notes = Notification.objects.filter(kind=NotificationKind.COMMENT)
    assert {n.recipient_id for n in notes} == {plan.initiator_id, co.pk}
    assert all(n.url.endswith(f"#comment-{comment.pk}") for n in notes)
    assert notes.first() is not None and notes.first().params["excerpt"] == "Mooi plan"  # type: ignore[union-attr]
    assert sorted(m.to[0] for m in mail.outbox) == sorted([plan.initiator.email, co.email])
    english = next(m for m in mail.outbox if m.to == [co.email])
    assert english.subject == "New comment on your plan “Moestuin”"
    assert "/en/plannen/" in english.body


def test_the_initiators_own_comment_notifies_only_the_co_initiators(
    plan: Plan, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    co = factories.make_user()
    add_co_initiator(plan, co)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(plan=plan, author=plan.initiator, body="Update")
    assert list(Notification.objects.values_list("recipient", flat=True)) == [co.pk]
    assert [m.to for m in mail.outbox] == [[co.email]]


def test_no_mail_when_the_initiator_turned_email_off(
    edition: Edition, resident: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    plan = factories.make_plan(edition=edition, initiator=factories.make_user(email_notifications=False))
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(plan=plan, author=resident, body="Hoi")
    assert Notification.objects.filter(recipient=plan.initiator).count() == 1
    assert mail.outbox == []


# Reports -----------------------------------------------------------------------------------------


@pytest.fixture
def comment(plan: Plan) -> Comment:
    return post_comment(plan=plan, author=factories.make_user(display_name="Bram"), body="Onzin!")


def test_anyone_logged_in_reports_a_comment_once(comment: Comment, resident: User) -> None:
    report_comment(comment=comment, reporter=resident, reason="Beledigend")
    refused(
        lambda: report_comment(comment=comment, reporter=resident, reason="Nog steeds"),
        "already_reported",
        error=PlanError,
    )
    assert list(CommentReport.objects.values_list("reason", flat=True)) == ["Beledigend"]


def test_reporting_is_open_in_every_phase(
    comment: Comment, resident: User, freeze_time: Callable[[datetime], None]
) -> None:
    last = comment.plan.edition.phases.order_by("-ends_at").first()
    assert last is not None
    freeze_time(last.ends_at + factories.PHASE_LENGTH)
    report_comment(comment=comment, reporter=resident, reason="Spam")
    assert CommentReport.objects.count() == 1


@pytest.mark.parametrize(
    ("reason", "code"), [("", "reason_required"), ("   ", "reason_required"), ("x" * 301, "reason_too_long")]
)
def test_a_report_needs_a_reason(comment: Comment, resident: User, reason: str, code: str) -> None:
    refused(lambda: report_comment(comment=comment, reporter=resident, reason=reason), code, error=PlanError)
    assert not CommentReport.objects.exists()


def test_an_inactive_account_cannot_report(comment: Comment) -> None:
    inactive = factories.make_user(is_active=False)
    refused(
        lambda: report_comment(comment=comment, reporter=inactive, reason="Spam"),
        "not_allowed",
        error=PlanError,
    )


# Moderation --------------------------------------------------------------------------------------


def test_a_moderator_hides_a_comment_with_a_reason_that_stays_in_place(
    comment: Comment,
    resident: User,
    moderator: User,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    report_comment(comment=comment, reporter=resident, reason="Beledigend")
    with django_capture_on_commit_callbacks(execute=True):
        hide_comment(comment=comment, moderator=moderator, reason="Persoonlijke aanval")
    comment.refresh_from_db()
    assert (comment.hidden_by, comment.hidden_reason, comment.body) == (
        moderator,
        "Persoonlijke aanval",
        "Onzin!",
    )
    assert not CommentReport.objects.filter(resolved_at__isnull=True).exists()
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.object_id) == (moderator, "comment.hide", str(comment.pk))
    assert entry.after["reason"] == "Persoonlijke aanval"
    hidden = Notification.objects.get(kind=NotificationKind.COMMENT_HIDDEN)
    assert (hidden.recipient, hidden.params["reason"]) == (comment.author, "Persoonlijke aanval")
    assert comment.author.email in [m.to[0] for m in mail.outbox]


def test_hiding_twice_is_refused(comment: Comment, moderator: User) -> None:
    hide_comment(comment=comment, moderator=moderator, reason="Spam")
    stale = Comment.objects.get(pk=comment.pk)
    stale.hidden_at = None  # as another moderator's page still shows it
    refused(
        lambda: hide_comment(comment=stale, moderator=moderator, reason="Ook spam"),
        "already_hidden",
        error=PlanError,
    )
    assert Comment.objects.get(pk=comment.pk).hidden_reason == "Spam"
    assert AuditEntry.objects.count() == 1


def test_hiding_needs_a_reason(comment: Comment, moderator: User) -> None:
    refused(
        lambda: hide_comment(comment=comment, moderator=moderator, reason=" "),
        "reason_required",
        error=PlanError,
    )
    assert Comment.objects.get(pk=comment.pk).hidden_at is None


@pytest.mark.parametrize(
    "who", ["resident", "reviewer", "committee", "official elsewhere", "administrator", "superuser"]
)
def test_only_moderators_of_the_district_may_hide(
    comment: Comment, district: District, other_district: District, who: str
) -> None:
    users = {
        "resident": lambda: factories.make_user(),
        "reviewer": lambda: factories.make_staff(role=Role.REVIEWER, district=district),
        "committee": lambda: factories.make_staff(role=Role.COMMITTEE, district=district),
        "official elsewhere": lambda: factories.make_staff(role=Role.OFFICIAL, district=other_district),
        "administrator": lambda: factories.make_staff(role=Role.ADMINISTRATOR, district=district),
        "superuser": lambda: factories.make_user(is_superuser=True),
    }
    user = users[who]()
    allowed = who in {"administrator", "superuser"}
    if allowed:
        hide_comment(comment=comment, moderator=user, reason="Spam")
    else:
        refused(
            lambda: hide_comment(comment=comment, moderator=user, reason="Spam"),
            "not_moderator",
            error=PlanError,
        )
    assert (Comment.objects.get(pk=comment.pk).hidden_at is not None) is allowed


def test_a_hidden_comment_cannot_be_reported(comment: Comment, moderator: User, resident: User) -> None:
    hide_comment(comment=comment, moderator=moderator, reason="Spam")
    refused(
        lambda: report_comment(comment=comment, reporter=resident, reason="Ja"),
        "already_hidden",
        error=PlanError,
    )


def test_dismissing_reports_keeps_the_comment_and_is_audited(
    comment: Comment, moderator: User, resident: User
) -> None:
    report_comment(comment=comment, reporter=resident, reason="Ik ben het er niet mee eens")
    assert dismiss_reports(comment=comment, moderator=moderator) == 1
    assert Comment.objects.get(pk=comment.pk).hidden_at is None
    assert not CommentReport.objects.filter(resolved_at__isnull=True).exists()
    assert AuditEntry.objects.get().action == "comment.dismiss_reports"


def test_dismissing_without_open_reports_is_refused(comment: Comment, moderator: User) -> None:
    refused(lambda: dismiss_reports(comment=comment, moderator=moderator), "no_open_reports", error=PlanError)
    assert not AuditEntry.objects.exists()


def test_a_resident_cannot_dismiss_reports(comment: Comment, resident: User) -> None:
    report_comment(comment=comment, reporter=factories.make_user(), reason="Spam")
    refused(lambda: dismiss_reports(comment=comment, moderator=resident), "not_moderator", error=PlanError)
    assert CommentReport.objects.filter(resolved_at__isnull=True).count() == 1


# Selectors ---------------------------------------------------------------------------------------


def test_the_thread_counts_visible_comments_and_knows_what_you_reported(
    plan: Plan, comment: Comment, resident: User, moderator: User
) -> None:
    reply = post_comment(plan=plan, author=plan.initiator, body="Waarom?", parent=comment)
    other = post_comment(plan=plan, author=resident, body="Eens")
    report_comment(comment=reply, reporter=resident, reason="Off-topic")
    hide_comment(comment=comment, moderator=moderator, reason="Spam")
    thread = comment_thread(plan=plan, user=resident)
    assert [c.pk for c in thread.comments] == [comment.pk, other.pk]
    assert [r.pk for r in thread.comments[0].replies.all()] == [reply.pk]
    assert thread.count == 2
    assert thread.reported_ids == {reply.pk}
    assert (thread.can_comment, thread.can_report, thread.can_moderate) == (True, True, False)
    assert comment_thread(plan=plan, user=moderator).can_moderate


def test_the_moderation_queue_shows_open_reports_in_the_moderators_districts(
    plan: Plan, comment: Comment, resident: User, moderator: User, other_district: District
) -> None:
    fine = post_comment(plan=plan, author=resident, body="Prima")
    elsewhere_edition = factories.make_edition(district=other_district)
    elsewhere = post_comment(
        plan=factories.make_plan(edition=elsewhere_edition), author=resident, body="Daar"
    )
    for reported in [comment, fine, elsewhere]:
        report_comment(comment=reported, reporter=resident, reason="Kijk hier eens naar")
    report_comment(comment=comment, reporter=factories.make_user(), reason="Ik ook")
    dismiss_reports(comment=fine, moderator=moderator)
    queue = moderation_queue(user=moderator)
    assert [c.pk for c in queue] == [comment.pk]
    assert queue[0].open_reports == 2  # type: ignore[attr-defined]
    assert {c.pk for c in moderation_queue(user=factories.make_user(is_superuser=True))} == {
        comment.pk,
        elsewhere.pk,
    }
    assert moderation_queue(user=resident) == []


def test_a_flood_of_comments_is_stopped_and_the_refused_one_not_stored(plan: Plan, resident: User) -> None:
    for i in range(COMMENTS_PER_WINDOW):
        post_comment(plan=plan, author=resident, body=f"Reactie {i}")
    refused(
        lambda: post_comment(plan=plan, author=resident, body="Nog één"), "too_many_comments", error=PlanError
    )
    assert Comment.objects.count() == COMMENTS_PER_WINDOW
    # Someone else can still comment.
    post_comment(plan=plan, author=factories.make_user(), body="Ik ook")


def test_refused_comments_do_not_count_towards_the_limit(plan: Plan, resident: User) -> None:
    for _ in range(COMMENTS_PER_WINDOW + 5):
        refused(lambda: post_comment(plan=plan, author=resident, body="  "), error=PlanError)
    post_comment(plan=plan, author=resident, body="Nu wel")


def test_an_unconfirmed_account_is_told_to_confirm_its_address_before_commenting(plan: Plan) -> None:
    unconfirmed = factories.make_user(email_verified_at=None)
    refused(
        lambda: post_comment(plan=plan, author=unconfirmed, body="Hallo"),
        "email_not_confirmed",
        error=PlanError,
    )
    assert not Comment.objects.filter(author=unconfirmed).exists()
