"""The result as a CSV a spreadsheet opens in the page's language: Dutch with ``;`` and a decimal comma,
English with ``,`` and a decimal point; headers in that language, amounts in euros, UTF-8 with a BOM."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from editions.models import Edition
from outcomes.models import Count
from proposals.models import Plan

from ..factories import make_closed_vote, make_count

pytestmark = pytest.mark.django_db

COSTS = (4_000_050, 3_000_000, 2_000_000, 1_000_000)  # the first costs € 40.000,50


def csv_url(edition: Edition, language: str) -> str:
    with translation.override(language):
        return reverse("outcomes:result_csv", kwargs={"slug": edition.slug})


@pytest.fixture
def counted() -> tuple[Edition, list[Plan], Count]:
    edition, plans = make_closed_vote(
        plan_costs=COSTS, choices=[[0]] * 5 + [[1, 2]] * 3 + [[2, 3]] * 2, aggregation_rule="mes"
    )
    return edition, plans, make_count(edition=edition)


def read(content: bytes, delimiter: str) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads the file as UTF-8
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


def test_dutch_csv_has_semicolons_a_decimal_comma_dutch_headers_and_euros(
    client: Client, counted: tuple[Edition, list[Plan], Count]
) -> None:
    edition, plans, count = counted

    response = client.get(csv_url(edition, "nl"))
    rows = read(response.content, ";")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{edition.slug}-uitslag.csv"'
    headers = ["Deel van het budget", "Plannummer", "Plan", "Buurt", "Thema", "Kosten in euro"]
    assert list(rows[0])[:6] == headers
    by_id = {int(r["Plannummer"]): r for r in rows}
    assert by_id.keys() == {p.pk for p in plans}
    assert by_id[plans[0].pk]["Kosten in euro"] == "40000,50"
    assert Decimal(by_id[plans[1].pk]["Kosten in euro"].replace(",", ".")) == Decimal(30_000)
    assert by_id[plans[0].pk]["Stemmers die het kozen"] == "5"
    selected = set(count.sections.get().selected)
    assert {pid for pid, r in by_id.items() if r["Gefinancierd"] == "ja"} == selected
    assert {pid for pid, r in by_id.items() if r["Gefinancierd"] == "nee"} == {p.pk for p in plans} - selected


def test_english_csv_has_commas_a_decimal_point_english_headers_and_euros(
    client: Client, counted: tuple[Edition, list[Plan], Count]
) -> None:
    edition, plans, count = counted

    response = client.get(csv_url(edition, "en"))
    rows = read(response.content, ",")

    assert response["Content-Disposition"] == f'attachment; filename="{edition.slug}-result.csv"'
    by_id = {int(r["Plan number"]): r for r in rows}
    assert by_id[plans[0].pk]["Cost in euros"] == "40000.50"
    assert float(by_id[plans[3].pk]["Cost in euros"]) == 10_000.0
    assert by_id[plans[2].pk]["Voters who chose it"] == "5"
    selected = set(count.sections.get().selected)
    assert {pid for pid, r in by_id.items() if r["Funded"] == "yes"} == selected
    assert all(r["Why"] for r in rows)


def test_the_sniffer_of_each_language_finds_its_separator(
    client: Client, counted: tuple[Edition, list[Plan], Count]
) -> None:
    edition, _, _ = counted
    for language, delimiter in (("nl", ";"), ("en", ",")):
        text = client.get(csv_url(edition, language)).content.decode("utf-8-sig")
        assert csv.Sniffer().sniff(text.splitlines()[0] + "\n" + text.splitlines()[1]).delimiter == delimiter


def test_a_plan_title_that_looks_like_a_formula_is_text_in_either_language(client: Client) -> None:
    edition, plans = make_closed_vote(choices=[[0]] * 3 + [[1]] * 2, aggregation_rule="mes")
    Plan.objects.filter(pk=plans[0].pk).update(title='=HYPERLINK("https://evil.example";"Klik")')
    make_count(edition=edition)

    dutch = read(client.get(csv_url(edition, "nl")).content, ";")
    english = read(client.get(csv_url(edition, "en")).content, ",")

    assert {r["Plan"] for r in dutch} >= {'\'=HYPERLINK("https://evil.example";"Klik")'}
    assert {r["Plan"] for r in english} >= {'\'=HYPERLINK("https://evil.example";"Klik")'}


def test_the_csv_is_not_there_before_the_result_is_public(client: Client) -> None:
    edition, _ = make_closed_vote(choices=[[0]] * 3)
    assert client.get(csv_url(edition, "nl")).status_code == 404
