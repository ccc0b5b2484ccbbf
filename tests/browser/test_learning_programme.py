"""The learning programme end to end on the demo, in a real browser: an official imports population
figures (and is refused a bad file), a voter answers the survey after casting, and a visitor on a phone
reads the learning report and downloads its PDF (checked as pictures) and the open-data package.
``test_evaluation_pages.py`` scans every new page with axe."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from demo.content import DEMO_PASSWORD
from demo.content.evaluation import POPULATION
from editions.models import Edition
from evaluation.models import PopulationFigure, PopulationImport, Response, SurveyKind
from places.models import Neighbourhood
from tests import factories
from tests.browser.conftest import Site
from tests.browser.helpers import check_page, log_in

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "test-results" / "learning-programme"
VOTE = "buurtbudget-zuidoost-2026"
FINISHED = "buurtbudget-nieuw-west-2026"


def _nieuw_west_figures() -> str:
    return next(spec.text for spec in POPULATION if spec.district_slug == "nieuw-west")


def _import(page: Page, text: str) -> None:
    page.fill("textarea[name=text]", text)
    page.fill("input[name=source]", "OIS Amsterdam, 1 januari 2026")
    page.get_by_role("button", name="Import the figures").click()


def _official_imports_population_figures(page: Page, site: Site) -> None:
    log_in(page, site.url, "ambtenaar.nieuw-west@demo.buurtbudget.nl", DEMO_PASSWORD)
    page.goto(site.url + "/en/evaluatie/bevolking/nieuw-west/")
    imports = PopulationImport.objects.count()
    lines = _nieuw_west_figures().strip().splitlines()
    # The first figure line, one resident more: the import replaces the district's figures.
    header, first, *rest = lines
    *head, residents = first.split(",")
    changed = "\n".join([header, ",".join([*head, str(int(residents) + 1)]), *rest])
    _import(page, changed)
    expect(page.locator(".site-messages")).to_contain_text("The population figures were imported")
    assert PopulationImport.objects.count() == imports + 1
    total = sum(
        PopulationFigure.objects.filter(neighbourhood__district__slug="nieuw-west").values_list(
            "residents", flat=True
        )
    )

    bad = "\n".join([header, ",".join([*head, "-5"]), *rest])
    _import(page, bad)
    expect(page.locator("main")).to_contain_text("Line 2")
    assert PopulationImport.objects.count() == imports + 1
    after = PopulationFigure.objects.filter(neighbourhood__district__slug="nieuw-west").values_list(
        "residents", flat=True
    )
    assert sum(after) == total  # nothing half-saved


def _voter_answers_the_survey_after_casting(page: Page, site: Site) -> None:
    edition = Edition.objects.get(slug=VOTE)
    neighbourhood = Neighbourhood.objects.filter(district=edition.district).order_by("pk").first()
    _voter, code = factories.make_voter(edition=edition, neighbourhood=neighbourhood)
    answers = Response.objects.filter(survey__edition=edition, survey__kind=SurveyKind.VOTER).count()

    page.goto(f"{site.url}/en/stemmen/{VOTE}/#code={code}")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Your ballot")
    page.locator("main fieldset").first.locator("input[type=checkbox]").first.check()
    page.get_by_role("button", name="Cast my vote").click()
    expect(page.locator("h1")).to_have_text("Your vote has been received")
    receipt = page.locator("#receipt-number").inner_text()

    page.get_by_role("button", name="Answer the questions").click()
    # The questions are a new page: wait for it before reading its radio groups.
    expect(page.get_by_role("button", name="Send my answers")).to_be_visible()
    # One choice in every question of one choice or on a scale (some are required).
    groups = page.eval_on_selector_all(
        "main input[type=radio]", "inputs => [...new Set(inputs.map(input => input.name))]"
    )
    for name in groups:
        page.locator(f"main input[type=radio][name='{name}']").last.check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator("h1")).to_have_text("Thank you for your answers")
    stored = Response.objects.filter(survey__edition=edition, survey__kind=SurveyKind.VOTER)
    assert stored.count() == answers + 1
    assert all(receipt not in json.dumps(r.answers) for r in stored)
    assert neighbourhood is not None and stored.filter(neighbourhood=neighbourhood).exists()


def _pictures(pdf: Path) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: apt-get install poppler-utils", pytrace=False)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(ARTEFACTS / "report")], check=True)
    return sorted(ARTEFACTS.glob("report-*.png"))


def _visitor_reads_the_report_on_a_phone(page: Page, site: Site) -> None:
    shutil.rmtree(ARTEFACTS, ignore_errors=True)
    ARTEFACTS.mkdir(parents=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site.url + "/en/")
    page.get_by_role("link", name="What we learned: all editions compared").click()
    expect(page.locator("h1")).to_contain_text("Amsterdam")
    page.goto(site.url + f"/en/evaluatie/{FINISHED}/")
    problems: list[str] = []
    check_page(page, "learning report @390", problems)
    assert not problems, problems
    page.screenshot(path=str(ARTEFACTS / "report-phone.png"), full_page=True)

    # The PDF opens in the phone's viewer: fetch what the link gives, with the visitor's cookies.
    href = page.get_by_role("link", name="Download as PDF").get_attribute("href")
    assert href is not None
    answer = page.request.get(site.url + href)
    assert answer.ok and answer.headers["content-type"] == "application/pdf"
    pdf_path = ARTEFACTS / "report.pdf"
    pdf_path.write_bytes(answer.body())
    assert pdf_path.read_bytes().startswith(b"%PDF")
    pictures = _pictures(pdf_path)
    assert len(pictures) >= 2, "the report's PDF has a title page and its figures"
    assert all(p.stat().st_size > 5_000 for p in pictures), "a page of the PDF came out blank"

    with page.expect_download() as package:
        page.get_by_role("link", name="Open data (data package, zip)").click()
    content = Path(package.value.path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        descriptor = json.loads(archive.read("datapackage.json"))
        names = {resource["name"] for resource in descriptor["resources"]}
    assert {"plans", "results", "participation"} <= names


def test_the_learning_programme_end_to_end(page: Page, site: Site) -> None:
    """One story on one demo (the demo loads once): import, answer, read and download."""
    _official_imports_population_figures(page, site)
    page.context.clear_cookies()
    _voter_answers_the_survey_after_casting(page, site)
    page.context.clear_cookies()
    _visitor_reads_the_report_on_a_phone(page, site)
