"""In a real browser, without JavaScript of ours: a resident supports and comments, another replies,
someone reports a comment and a moderator hides it; the plan page with a thread passes axe."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from accounts.models import Role
from editions.models import Phase
from proposals.models import Comment, Like, Plan
from tests import factories
from tests.browser.helpers import PREFIXES, axe_violations, describe, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def plan(live_server: object, transactional_db: None) -> Plan:
    district = factories.make_district(name="Nieuw-West")
    start = timezone.now() - timedelta(days=15)
    edition = factories.make_edition(
        district=district,
        support_threshold=10,
        phases=[
            ("plans", start, start + timedelta(days=10)),
            ("support", start + timedelta(days=10), start + timedelta(days=20)),
            ("review", start + timedelta(days=20), start + timedelta(days=30)),
            ("decision", start + timedelta(days=30), start + timedelta(days=40)),
            ("result", start + timedelta(days=40), start + timedelta(days=50)),
        ],
    )
    assert Phase.objects.filter(edition=edition).count() == 5
    initiator = factories.make_user(email="ini@example.org", display_name="Ilse")
    return factories.make_plan(edition=edition, title="Geveltuinen", initiator=initiator)


def test_support_comment_reply_report_and_hide(browser: Browser, live_server: object, plan: Plan) -> None:
    url = str(live_server).rstrip("/")
    plan_url = url + "/en" + plan.get_absolute_url()
    anna = factories.make_user(email="anna@example.org", display_name="Anna")
    moderator = factories.make_staff(
        role=Role.OFFICIAL, district=plan.edition.district, email="mod@example.org", display_name="Moderator"
    )
    assert anna and moderator

    # Anna supports the plan and comments on it.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(plan_url)
    page.get_by_role("link", name="Log in to support this plan").click()
    page.get_by_label("E-mail address").fill("anna@example.org")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    expect(page).to_have_url(plan_url)
    page.get_by_role("button", name="Support this plan").click()
    support = page.locator("#steun")
    expect(support).to_contain_text("1 like")
    expect(support).to_contain_text("9 more likes needed")
    expect(page.get_by_role("button", name="Take back my support")).to_be_visible()
    page.get_by_label("Write a comment").fill("Wie geeft de planten water in de zomer?")
    page.get_by_role("button", name="Post comment").click()
    expect(page.locator(".site-messages")).to_contain_text("Your comment has been posted.")
    context.close()
    assert Like.objects.filter(plan=plan).count() == 1

    # The initiator replies; the reply is marked as the initiator's.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, url, "ini@example.org")
    page.goto(plan_url)
    expect(page.locator("#steun")).to_contain_text("You cannot support your own plan.")
    page.locator(".comments__item").first.locator("summary", has_text="Reply").click()
    page.get_by_label("Your reply to Anna").fill("De buren, volgens een rooster.")
    page.get_by_role("button", name="Post reply").click()
    reply = page.locator(".comments--replies .comment").first
    expect(reply).to_contain_text("De buren, volgens een rooster.")
    expect(reply.locator(".badge")).to_have_text("Initiator")
    # … and reports a rude comment by someone else.
    rude = Comment.objects.create(
        plan=plan, author=factories.make_user(display_name="Bram"), body="Flauwekul"
    )
    page.goto(plan_url)
    rude_item = page.locator(f"#comment-{rude.pk}")
    rude_item.locator("summary", has_text="Report").click()
    rude_item.get_by_label("Why should a moderator look at this comment?").fill("Onvriendelijk")
    rude_item.get_by_role("button", name="Send report").click()
    expect(page.locator(f"#comment-{rude.pk}")).to_contain_text("You reported this comment.")
    context.close()

    # The moderator hides it from the queue; the reason stays in its place.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, url, "mod@example.org")
    page.goto(url + "/en/plannen/moderatie/")
    item = page.locator(f"#comment-{rude.pk}")
    expect(item).to_contain_text("Onvriendelijk")
    item.get_by_label("Reason, shown publicly in place of the comment").fill("Geen bijdrage aan het gesprek")
    item.get_by_role("button", name="Hide comment").click()
    expect(page.locator("main")).to_contain_text("There are no reported comments waiting.")
    page.goto(plan_url)
    hidden = page.locator(f"#comment-{rude.pk}")
    expect(hidden).to_contain_text("Hidden by a moderator: Geen bijdrage aan het gesprek")
    expect(hidden).not_to_contain_text("Flauwekul")
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_plan_page_with_a_thread_has_no_wcag_violations(
    page: Page, live_server: object, plan: Plan, width: int
) -> None:
    url = str(live_server).rstrip("/")
    resident = factories.make_user(email="anna@example.org", display_name="Anna")
    top = Comment.objects.create(plan=plan, author=resident, body="Goed plan")
    Comment.objects.create(
        plan=plan, author=plan.initiator, author_role="initiator", body="Dank je!", parent=top
    )
    moderator = factories.make_staff(role=Role.OFFICIAL, district=plan.edition.district)
    Comment.objects.create(
        plan=plan,
        author=factories.make_user(),
        body="Weg",
        hidden_at=timezone.now(),
        hidden_by=moderator,
        hidden_reason="Spam",
    )
    Like.objects.create(plan=plan, user=factories.make_user())
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, url, "anna@example.org")
    for language in PREFIXES:
        page.goto(url + language + plan.get_absolute_url())
        for summary in page.locator("details summary").all():
            summary.click()  # open every reply and report form so axe checks them too
        violations = axe_violations(page)
        assert not violations, describe("plan with thread", violations)
