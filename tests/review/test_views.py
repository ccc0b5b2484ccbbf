"""The review pages: who may open them, the queue's filters and counts, the forms and their refusals."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role, User
from editions.models import Edition
from proposals.models import Plan, PlanStatus
from review.models import Review, ReviewCheck, ShortlistEntry, Verdict
from tests import factories
from tests.conftest import People
from tests.helpers import page_text

from .conftest import logged_in

pytestmark = pytest.mark.django_db

CRITERIA = ("legal", "financial", "spatial", "maintenance", "public_benefit")


def url(name: str, **kwargs: object) -> str:
    with translation.override("en"):
        return reverse(f"review:{name}", kwargs=kwargs)


def url_of_login() -> str:
    with translation.override("en"):
        return reverse("accounts:login")


def queue_url(edition: Edition, **query: str) -> str:
    return url("queue", slug=edition.slug) + (
        "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    )


def plan_url(plan: Plan) -> str:
    return url("plan", slug=plan.edition.slug, pk=plan.pk)


def test_the_queue_asks_a_visitor_to_log_in(client: Client, review_edition: Edition) -> None:
    response = client.get(queue_url(review_edition))
    assert response.status_code == 302
    assert response["Location"].startswith(url_of_login())


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("reviewer", 200),
        ("official", 200),
        ("administrator", 200),
        ("superuser", 200),
        ("committee", 403),
        ("resident", 403),
        ("reviewer_elsewhere", 403),
    ],
)
def test_who_may_open_the_review_queue(
    client: Client, review_edition: Edition, people: People, who: str, status: int
) -> None:
    user = {
        "reviewer": people.staff[Role.REVIEWER],
        "official": people.staff[Role.OFFICIAL],
        "administrator": people.administrator,
        "superuser": people.superuser,
        "committee": people.staff[Role.COMMITTEE],
        "resident": people.resident,
        "reviewer_elsewhere": people.staff_elsewhere[Role.REVIEWER],
    }[who]
    assert logged_in(client, user).get(queue_url(review_edition)).status_code == status


def test_the_queue_filters_by_status_verdict_and_likes_and_counts(
    client: Client, review_edition: Edition, reviewer: User
) -> None:
    review_edition.support_threshold = 2
    review_edition.save()
    popular = factories.make_plan(edition=review_edition, title="Populair plan")
    factories.make_likes(plan=popular, count=2)
    factories.make_plan(edition=review_edition, title="Stil plan")
    judged = factories.make_plan(edition=review_edition, title="Beoordeeld plan", status=PlanStatus.IN_REVIEW)
    factories.make_review(plan=judged, verdict=Verdict.FEASIBLE)
    factories.make_plan(edition=review_edition, title="Concept", status=PlanStatus.DRAFT)
    logged_in(client, reviewer)

    def titles(**query: str) -> list[str]:
        body = page_text(client.get(queue_url(review_edition, **query)))
        return [t for t in ("Populair plan", "Stil plan", "Beoordeeld plan", "Concept") if t in body]

    assert titles() == ["Populair plan", "Stil plan", "Beoordeeld plan"]
    assert titles(status="submitted") == ["Populair plan", "Stil plan"]
    assert titles(verdict="yes") == ["Beoordeeld plan"]
    assert titles(verdict="no") == ["Populair plan", "Stil plan"]
    assert titles(likes="yes", status="submitted") == ["Populair plan"]
    assert titles(likes="no") == ["Stil plan", "Beoordeeld plan"]
    assert titles(status="nonsense") == ["Populair plan", "Stil plan", "Beoordeeld plan"]
    body = page_text(client.get(queue_url(review_edition)))
    assert "Start the review of 1 plan" in body


def test_starting_the_reviews_from_the_queue(client: Client, review_edition: Edition, reviewer: User) -> None:
    plans = [factories.make_plan(edition=review_edition) for _ in range(2)]
    response = logged_in(client, reviewer).post(url("start_reviews", slug=review_edition.slug), follow=True)
    assert "2 plans are now in review." in page_text(response)
    assert {Plan.objects.get(pk=p.pk).status for p in plans} == {PlanStatus.IN_REVIEW}


def test_the_publish_button_is_disabled_before_the_date_which_it_explains(
    client: Client, review_edition: Edition, reviewer: User
) -> None:
    body = page_text(logged_in(client, reviewer).get(queue_url(review_edition)))
    assert "The verdicts are published together, from" in body
    assert "disabled>Publish all verdicts" in body.replace('aria-describedby="publish-help" ', "")
    response = client.post(url("publish_verdicts", slug=review_edition.slug), follow=True)
    assert "it is too early now" in page_text(response)


def test_publishing_from_the_queue_after_the_date(
    client: Client,
    review_edition: Edition,
    plan: Plan,
    reviewer: User,
    after_review: datetime,
    freeze_time: Callable[[datetime], None],
) -> None:
    factories.make_review(plan=plan, verdict=Verdict.FEASIBLE)
    freeze_time(after_review)
    response = logged_in(client, reviewer).post(
        url("publish_verdicts", slug=review_edition.slug), follow=True
    )
    assert "1 verdict has been published." in page_text(response)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.FEASIBLE


def test_the_review_page_shows_the_plan_its_likes_and_the_checklist(
    client: Client, plan: Plan, reviewer: User
) -> None:
    factories.make_likes(plan=plan, count=3)
    factories.make_review(plan=plan)
    body = page_text(logged_in(client, reviewer).get(plan_url(plan)))
    assert "Moestuin Sloterplas" in body and "€12,500" in body
    assert "Likes" in body and ">3" in body
    for label in ("Legal", "Financial", "Spatial", "Maintenance", "Public benefit"):
        assert label in body
    assert "Internal remarks" in body and "Record the verdict" in body


def test_starting_a_review_from_the_plan_page(client: Client, plan: Plan, reviewer: User) -> None:
    response = logged_in(client, reviewer).post(plan_url(plan), {"action": "start"}, follow=True)
    assert "The review of this plan has started." in page_text(response)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.IN_REVIEW


def test_saving_the_checklist_and_internal_remarks(client: Client, plan: Plan, reviewer: User) -> None:
    factories.make_review(plan=plan)
    ReviewCheck.objects.all().delete()
    data = {"action": "checks", "internal_remarks": "Alleen voor ons."}
    data |= {f"outcome_{key}": "ok" for key in CRITERIA} | {
        "outcome_legal": "concern",
        "note_legal": "Vergunning.",
    }
    response = logged_in(client, reviewer).post(plan_url(plan), data, follow=True)
    assert "The checklist has been saved." in page_text(response)
    assert ReviewCheck.objects.count() == 5
    assert ReviewCheck.objects.get(criterion__key="legal").note == "Vergunning."
    assert Review.objects.get().internal_remarks == "Alleen voor ons."


def test_a_not_feasible_verdict_without_explanation_shows_why_next_to_the_field(
    client: Client, plan: Plan, reviewer: User
) -> None:
    factories.make_review(plan=plan)
    response = logged_in(client, reviewer).post(
        plan_url(plan), {"action": "verdict", "verdict": "not_feasible", "public_explanation": ""}
    )
    assert response.status_code == 200
    body = page_text(response)
    assert "Explain to the public why the plan is “Not feasible”: write a public explanation." in body
    assert 'id="id_public_explanation_error"' in body
    assert Review.objects.get().verdict == ""


def test_a_cost_change_without_reason_is_refused_on_the_page(
    client: Client, plan: Plan, reviewer: User
) -> None:
    factories.make_review(plan=plan)
    response = logged_in(client, reviewer).post(
        plan_url(plan), {"action": "verdict", "verdict": "feasible", "adjusted_cost_cents": "15.000"}
    )
    assert "You changed the cost from €12,500 to €15,000: give the reason, for the public." in page_text(
        response
    )
    assert Review.objects.get().adjusted_cost_cents is None


def test_recording_a_verdict_with_an_adjusted_cost(client: Client, plan: Plan, reviewer: User) -> None:
    factories.make_review(plan=plan)
    response = logged_in(client, reviewer).post(
        plan_url(plan),
        {
            "action": "verdict",
            "verdict": "feasible_after_changes",
            "public_explanation": "Kan, met een kleiner hek.",
            "adjusted_cost_cents": "15000",
            "cost_change_reason": "Hekwerk erbij.",
        },
        follow=True,
    )
    assert "The verdict has been recorded." in page_text(response)
    review = Review.objects.get()
    assert (review.verdict, review.adjusted_cost_cents) == (Verdict.FEASIBLE_AFTER_CHANGES, 1_500_000)


def test_asking_for_changes_from_the_page(client: Client, plan: Plan, reviewer: User) -> None:
    factories.make_review(plan=plan)
    deadline = timezone.localtime(timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = logged_in(client, reviewer).post(
        plan_url(plan),
        {"action": "changes", "message": "Voeg een tekening toe.", "deadline": deadline},
        follow=True,
    )
    assert "The plan has been returned to its initiators for changes." in page_text(response)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.CHANGES_REQUESTED


def test_a_deadline_after_the_review_phase_is_refused_on_the_page(
    client: Client, plan: Plan, reviewer: User
) -> None:
    factories.make_review(plan=plan)
    deadline = timezone.localtime(timezone.now() + timedelta(days=60)).strftime("%Y-%m-%dT%H:%M")
    response = logged_in(client, reviewer).post(
        plan_url(plan), {"action": "changes", "message": "Tekening?", "deadline": deadline}
    )
    assert "The deadline must fall within the review phase" in page_text(response)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.IN_REVIEW


def test_a_draft_has_no_review_page(client: Client, review_edition: Edition, reviewer: User) -> None:
    draft = factories.make_plan(edition=review_edition, status=PlanStatus.DRAFT)
    assert logged_in(client, reviewer).get(plan_url(draft)).status_code == 404


def test_after_the_review_phase_the_forms_are_disabled(
    client: Client,
    plan: Plan,
    reviewer: User,
    after_review: datetime,
    freeze_time: Callable[[datetime], None],
) -> None:
    factories.make_review(plan=plan)
    freeze_time(after_review)
    body = page_text(logged_in(client, reviewer).get(plan_url(plan)))
    assert "The review can be changed during the review phase only." in body
    response = client.post(plan_url(plan), {"action": "verdict", "verdict": "feasible"})
    assert "You cannot do this now." in page_text(response)
    assert Review.objects.get().verdict == ""


# ---------------------------------------------------------------- the committee's page


@pytest.fixture
def shortlist_edition(review_edition: Edition) -> Edition:
    edition = factories.make_edition_in_phase("shortlist", district=review_edition.district, shortlist_size=1)
    factories.make_theme(edition=edition, name="Groen")
    return edition


@pytest.mark.parametrize(("who", "status"), [("committee", 200), ("administrator", 200), ("reviewer", 403)])
def test_who_may_open_the_shortlist_page(
    client: Client, shortlist_edition: Edition, people: People, who: str, status: int
) -> None:
    user = {
        "committee": people.staff[Role.COMMITTEE],
        "administrator": people.administrator,
        "reviewer": people.staff[Role.REVIEWER],
    }[who]
    assert logged_in(client, user).get(url("shortlist", slug=shortlist_edition.slug)).status_code == status


def test_choosing_plans_on_the_shortlist_page(
    client: Client, shortlist_edition: Edition, committee_member: User
) -> None:
    first = factories.make_plan(edition=shortlist_edition, title="Eerste", status=PlanStatus.FEASIBLE)
    second = factories.make_plan(edition=shortlist_edition, title="Tweede", status=PlanStatus.FEASIBLE)
    page = url("shortlist", slug=shortlist_edition.slug)
    logged_in(client, committee_member)
    assert "0 of at most 1 plans chosen" in page_text(client.get(page))
    response = client.post(page, {"action": "add", "plan": first.pk, f"plan-{first.pk}-reason": ""})
    assert "Give the reason why this plan goes on the shortlist." in page_text(response)
    response = client.post(
        page, {"action": "add", "plan": first.pk, f"plan-{first.pk}-reason": "Goed."}, follow=True
    )
    assert "1 of at most 1 plans chosen" in page_text(response)
    response = client.post(
        page, {"action": "add", "plan": second.pk, f"plan-{second.pk}-reason": "Ook goed."}
    )
    assert "The shortlist is full" in page_text(response)
    assert list(ShortlistEntry.objects.values_list("plan", flat=True)) == [first.pk]
    response = client.post(page, {"action": "publish"}, follow=True)
    assert "The shortlist has been published." in page_text(response)
    assert Plan.objects.get(pk=first.pk).status == PlanStatus.SHORTLISTED
    assert client.post(page, {"action": "add", "plan": "x"}).status_code == 404


def test_the_public_explanation_says_for_which_verdicts_it_is_needed_not_that_it_is_optional(
    client: Client, plan: Plan, reviewer: User
) -> None:
    factories.make_review(plan=plan)
    page = logged_in(client, reviewer).get(plan_url(plan)).content.decode()
    label = re.search(r'<label[^>]*for="id_public_explanation"[^>]*>(.*?)</label>', page, re.S)
    assert label is not None
    assert "needed for “feasible after changes” and “not feasible”" in label.group(1)
    assert "(optional)" not in label.group(1)
