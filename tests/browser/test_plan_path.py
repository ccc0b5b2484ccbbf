"""The whole path of a plan, in a real browser, as issue 4 describes it.

A resident submits a plan with three cost lines and an image; a second resident supports it; a
reviewer asks for changes; the initiator revises; the reviewer approves it with an adjusted cost
and an explanation; the verdicts are published; the public page shows the verdict, the new cost
and the revision. Between the steps the district's calendar moves on (the phase dates change).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import Page, expect

from accounts.models import Role
from editions.models import Edition, Phase
from proposals.models import Plan, PlanStatus
from tests import factories
from tests.browser.conftest import Site
from tests.browser.helpers import log_in
from tests.browser.test_submission import save

pytestmark = pytest.mark.browser

KINDS = ["plans", "support", "review", "decision", "result"]


def move_to(edition: Edition, kind: str) -> None:
    """Re-date the edition's phases (ten days each, back to back) so that ``kind`` is current."""
    start = timezone.now() - factories.PHASE_LENGTH * KINDS.index(kind) - timedelta(days=1)
    Phase.objects.filter(edition=edition).delete()
    Phase.objects.bulk_create(
        Phase(edition=edition, kind=kind, starts_at=starts_at, ends_at=ends_at)
        for kind, starts_at, ends_at in factories.consecutive_phases(start=start, kinds=KINDS)
    )


def log_out(page: Page, site: Site) -> None:
    page.context.clear_cookies()


def test_a_plan_goes_from_submission_to_a_published_verdict(page: Page, site: Site, tmp_path: Path) -> None:
    district = factories.make_district(name="Oost-Watergraafsmeer")
    neighbourhood = factories.make_neighbourhood(district=district, name="Dapperbuurt")
    edition = factories.make_edition(
        district=district, name="Buurtbudget Oost", kinds=KINDS, support_threshold=1, min_age=16
    )
    factories.make_theme(edition=edition, name="Groen")
    move_to(edition, "plans")
    initiator = factories.make_user(email="initiatiefnemer@example.org", display_name="Samira")
    supporter = factories.make_user(email="buurvrouw@example.org", display_name="Els")
    reviewer = factories.make_staff(role=Role.REVIEWER, district=district, email="toetser@example.org")
    picture = tmp_path / "plein.png"
    Image.new("RGB", (800, 600), (200, 120, 40)).save(picture)

    # 1. The initiator submits the plan: three cost lines and an image.
    log_in(page, site.url, initiator.email)
    page.goto(site.url + f"/en/plannen/nieuw/{edition.slug}/")
    page.get_by_label("Title", exact=True).fill("Geveltuinen in de Dapperbuurt")
    page.get_by_label("Summary", exact=True).fill("Twintig geveltuinen met bewoners aanleggen.")
    page.get_by_label("Description", exact=True).fill("Stenen eruit, planten erin, samen met de buren.")
    page.get_by_label("Theme").select_option(label="Groen")
    save(page)
    page.get_by_label("Neighbourhood").select_option(label=neighbourhood.name)
    save(page)
    for i, (description, amount) in enumerate(
        [("Planten", "2.000"), ("Aarde", "500"), ("Tegels eruit", "1.500")]
    ):
        if i:
            page.get_by_role("button", name="Add a line").click()
        page.fill(f"#id_form-{i}-description", description)
        page.fill(f"#id_form-{i}-amount", amount)
    save(page)
    page.get_by_label("Image", exact=True).set_input_files(picture)
    page.get_by_label("What does the image show?").fill("Een kale gevel in de Dapperstraat")
    page.get_by_role("button", name="Upload image").click()
    page.get_by_role("link", name="Continue").click()
    save(page)
    page.get_by_label("I am").check()
    page.get_by_role("button", name="Submit plan").click()
    plan = Plan.objects.get(initiator=initiator)
    page.wait_for_url(site.url + "/en" + plan.get_absolute_url())
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    log_out(page, site)

    # 2. In the support phase a neighbour supports it.
    move_to(edition, "support")
    log_in(page, site.url, supporter.email)
    page.goto(site.url + "/en" + plan.get_absolute_url())
    page.get_by_role("button", name="Support this plan").click()
    expect(page.get_by_role("button", name="Take back my support")).to_be_visible()
    log_out(page, site)

    # 3. In the review phase the reviewer starts the review and asks for changes.
    move_to(edition, "review")
    log_in(page, site.url, reviewer.email)
    review_url = site.url + f"/en/beoordelen/{edition.slug}/plan/{plan.pk}/"
    page.goto(review_url)
    page.get_by_role("button", name="Start the review").click()
    page.get_by_label("What should the initiators change?").fill(
        "Vraag toestemming van de eigenaren van de gevels en noem de straten."
    )
    deadline = timezone.localtime(timezone.now() + timedelta(days=3))
    page.get_by_label("Deadline").fill(deadline.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Ask for changes").click()
    expect(page.locator("main")).to_contain_text("Changes requested")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CHANGES_REQUESTED
    log_out(page, site)

    # 4. The initiator revises the plan and sends it back.
    log_in(page, site.url, initiator.email)
    page.goto(site.url + f"/en/plannen/{plan.pk}/bewerken/wat/")
    page.get_by_label("Description", exact=True).fill(
        "Stenen eruit, planten erin, samen met de buren. Alle eigenaren in de Dapperstraat en de "
        "Wagenaarstraat hebben ja gezegd."
    )
    page.locator("main").get_by_role("button", name="Save changes").click()
    page.goto(site.url + f"/en/plannen/{plan.pk}/bewerken/controleren/")
    page.get_by_role("button", name="Send back to the reviewers").click()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.IN_REVIEW
    log_out(page, site)

    # 5. The reviewer sees what changed, fills in the checklist and approves with a lower cost.
    log_in(page, site.url, reviewer.email)
    page.goto(review_url)
    expect(page.locator("main")).to_contain_text("Wagenaarstraat")  # the diff of the revision
    for radio in page.locator("input[type=radio][value=ok]").all():
        radio.check()
    page.get_by_role("button", name="Save the checklist").click()
    page.get_by_label("Feasible", exact=True).check()
    page.get_by_label("Public explanation").fill(
        "Haalbaar: de eigenaren doen mee en het stadsdeel levert de aarde zelf."
    )
    page.get_by_label("Adjusted cost").fill("3.500")
    page.get_by_label("Reason for the cost change (public)").fill("De aarde levert het stadsdeel zelf.")
    page.get_by_role("button", name="Record the verdict").click()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.IN_REVIEW  # a recorded verdict is not public yet

    # 6. On the publication date the verdicts are published together.
    Edition.objects.filter(pk=edition.pk).update(verdicts_publish_at=timezone.now() - timedelta(minutes=1))
    page.goto(site.url + f"/en/beoordelen/{edition.slug}/")
    page.get_by_role("button", name="Publish all verdicts").click()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.FEASIBLE
    assert plan.reviewed_cost_cents == 350_000
    log_out(page, site)

    # 7. Anyone sees the verdict, the new cost and the revision on the public page.
    page.goto(site.url + "/en" + plan.get_absolute_url())
    main = page.locator("main")
    expect(main).to_contain_text("Feasible")
    expect(main).to_contain_text("Haalbaar: de eigenaren doen mee")
    expect(main).to_contain_text("€3,500")
    expect(main).to_contain_text("De aarde levert het stadsdeel zelf.")
    expect(main).to_contain_text("Wagenaarstraat")
    expect(main.get_by_role("link", name="Version 2")).to_be_visible()
    assert "toetser@example.org" not in page.content()
    assert "initiatiefnemer@example.org" not in page.content()
