"""The cost step suggests typical costs while an initiator types on a phone; the cost step with its
suggestions and the review page's comparison pass an axe WCAG 2.1 AA scan in every language."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

from accounts.models import Role
from editions.models import Edition
from proposals.models import CostLine, Plan, PlanStatus
from tests import factories
from tests.browser.helpers import log_in, scan
from tests.proposals.costs.helpers import benches, past_edition, reviewed_plan

pytestmark = pytest.mark.browser


def _world() -> tuple[Edition, Plan]:
    """Six reviewed benches in 2026; a draft in the plans phase of 2027 with one line of its own."""
    district = factories.make_district(name="Nieuw-West")
    benches(past_edition(district), [10_000, 20_000, 30_000, 40_000, 50_000, 60_000])
    edition = factories.make_edition(district=district, name="Buurtbudget Nieuw-West 2027")
    factories.make_theme(edition=edition, name="Groen")
    draft = reviewed_plan(edition, [("Zaden en plantgoed", 25_000)], status=PlanStatus.DRAFT)
    return edition, draft


def _path(name: str, *args: object) -> str:
    with translation.override("nl"):
        return reverse(name, args=args)


def test_a_suggestion_appears_while_typing_on_a_phone(
    page: Page, live_server: object, transactional_db: None
) -> None:
    base = str(live_server).rstrip("/")
    _, draft = _world()
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, base, draft.initiator.email)
    page.goto(base + _path("proposals:edit", draft.pk, "kosten"))
    region = page.locator("#cost-suggestions-0")
    expect(region).to_have_attribute("aria-live", "polite")
    expect(region).to_contain_text("Nog geen goedgekeurd plan")  # "Zaden en plantgoed": none yet
    page.fill("input[name=form-0-description]", "Twee bankjes met rugleuning")
    expect(region).to_contain_text("“bankjes”: meestal € 350", timeout=5_000)
    expect(region).to_contain_text("6 goedgekeurde plannen")
    expect(region.get_by_role("link")).to_have_count(5)
    assert list(draft.cost_lines.values_list("description", flat=True)) == ["Zaden en plantgoed"]


def test_the_cost_step_and_the_review_comparison_have_no_wcag_violations(
    page: Page, live_server: object, transactional_db: None
) -> None:
    base = str(live_server).rstrip("/")
    edition, draft = _world()
    lines = [
        ("Twee bankjes met rugleuning", 84_000),
        ("Plantenbakken van hout", 9_000),
        ("Luchtkasteel", 100),
    ]
    reviewed_plan(past_edition(edition.district, year=2025), [("Plantenbak", 8_000)])  # too few
    CostLine.objects.filter(plan=draft).delete()
    CostLine.objects.bulk_create(
        CostLine(plan=draft, description=d, amount_cents=a, position=i) for i, (d, a) in enumerate(lines)
    )
    in_review = factories.make_edition_in_phase("review", district=edition.district)
    plan = reviewed_plan(in_review, lines, status=PlanStatus.IN_REVIEW)
    factories.make_review(plan=plan)
    reviewer = factories.make_staff(role=Role.REVIEWER, district=edition.district)

    log_in(page, base, draft.initiator.email)
    problems = scan(page, base, {"cost step with suggestions": _path("proposals:edit", draft.pk, "kosten")})
    log_in(page, base, reviewer.email)
    problems += scan(
        page, base, {"review with cost comparison": _path("review:plan", in_review.slug, plan.pk)}
    )
    assert not problems, "\n".join(problems)
