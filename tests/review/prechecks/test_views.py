"""The pre-check pages: asking from the draft, answering, the queue, privacy, the formal review's note."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from editions.models import Edition
from proposals.models import Plan, PlanStatus
from review.models import PreCheck, ReviewCriterion
from review.prechecks.selectors import had_precheck, precheck_queue
from review.prechecks.services import answer_precheck, ask_precheck
from review.services import ensure_criteria
from tests import factories

from ..conftest import logged_in
from .conftest import full_answer


def _plan_url(plan: Plan) -> str:
    return reverse("review:plan_prechecks", kwargs={"pk": plan.pk})


def _url(precheck: PreCheck) -> str:
    return reverse("review:precheck", kwargs={"pk": precheck.pk})


def _answer_post(edition: Edition, summary: str = "Goed plan.") -> dict[str, str]:
    data = {"summary": summary}
    for criterion in ensure_criteria(edition=edition):
        data[f"outcome_{criterion.key}"] = "ok"
        data[f"note_{criterion.key}"] = f"Advies {criterion.key}"
    return data


def test_the_last_step_of_the_wizard_links_to_the_pre_check(
    client: Client, draft: Plan, initiator: User
) -> None:
    response = logged_in(client, initiator).get(reverse("proposals:edit", args=[draft.pk, "controleren"]))
    assert _plan_url(draft) in response.content.decode()


def test_an_initiator_asks_from_the_page_and_sees_it_waiting(
    client: Client, draft: Plan, initiator: User
) -> None:
    client = logged_in(client, initiator)
    assert 'name="question"' in client.get(_plan_url(draft)).content.decode()
    response = client.post(_plan_url(draft), {"question": "Mag dit op het plein?"}, follow=True)
    precheck = PreCheck.objects.get(plan=draft)
    assert precheck.question == "Mag dit op het plein?"
    page = response.content.decode()
    assert _url(precheck) in page and 'name="question"' not in page  # one open at a time: no second form


def test_a_second_ask_shows_why_and_opens_nothing(client: Client, draft: Plan, initiator: User) -> None:
    ask_precheck(plan=draft, by=initiator)
    response = logged_in(client, initiator).post(_plan_url(draft), {"question": "Nog een?"})
    assert response.status_code == 200
    assert "Er wacht al een eerste check van dit plan op antwoord." in response.content.decode()
    assert PreCheck.objects.filter(plan=draft).count() == 1


def test_the_pre_checks_of_a_draft_are_hidden_from_others(
    client: Client, draft: Plan, initiator: User, reviewer_elsewhere: User
) -> None:
    precheck = ask_precheck(plan=draft, by=initiator)
    for person in (factories.make_user(), reviewer_elsewhere):
        client = logged_in(Client(), person)
        assert client.get(_plan_url(draft)).status_code == 404
        assert client.get(_url(precheck)).status_code == 404
    assert Client().get(_url(precheck)).status_code == 302  # to the login


def test_a_reviewer_answers_through_the_form_and_the_initiator_reads_it(
    client: Client, draft: Plan, initiator: User, reviewer: User
) -> None:
    precheck = ask_precheck(plan=draft, by=initiator, question="Kloppen de kosten?")
    reviewer_client = logged_in(Client(), reviewer)
    page = reviewer_client.get(_url(precheck)).content.decode()
    assert "Kloppen de kosten?" in page and 'name="summary"' in page
    reviewer_client.post(_url(precheck), _answer_post(draft.edition, "Let op het onderhoud."))
    precheck.refresh_from_db()
    assert precheck.answered_by == reviewer and precheck.notes.count() == 5
    page = logged_in(client, initiator).get(_url(precheck)).content.decode()
    assert "Let op het onderhoud." in page and "Advies legal" in page and 'name="summary"' not in page


def test_an_incomplete_answer_is_shown_again_with_the_message_and_saves_nothing(
    client: Client, draft: Plan, initiator: User, reviewer: User
) -> None:
    precheck = ask_precheck(plan=draft, by=initiator)
    data = _answer_post(draft.edition)
    del data["outcome_maintenance"]
    response = logged_in(client, reviewer).post(_url(precheck), data)
    assert response.status_code == 200
    assert "Kies een eerste indruk" in response.content.decode()
    precheck.refresh_from_db()
    assert precheck.answered_at is None and not precheck.notes.exists()


def test_the_initiator_cannot_post_an_answer(client: Client, draft: Plan, initiator: User) -> None:
    precheck = ask_precheck(plan=draft, by=initiator)
    response = logged_in(client, initiator).post(_url(precheck), _answer_post(draft.edition))
    assert response.status_code == 403
    assert PreCheck.objects.get(pk=precheck.pk).answered_at is None


def test_a_late_second_answer_is_told_it_was_already_answered(
    client: Client, draft: Plan, initiator: User, reviewer: User, official: User
) -> None:
    precheck = ask_precheck(plan=draft, by=initiator)
    answer_precheck(precheck=precheck, by=official, notes=full_answer(draft.edition), summary="Eerst.")
    response = logged_in(client, reviewer).post(_url(precheck), _answer_post(draft.edition, "Later."))
    assert "al beantwoord" in response.content.decode()
    assert PreCheck.objects.get(pk=precheck.pk).summary == "Eerst."


def test_the_queue_puts_open_ones_first_by_due_date_marks_the_overdue_and_lists_the_answered(
    client: Client, edition: Edition, initiator: User, reviewer: User
) -> None:
    now = timezone.now()
    Edition.objects.filter(pk=edition.pk).update(precheck_days=1)
    edition.refresh_from_db()
    plans = [
        factories.make_plan(edition=edition, initiator=initiator, status=PlanStatus.DRAFT) for _ in range(3)
    ]
    late = ask_precheck(plan=plans[0], by=initiator, at=now - timedelta(days=4))
    soon = ask_precheck(plan=plans[1], by=initiator, at=now - timedelta(hours=1))
    done = ask_precheck(plan=plans[2], by=initiator, at=now - timedelta(days=2))
    answer_precheck(precheck=done, by=reviewer, notes=full_answer(edition), summary="Klaar.")
    queue = precheck_queue(edition=edition)
    assert [(row.precheck, row.overdue) for row in queue.waiting] == [(late, True), (soon, False)]
    assert queue.answered == [done]
    page = logged_in(client, reviewer).get(reverse("review:precheck_queue", kwargs={"slug": edition.slug}))
    assert page.status_code == 200 and "te laat" in page.content.decode()
    review_queue = client.get(reverse("review:queue", kwargs={"slug": edition.slug})).content.decode()
    assert reverse("review:precheck_queue", kwargs={"slug": edition.slug}) in review_queue


def test_the_queue_is_closed_to_residents(client: Client, edition: Edition, initiator: User) -> None:
    response = logged_in(client, initiator).get(
        reverse("review:precheck_queue", kwargs={"slug": edition.slug})
    )
    assert response.status_code == 403


def test_the_formal_review_shows_that_a_pre_check_was_answered(
    client: Client, draft: Plan, initiator: User, reviewer: User
) -> None:
    precheck = ask_precheck(plan=draft, by=initiator)
    assert not had_precheck(draft)
    answer_precheck(precheck=precheck, by=reviewer, notes=full_answer(draft.edition), summary="Goed.")
    assert had_precheck(draft)
    Plan.objects.filter(pk=draft.pk).update(status=PlanStatus.SUBMITTED, submitted_at=timezone.now())
    url = reverse("review:plan", kwargs={"slug": draft.edition.slug, "pk": draft.pk})
    page = logged_in(client, reviewer).get(url).content.decode()
    assert f"beantwoord op {timezone.localtime(precheck.answered_at or timezone.now()):%-d}" in page
    assert reviewer.display_name in page and _url(precheck) in page
    assert ReviewCriterion.objects.filter(edition=draft.edition).count() == 5
