"""The population page in a browser: an official imports figures through the form, and the live turnout
page opens; a screenshot in /tmp/shots. test_evaluation_pages scans both pages (axe, sideways scroll)
in every language at 1280 and 390 px."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page

from accounts.models import Role
from evaluation.models import PopulationFigure
from tests import factories
from tests.browser.helpers import log_in
from tests.evaluation.participation.voters import add_voters

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots")
CSV = "neighbourhood;age_from;age_to;gender;residents\n" + "\n".join(
    f"{slug};{a};{b};{g};{n}"
    for slug in ("geuzenveld-slotermeer", "osdorp-oost", "de-aker")
    for a, b, g, n in (
        (0, 15, "vrouw", 300),
        (16, 64, "vrouw", 1400),
        (65, "", "vrouw", 300),
        (16, "", "man", 1500),
    )
)


def test_an_official_imports_population_figures_and_opens_the_turnout_page(
    live_server: object,
    transactional_db: None,
    page: Page,
) -> None:
    base = str(live_server).rstrip("/")
    district = factories.make_district(name="Nieuw-West")
    names = ("Geuzenveld-Slotermeer", "Osdorp-Oost", "De Aker")
    places = [factories.make_neighbourhood(district=district, name=name) for name in names]
    edition = factories.make_edition_in_phase(
        "decision", district=district, name="Buurtbudget Nieuw-West 2027"
    )
    for neighbourhood, (online, paper) in zip(places, ((420, 60), (90, 10), (260, 40)), strict=True):
        add_voters(edition, neighbourhood, online=online, paper=paper)
    official = factories.make_staff(role=Role.OFFICIAL, district=district)
    log_in(page, base, official.email)
    with translation.override("nl"):
        population = reverse("evaluation:population", kwargs={"district": district.slug})
        turnout = reverse("evaluation:live_turnout", kwargs={"slug": edition.slug})
    page.goto(base + population)
    page.fill("textarea[name=text]", CSV)
    page.fill("input[name=source]", "OIS Amsterdam, 1 januari 2026")
    page.get_by_role("button", name="De cijfers importeren").click()
    page.wait_for_load_state("load")
    assert "De bevolkingscijfers zijn geïmporteerd: 12 regels" in page.content()
    assert PopulationFigure.objects.count() == 12
    # The page after the import, once; test_evaluation_pages scans both pages in every language and width.
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "evaluation-population-imported.png"), full_page=True)
    response = page.goto(base + turnout)
    assert response is not None and response.status == 200
