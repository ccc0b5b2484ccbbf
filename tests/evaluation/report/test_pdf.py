"""The report as a PDF: it opens, has pages, in Dutch and English, and is looked at as pictures."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from editions.models import Edition
from evaluation.lessons.services import LessonText, add_lesson
from tests.conftest import People

from .factory import Made, Place, store_evidence

pytestmark = pytest.mark.django_db

# Where the pictures of the PDF pages go, next to the browser tests' screenshots.
ARTEFACTS = Path("/tmp/shots/evaluation-pdf")


def _pages(pdf: bytes, tmp_path: Path) -> int:
    """The page count as poppler reads it (not ReportLab, which wrote it)."""
    if shutil.which("pdfinfo") is None:
        pytest.fail("pdfinfo is missing: apt-get install poppler-utils", pytrace=False)
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_edition_report_as_pdf_opens_in_both_languages(
    client: Client, edition: Edition, people: People, language: str, tmp_path: Path
) -> None:
    from accounts.models import Role

    store_evidence(edition)
    text = LessonText(
        finding="Osdorp stemde weinig",
        recommendation="Een stembus op de markt",
        evidence="turnout-neighbourhoods",
    )
    add_lesson(edition=edition, by=people.staff[Role.OFFICIAL], text=text)
    client.cookies["django_language"] = language
    response = client.get(
        reverse("evaluation:report_pdf", args=[edition.slug]), HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert _pages(response.content, tmp_path) >= 3


def test_the_pdfs_pages_as_pictures(client: Client, edition: Edition, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: apt-get install poppler-utils", pytrace=False)
    store_evidence(edition)
    pdf = client.get(reverse("evaluation:report_pdf", args=[edition.slug])).content
    municipality = client.get(
        reverse("evaluation:municipality_pdf", args=[edition.district.municipality.slug])
    )
    assert municipality.content.startswith(b"%PDF")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for name, data in (("edition", pdf), ("municipality", municipality.content)):
        source = tmp_path / f"{name}.pdf"
        source.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(source), str(ARTEFACTS / name)], check=True)
    pictures = sorted(ARTEFACTS.glob("edition-*.png"))
    assert len(pictures) == _pages(pdf, tmp_path)
    assert all(picture.stat().st_size > 5_000 for picture in pictures)  # a page with something on it


def test_a_chart_longer_than_a_page_runs_on_over_the_pages(
    client: Client, edition: Edition, tmp_path: Path
) -> None:
    """A city's every neighbourhood (here 60) in the comparison: the chart is cut, not refused."""
    places = tuple(Place(f"buurt-{n}", f"Buurt {n:02d}", 1000, voters_online=n) for n in range(60))
    store_evidence(edition, Made(places=places))
    response = client.get(reverse("evaluation:municipality_pdf", args=[edition.district.municipality.slug]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    path = tmp_path / "municipality.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Buurt 00" in text and "Buurt 59" in text
