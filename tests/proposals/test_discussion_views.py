"""The support and discussion views: POST, redirect back with a message, and the plan page shows it all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Role, User
from editions.models import Edition
from places.models import District
from proposals.errors import PlanError
from proposals.models import Comment, CommentReport, Like, Plan, PlanStatus
from proposals.services.comments import post_comment, report_comment
from tests import factories
from tests.helpers import links, page_text

from .discussion_helpers import edition_in_support_phase, moments_around_support

pytestmark = pytest.mark.django_db


def en(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def plan_page(plan: Plan) -> str:
    with translation.override("en"):
        return plan.get_absolute_url()


def message(code: str, **params: object) -> str:
    with translation.override("en"):
        return PlanError(code, **params).message


@pytest.fixture
def plan(district: District) -> Plan:
    edition = edition_in_support_phase(district, support_threshold=50)
    return factories.make_plan(edition=edition, title="Moestuin")


@pytest.fixture
def logged_in(client: Client, resident: User) -> Client:
    client.force_login(resident)
    return client


@pytest.fixture
def moderator(district: District) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=district)


# Support -----------------------------------------------------------------------------------------


def test_a_resident_likes_a_plan_and_sees_the_count(logged_in: Client, plan: Plan) -> None:
    response = logged_in.post(en("proposals:like", plan.pk))
    assert response.status_code == 302
    assert response["Location"] == plan_page(plan) + "#steun"
    assert Like.objects.filter(plan=plan).count() == 1
    body = page_text(logged_in.get(plan_page(plan)))
    assert "Thank you: you now support this plan." in body
    assert "49 more likes needed to reach the feasibility review (50 in total)." in body
    assert "You support this plan." in body
    assert "Take back my support" in body


def test_a_second_like_shows_a_specific_message_and_changes_nothing(logged_in: Client, plan: Plan) -> None:
    logged_in.post(en("proposals:like", plan.pk))
    response = logged_in.post(en("proposals:like", plan.pk), follow=True)
    assert message("already_liked") in page_text(response)
    assert Like.objects.filter(plan=plan).count() == 1


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_like_outside_the_support_phase_shows_why_and_changes_nothing(
    logged_in: Client, plan: Plan, freeze_time: Callable[[datetime], None], when: str
) -> None:
    freeze_time(moments_around_support(plan.edition)[when])
    response = logged_in.post(en("proposals:like", plan.pk), follow=True)
    assert message("not_in_support_phase") in page_text(response)
    assert not Like.objects.exists()


def test_liking_your_own_plan_shows_why(client: Client, plan: Plan) -> None:
    client.force_login(plan.initiator)
    response = client.post(en("proposals:like", plan.pk), follow=True)
    assert message("cannot_like_own_plan") in page_text(response)
    assert "Support this plan" not in page_text(response).replace(message("cannot_like_own_plan"), "")


def test_taking_a_like_back(logged_in: Client, plan: Plan, resident: User) -> None:
    Like.objects.create(plan=plan, user=resident)
    response = logged_in.post(en("proposals:unlike", plan.pk), follow=True)
    assert "You no longer support this plan." in page_text(response)
    assert not Like.objects.exists()


def test_a_logged_out_visitor_is_sent_to_log_in_and_back_to_the_plan(client: Client, plan: Plan) -> None:
    response = client.post(en("proposals:like", plan.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(en("accounts:login") + "?next=")
    assert not Like.objects.exists()
    login_links = [
        a["href"] for a in links(client.get(plan_page(plan))) if a["href"].startswith(en("accounts:login"))
    ]
    assert any("next=" in href and "plannen" in href for href in login_links)
    body = page_text(client.get(plan_page(plan)))
    assert "Log in to support this plan" in body and "Log in to comment" in body


def test_liking_needs_a_post(logged_in: Client, plan: Plan) -> None:
    assert logged_in.get(en("proposals:like", plan.pk)).status_code == 405
    assert not Like.objects.exists()


def test_a_draft_has_no_like_address(logged_in: Client, plan: Plan) -> None:
    draft = factories.make_plan(edition=plan.edition, status=PlanStatus.DRAFT)
    assert logged_in.post(en("proposals:like", draft.pk)).status_code == 404


def test_an_htmx_like_returns_the_updated_support_box(logged_in: Client, plan: Plan) -> None:
    response = logged_in.post(en("proposals:like", plan.pk), headers={"HX-Request": "true"})
    body = page_text(response)
    assert response.status_code == 200
    assert 'id="steun"' in body and "<html" not in body
    assert "Thank you: you now support this plan." in body
    assert "Take back my support" in body


def test_the_plan_page_hides_support_when_the_edition_has_no_support_phase(
    client: Client, edition: Edition
) -> None:
    kinds = [k for k in factories.ALL_PHASE_KINDS if k != "support"]
    plan = factories.make_plan(edition=factories.make_edition(district=edition.district, kinds=kinds))
    assert 'id="steun"' not in page_text(client.get(plan_page(plan)))


# Comments ----------------------------------------------------------------------------------------


def test_a_resident_comments_and_lands_on_the_comment(logged_in: Client, plan: Plan) -> None:
    response = logged_in.post(en("proposals:comment", plan.pk), {"body": "Goed idee!"})
    comment = Comment.objects.get()
    assert response["Location"] == f"{plan_page(plan)}#comment-{comment.pk}"
    body = page_text(logged_in.get(plan_page(plan)))
    assert "Your comment has been posted." in body
    assert "Goed idee!" in body
    assert "Comments (1)" in body


def test_an_empty_comment_shows_a_specific_message_and_posts_nothing(logged_in: Client, plan: Plan) -> None:
    response = logged_in.post(en("proposals:comment", plan.pk), {"body": "   "}, follow=True)
    assert message("empty_comment") in page_text(response)
    assert not Comment.objects.exists()


def test_a_reply_goes_under_its_comment(logged_in: Client, plan: Plan) -> None:
    top = post_comment(plan=plan, author=factories.make_user(), body="Vraag")
    logged_in.post(en("proposals:comment", plan.pk), {"body": "Antwoord", "parent": top.pk})
    assert Comment.objects.get(body="Antwoord").parent == top
    response = logged_in.post(
        en("proposals:comment", plan.pk), {"body": "Weg", "parent": 999_999}, follow=True
    )
    assert message("reply_not_found") in page_text(response)


def test_the_thread_marks_initiators_and_officials_with_a_badge(
    client: Client, plan: Plan, district: District
) -> None:
    post_comment(plan=plan, author=plan.initiator, body="Van de initiatiefnemer")
    post_comment(
        plan=plan,
        author=factories.make_staff(role=Role.REVIEWER, district=district),
        body="Van het stadsdeel",
    )
    body = page_text(client.get(plan_page(plan)))
    assert '<span class="badge badge--initiator">Initiator</span>' in body
    assert '<span class="badge badge--official">District staff</span>' in body


def test_a_resident_reports_a_comment(logged_in: Client, plan: Plan) -> None:
    comment = post_comment(plan=plan, author=factories.make_user(), body="Onzin")
    response = logged_in.post(
        en("proposals:report_comment", comment.pk), {"reason": "Beledigend"}, follow=True
    )
    assert "Thank you. A moderator will look at this comment." in page_text(response)
    assert "You reported this comment." in page_text(response)
    again = logged_in.post(en("proposals:report_comment", comment.pk), {"reason": "Nog eens"}, follow=True)
    assert message("already_reported") in page_text(again)
    assert CommentReport.objects.count() == 1


def test_a_report_without_a_reason_is_refused(logged_in: Client, plan: Plan) -> None:
    comment = post_comment(plan=plan, author=factories.make_user(), body="Onzin")
    response = logged_in.post(en("proposals:report_comment", comment.pk), {"reason": ""}, follow=True)
    assert message("reason_required") in page_text(response)
    assert not CommentReport.objects.exists()


def test_a_moderator_hides_a_comment_and_the_reason_shows_in_its_place(
    client: Client, plan: Plan, moderator: User
) -> None:
    comment = post_comment(plan=plan, author=factories.make_user(), body="Scheldwoorden")
    client.force_login(moderator)
    response = client.post(
        en("proposals:hide_comment", comment.pk), {"reason": "Persoonlijke aanval"}, follow=True
    )
    body = page_text(response)
    assert "Hidden by a moderator: Persoonlijke aanval" in body
    assert "Scheldwoorden" not in body


def test_a_resident_cannot_hide_a_comment(logged_in: Client, plan: Plan) -> None:
    comment = post_comment(plan=plan, author=factories.make_user(), body="Blijft staan")
    response = logged_in.post(en("proposals:hide_comment", comment.pk), {"reason": "Weg ermee"}, follow=True)
    assert message("not_moderator") in page_text(response)
    assert Comment.objects.get().hidden_at is None
    assert "Hide comment" not in page_text(response)


# The moderation queue ----------------------------------------------------------------------------


def test_the_moderation_queue_lists_reported_comments_with_actions(
    client: Client, plan: Plan, moderator: User, resident: User
) -> None:
    comment = post_comment(plan=plan, author=factories.make_user(), body="Reclame voor mijn bedrijf")
    report_comment(comment=comment, reporter=resident, reason="Spam")
    client.force_login(moderator)
    body = page_text(client.get(en("proposals:moderation")))
    assert "Reclame voor mijn bedrijf" in body and "Spam" in body
    assert en("proposals:hide_comment", comment.pk) in body
    assert en("proposals:dismiss_reports", comment.pk) in body
    response = client.post(
        en("proposals:dismiss_reports", comment.pk), {"next": en("proposals:moderation")}, follow=True
    )
    assert response.redirect_chain[-1][0] == en("proposals:moderation")
    assert "There are no reported comments waiting." in page_text(response)
    assert Comment.objects.get().hidden_at is None


def test_hiding_from_the_queue_returns_to_the_queue(
    client: Client, plan: Plan, moderator: User, resident: User
) -> None:
    comment = post_comment(plan=plan, author=factories.make_user(), body="Onzin")
    report_comment(comment=comment, reporter=resident, reason="Spam")
    client.force_login(moderator)
    response = client.post(
        en("proposals:hide_comment", comment.pk), {"reason": "Spam", "next": en("proposals:moderation")}
    )
    assert response["Location"] == en("proposals:moderation")
    assert Comment.objects.get().hidden_reason == "Spam"


def test_the_moderation_queue_is_for_moderators_only(
    client: Client, resident: User, district: District
) -> None:
    assert client.get(en("proposals:moderation")).status_code == 302
    client.force_login(resident)
    assert client.get(en("proposals:moderation")).status_code == 403
    client.force_login(factories.make_staff(role=Role.REVIEWER, district=district))
    assert client.get(en("proposals:moderation")).status_code == 403


def test_an_unsafe_next_address_is_ignored(client: Client, plan: Plan, moderator: User) -> None:
    comment = post_comment(plan=plan, author=factories.make_user(), body="Onzin")
    client.force_login(moderator)
    response = client.post(
        en("proposals:hide_comment", comment.pk), {"reason": "Spam", "next": "https://evil.example/"}
    )
    assert response["Location"] == f"{plan_page(plan)}#comment-{comment.pk}"
