"""The demo's activity: likes, comments and revisions, reviews, verdicts, shortlists and notifications."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from accounts.models import Role, StaffRole, User
from audit.models import AuditEntry
from editions.models import Edition, Phase
from notifications.models import Notification, NotificationKind
from notifications.texts import BODIES, SUBJECTS, TRANSLATED_PARAMS, body_for, subject_for
from proposals.models import (
    AuthorRole,
    CoInitiator,
    CoInitiatorStatus,
    Comment,
    CommentReport,
    Like,
    Plan,
    PlanRevision,
    PlanStatus,
)
from proposals.selectors.revisions import snapshot_of
from review.models import (
    VERDICTS_NEEDING_EXPLANATION,
    ChangeRequest,
    Review,
    ShortlistEntry,
    ShortlistPublication,
    Verdict,
    VerdictPublication,
)
from review.selectors import public_review, public_shortlist
from review.services.publication import PLAN_STATUS_FOR

pytestmark = pytest.mark.django_db

OOST = "buurtbudget-oost-2027"
WEST = "buurtbudget-west-2027"
ZUID = "buurtbudget-zuid-2027"
ZUIDOOST = "buurtbudget-zuidoost-2026"
NOORD = "buurtbudget-noord-2026"
NIEUW_WEST_2026 = "buurtbudget-nieuw-west-2026"
BEWONER = "bewoner@demo.buurtbudget.nl"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def phase(slug: str, kind: str) -> Phase:
    return Edition.objects.get(slug=slug).phases.get(kind=kind)


def test_oost_plans_collect_likes_some_past_the_threshold_and_some_short(demo: None) -> None:
    oost = Edition.objects.get(slug=OOST)
    counts = dict(Plan.objects.filter(edition=oost).annotate(n=Count("likes")).values_list("title", "n"))

    assert len(counts) == 11
    assert sum(n >= oost.support_threshold for n in counts.values()) >= 4
    assert sum(0 < n < oost.support_threshold for n in counts.values()) >= 3
    assert oost.support_threshold - 1 in counts.values()  # one plan is a single like short
    support = phase(OOST, "support")
    for like in Like.objects.select_related("plan"):
        assert like.plan.edition_id == oost.pk
        assert like.user_id != like.plan.initiator_id
        assert support.starts_at <= like.created_at <= timezone.now()


def test_comments_have_replies_by_initiators_and_officials(demo: None) -> None:
    replies = Comment.objects.filter(parent__isnull=False)

    assert Comment.objects.filter(plan__edition__slug=OOST).count() >= 20
    assert replies.filter(author_role=AuthorRole.INITIATOR).count() >= 5
    assert replies.filter(author_role=AuthorRole.OFFICIAL).exists()
    assert replies.filter(author_role=AuthorRole.CO_INITIATOR).exists()
    for comment in Comment.objects.select_related("plan", "parent"):
        assert comment.plan.submitted_at is not None
        assert comment.plan.submitted_at <= comment.created_at <= timezone.now()
        if comment.parent is not None:
            assert comment.parent.parent_id is None
            assert comment.parent.created_at < comment.created_at
        if comment.author_role == AuthorRole.INITIATOR:
            assert comment.author_id == comment.plan.initiator_id
        if comment.author_role == AuthorRole.OFFICIAL:
            assert StaffRole.objects.filter(
                user=comment.author, district=comment.plan.edition.district
            ).exists()


def test_one_comment_is_hidden_with_a_reason_and_another_is_reported(demo: None) -> None:
    hidden = Comment.objects.get(hidden_at__isnull=False)
    open_report = CommentReport.objects.get(resolved_at__isnull=True)

    assert hidden.hidden_reason
    assert StaffRole.objects.filter(
        user=hidden.hidden_by, district=hidden.plan.edition.district, role=Role.OFFICIAL
    ).exists()
    assert hidden.reports.count() == 2
    assert all(report.resolved_at == hidden.hidden_at for report in hidden.reports.all())
    assert open_report.comment.hidden_at is None
    entry = AuditEntry.objects.get(action="comment.hide")
    assert (entry.actor_id, entry.object_id, entry.at) == (
        hidden.hidden_by_id,
        str(hidden.pk),
        hidden.hidden_at,
    )


def test_co_initiators_accepted_before_the_plan_was_submitted(demo: None) -> None:
    co_initiators = CoInitiator.objects.select_related("plan")

    assert co_initiators.count() >= 5
    for co in co_initiators:
        assert co.status == CoInitiatorStatus.ACCEPTED and co.user is not None
        assert co.user.email == co.email and co.user_id != co.plan.initiator_id
        assert co.answered_at is not None and co.plan.created_at <= co.invited_at <= co.answered_at
        # A draft (one made from an idea brings its co-initiators with it) is not submitted yet.
        assert co.plan.submitted_at is None or co.answered_at <= co.plan.submitted_at


def test_every_submitted_plan_has_its_first_revision(demo: None) -> None:
    for plan in Plan.objects.exclude(status=PlanStatus.DRAFT):
        first = plan.revisions.get(number=1)
        assert first.created_at == plan.submitted_at
        assert first.author_id == plan.initiator_id
        if not plan.revisions.filter(number=2).exists():
            assert first.snapshot == snapshot_of(plan), plan.title
    assert not PlanRevision.objects.filter(plan__status=PlanStatus.DRAFT).exists()


def test_edited_plans_show_what_changed_in_revision_two(demo: None) -> None:
    edited = PlanRevision.objects.filter(number=2).select_related("plan", "plan__edition")

    assert {r.plan.edition.slug for r in edited} == {OOST, WEST}
    for revision in edited:
        first = revision.plan.revisions.get(number=1)
        assert revision.snapshot == snapshot_of(revision.plan)
        assert revision.note
        assert "cost_lines" in revision.changed_fields
        assert all(first.snapshot[f] != revision.snapshot[f] for f in revision.changed_fields)
        assert first.created_at < revision.created_at <= timezone.now()


def test_west_is_in_review_with_recorded_but_unpublished_verdicts(demo: None) -> None:
    west = Edition.objects.get(slug=WEST)
    reviews = Review.objects.filter(plan__edition=west)

    assert west.verdicts_publish_at is not None and west.verdicts_publish_at > timezone.now()
    assert reviews.count() == west.plans.count()
    assert reviews.exclude(verdict="").count() >= 4
    assert {r.verdict for r in reviews} >= {Verdict.FEASIBLE, Verdict.NOT_FEASIBLE, ""}
    assert not reviews.filter(published_at__isnull=False).exists()
    assert not VerdictPublication.objects.filter(edition=west).exists()
    assert not west.plans.filter(reviewed_cost_cents__isnull=False).exists()
    for plan in west.plans.all():
        assert public_review(plan=plan) is None


def test_west_has_one_plan_returned_and_one_revised_and_back_in_review(demo: None) -> None:
    requests = ChangeRequest.objects.filter(plan__edition__slug=WEST).select_related("plan")

    assert requests.count() == 2
    waiting = requests.get(resolved_at__isnull=True)
    assert waiting.plan.status == PlanStatus.CHANGES_REQUESTED
    assert waiting.plan.changes_due_at == waiting.deadline > timezone.now()
    assert waiting.deadline <= phase(WEST, "review").ends_at
    answered = requests.get(resolved_at__isnull=False)
    assert answered.plan.status == PlanStatus.IN_REVIEW
    assert answered.revision_number == 1
    revised = answered.plan.revisions.get(number=2)
    assert answered.resolved_at == revised.created_at
    assert answered.created_at < revised.created_at < answered.deadline


def test_zuid_verdicts_are_published_with_explanations_and_reviewed_costs(demo: None) -> None:
    zuid = Edition.objects.get(slug=ZUID)
    publication = VerdictPublication.objects.get(edition=zuid)

    assert publication.published_at == zuid.verdicts_publish_at
    assert phase(ZUID, "review").ends_at <= publication.published_at <= timezone.now()
    verdicts = Counter(Review.objects.filter(plan__edition=zuid).values_list("verdict", flat=True))
    assert set(verdicts) == set(Verdict.values)
    assert publication.verdict_count == zuid.plans.count()
    plans = zuid.plans.annotate(lines=Sum("cost_lines__amount_cents"))
    assert plans.filter(reviewed_cost_cents__isnull=False).count() >= 2
    for plan in plans:
        shown = public_review(plan=plan)
        assert shown is not None and shown.published_at == publication.published_at
        assert plan.status == PLAN_STATUS_FOR[shown.verdict]
        if shown.verdict in VERDICTS_NEEDING_EXPLANATION:
            assert shown.public_explanation
        assert plan.reviewed_cost_cents == shown.adjusted_cost_cents
        if plan.reviewed_cost_cents is not None:
            assert plan.reviewed_cost_cents != plan.lines and shown.cost_change_reason
        assert len(shown.checks) == 5


def test_zuid_committee_has_chosen_part_of_its_shortlist(demo: None) -> None:
    zuid = Edition.objects.get(slug=ZUID)
    entries = ShortlistEntry.objects.filter(edition=zuid).select_related("plan", "chosen_by")
    shortlist = phase(ZUID, "shortlist")

    assert zuid.shortlist_size is not None and 0 < entries.count() < zuid.shortlist_size
    for entry in entries:
        assert entry.plan.status == PlanStatus.FEASIBLE  # shortlisted only once published
        assert entry.reason
        assert StaffRole.objects.filter(
            user=entry.chosen_by, district=zuid.district, role=Role.COMMITTEE
        ).exists()
        assert shortlist.starts_at <= entry.chosen_at <= timezone.now()
    assert public_shortlist(edition=zuid) is None


def test_zuidoost_has_published_verdicts_and_a_published_shortlist(demo: None) -> None:
    zuidoost = Edition.objects.get(slug=ZUIDOOST)
    shortlisted = set(zuidoost.plans.filter(status=PlanStatus.SHORTLISTED).values_list("pk", flat=True))

    assert VerdictPublication.objects.filter(edition=zuidoost).exists()
    for plan in zuidoost.plans.all():
        shown = public_review(plan=plan)
        assert shown is not None
        assert PLAN_STATUS_FOR[shown.verdict] == (
            PlanStatus.FEASIBLE if plan.status == PlanStatus.SHORTLISTED else plan.status
        )
    published = public_shortlist(edition=zuidoost)
    assert published is not None
    assert {row.plan.pk for row in published.rows} == shortlisted
    assert all(row.entry is not None and row.entry.reason for row in published.rows)
    assert zuidoost.shortlist_size is not None and published.count <= zuidoost.shortlist_size
    shortlist = phase(ZUIDOOST, "shortlist")
    assert shortlist.starts_at <= published.publication.published_at <= shortlist.ends_at  # type: ignore[union-attr]
    # Only Zuidoost's committee and Oost 2026's panel (a hybrid edition, panel first) published theirs.
    published_in = set(ShortlistPublication.objects.values_list("edition__slug", flat=True))
    assert published_in == {ZUIDOOST, "buurtbudget-oost-2026"}


def test_review_moments_fall_inside_the_review_phase(demo: None) -> None:
    for review in Review.objects.select_related("plan__edition"):
        review_phase = review.plan.edition.phases.get(kind="review")
        assert review_phase.starts_at <= review.started_at <= min(review_phase.ends_at, timezone.now())
        if review.recorded_at is not None:
            assert review.started_at < review.recorded_at <= min(review_phase.ends_at, timezone.now())
        if review.published_at is not None:
            assert review.recorded_at is not None and review.recorded_at < review.published_at


def test_staff_actions_are_audited_once_by_the_staff_who_did_them(demo: None) -> None:
    call_command("load_demo", "--quiet")

    actions = Counter(AuditEntry.objects.values_list("action", flat=True))
    assert set(actions) >= {
        "review.start",
        "review.checks",
        "review.verdict",
        "review.request_changes",
        "review.publish",
        "review.publish_verdicts",
        "shortlist.add",
        "shortlist.publish",
        "comment.hide",
    }
    # One entry per action on an object, but a coaching takes many notes and steps (each audited).
    many = ["development.coaching_note_written", "development.coaching_step_done"]
    keys = Counter(
        AuditEntry.objects.exclude(action__in=many).values_list("action", "object_type", "object_id")
    )
    assert max(keys.values()) == 1
    assert actions["review.verdict"] == Review.objects.exclude(verdict="").count()
    assert actions["shortlist.add"] == ShortlistEntry.objects.count()
    for entry in AuditEntry.objects.filter(action__in=["review.start", "review.verdict"]).select_related(
        "edition"
    ):
        assert entry.edition is not None
        assert StaffRole.objects.filter(
            user=entry.actor, district=entry.edition.district_id, role=Role.REVIEWER
        ).exists()
        assert entry.at <= timezone.now()


def test_activity_rows_pass_model_validation(demo: None) -> None:
    for model in (
        Like,
        Comment,
        CommentReport,
        CoInitiator,
        PlanRevision,
        Review,
        ChangeRequest,
        ShortlistEntry,
    ):
        for row in model._default_manager.all():
            row.full_clean()


def test_noord_plans_that_passed_review_have_published_reviews(demo: None) -> None:
    noord = Edition.objects.get(slug=NOORD)
    publication = VerdictPublication.objects.get(edition=noord)

    assert phase(NOORD, "review").ends_at < publication.published_at < phase(NOORD, "decision").ends_at
    assert publication.verdict_count == noord.plans.count()
    for plan in noord.plans.all():
        shown = public_review(plan=plan)
        assert shown is not None and shown.published_at == publication.published_at, plan.title
        assert PLAN_STATUS_FOR[shown.verdict] == (
            PlanStatus.NOT_FEASIBLE if plan.status == PlanStatus.NOT_FEASIBLE else PlanStatus.FEASIBLE
        )
        if shown.verdict in VERDICTS_NEEDING_EXPLANATION:
            assert shown.public_explanation
        assert len(shown.checks) == 5


def test_every_not_feasible_plan_shows_its_published_explanation(demo: None, client: Client) -> None:
    plans = Plan.objects.filter(status=PlanStatus.NOT_FEASIBLE).select_related("edition")

    assert {plan.edition.slug for plan in plans} == {
        NOORD,
        ZUID,
        ZUIDOOST,
        NIEUW_WEST_2026,
        "buurtbudget-oost-2026",
    }
    for plan in plans:
        shown = public_review(plan=plan)
        assert shown is not None and shown.verdict == Verdict.NOT_FEASIBLE, plan.title
        assert shown.public_explanation
        page = client.get(plan.get_absolute_url())
        assert page.status_code == 200
        assert escape(shown.public_explanation.splitlines()[0]) in page.content.decode(), plan.title


def test_demo_accounts_were_notified_of_what_happened_to_their_plans(demo: None) -> None:
    notifications = Notification.objects.select_related("recipient")
    now = timezone.now()

    assert set(notifications.values_list("kind", flat=True)) == set(NotificationKind.values)
    for n in notifications:
        assert n.created_at <= now
        assert n.emailed_at is not None and n.created_at <= n.emailed_at <= now
        assert n.read_at is None or n.created_at <= n.read_at <= now
        resolve(urlsplit(n.url).path)
    mine = notifications.filter(recipient__email=BEWONER)
    assert set(mine.values_list("kind", flat=True)) >= {
        NotificationKind.STATUS_CHANGED,
        NotificationKind.COMMENT,
        NotificationKind.CO_INITIATOR_INVITED,
        NotificationKind.CO_INITIATOR_ANSWERED,
    }
    assert mine.filter(read_at__isnull=True).exists() and mine.filter(read_at__isnull=False).exists()
    mixed = {
        n.recipient.email
        for n in notifications.filter(recipient__email__regex=r"^bewoner[0-9]{2}@", read_at__isnull=True)
        if notifications.filter(recipient=n.recipient, read_at__isnull=False).exists()
    }
    assert len(mixed) >= 3
    # Staff hear only of the projects' work addressed to the district: proposals, reports, questions,
    # and the initiators' requests for a pre-check of a draft; and they are invited to the officials'
    # survey of a finished edition.
    to_staff = set(notifications.filter(recipient__staff_roles__isnull=False).values_list("kind", flat=True))
    K = NotificationKind
    assert to_staff <= {
        K.AGREEMENT_PROPOSED,
        K.AGREEMENT_IN_FORCE,
        K.REPORT_SUBMITTED,
        K.HELP_ASKED,
        K.PRECHECK_ASKED,
        K.SURVEY_INVITATION,
    }


def test_notifications_are_dated_at_the_events_they_report(demo: None) -> None:
    def told(user: User, kind: str, plan: Plan, at: Any, **params: str) -> bool:
        return Notification.objects.filter(
            recipient=user, kind=kind, params__plan=plan.title, created_at=at, **params
        ).exists()

    for review in Review.objects.filter(published_at__isnull=False).select_related("plan__initiator"):
        assert told(review.plan.initiator, NotificationKind.VERDICT, review.plan, review.published_at)
    for request in ChangeRequest.objects.select_related("plan__initiator"):
        assert told(
            request.plan.initiator, NotificationKind.CHANGES_REQUESTED, request.plan, request.created_at
        )
    for entry in ShortlistEntry.objects.filter(edition__shortlist_publication__isnull=False).select_related(
        "plan__initiator", "edition__shortlist_publication"
    ):
        published = entry.edition.shortlist_publication.published_at
        assert told(entry.plan.initiator, NotificationKind.SHORTLISTED, entry.plan, published)
    for comment in Comment.objects.exclude(author_role=AuthorRole.INITIATOR).select_related(
        "plan__initiator"
    ):
        assert Notification.objects.filter(
            recipient=comment.plan.initiator,
            kind=NotificationKind.COMMENT,
            url__endswith=f"#comment-{comment.pk}",
            created_at=comment.created_at,
        ).exists()
    # A plan made from an idea brings the idea's co-initiators, who were told when they joined the idea.
    for co in CoInitiator.objects.filter(plan__idea__isnull=True).select_related("plan__initiator", "user"):
        assert co.user is not None
        assert told(co.user, NotificationKind.CO_INITIATOR_INVITED, co.plan, co.invited_at)
        assert told(co.plan.initiator, NotificationKind.CO_INITIATOR_ANSWERED, co.plan, co.answered_at)
    for plan in Plan.objects.filter(status=PlanStatus.COMPLETED).select_related("initiator"):
        statuses = Notification.objects.filter(
            recipient=plan.initiator, kind=NotificationKind.STATUS_CHANGED, params__plan=plan.title
        ).order_by("created_at")
        # Being chosen is told by the result's notice, as publishing a result tells it (its change
        # to "selected" sends no status notice of its own); the initiator started the project
        # themselves, so only its completion, by the district, is told to them.
        assert [n.params["status"] for n in statuses] == ["In review", "Completed"]
        assert Notification.objects.filter(
            recipient=plan.initiator, kind=NotificationKind.RESULT, params__plan=plan.title
        ).exists()


SUBJECT_PARAMS = ("plan", "idea", "title", "workshop", "survey")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_notifications_render_without_missing_parameters(demo: None, language: str) -> None:
    for n in Notification.objects.all():
        with translation.override("en"):
            needed = set(PLACEHOLDER.findall(str(SUBJECTS[n.kind]) + str(BODIES[n.kind])))
        assert needed <= set(n.params), n.kind
        # An explanation and a reason are optional trailing sentences.
        assert all(n.params[key] for key in needed - {"explanation", "reason"}), (n.kind, n.params)
        with translation.override(language):
            text = subject_for(n.kind, n.params) + body_for(n.kind, n.params)
            # Every notification names what it is about: a plan, an idea, a coached idea or plan, a
            # workshop, or (an invitation) the survey.
            subject = next(n.params[key] for key in SUBJECT_PARAMS if key in n.params)
            assert "%(" not in text and subject in text
            for key in TRANSLATED_PARAMS & set(n.params):
                label = gettext(n.params[key])
                assert label in text
                assert (label == n.params[key]) == (language == "en"), (key, n.params[key])


@pytest.mark.parametrize("language", ["nl", "en"])
def test_bewoner_reads_her_notifications_in_her_language(demo: None, client: Client, language: str) -> None:
    client.force_login(User.objects.get(email=BEWONER))
    with translation.override(language):
        url = reverse("notifications:list")
        expected = [
            subject_for(n.kind, n.params) for n in Notification.objects.filter(recipient__email=BEWONER)
        ]

    page = client.get(url)

    assert page.status_code == 200
    html = page.content.decode()
    assert expected and all(escape(subject) in html for subject in expected)


def test_loading_again_adds_no_notifications(demo: None) -> None:
    def stored() -> Counter[tuple[int, str, str]]:
        return Counter(Notification.objects.values_list("recipient_id", "kind", "params__plan"))

    before = stored()

    call_command("load_demo", "--quiet")

    assert stored() == before
