"""The demo's reviewed plans of 2026 give typical costs for the lines of a draft in Nieuw-West 2027."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from editions.models import Edition
from proposals.costs.selectors import suggestions_for
from tests.helpers import page_text

pytestmark = pytest.mark.django_db

NIEUW_WEST_2027 = "buurtbudget-nieuw-west-2027"
# The coached draft's lines (issue 20's demo) and the term each gets a typical price for.
LINES = {
    "Twee bankjes met rugleuning": "bank",
    "Plantenbakken van hout": "plantenbak",
    "Zaden en plantgoed": "zaad",
}


@pytest.mark.parametrize(("description", "term"), LINES.items())
def test_the_coached_drafts_lines_get_a_typical_price(demo: None, description: str, term: str) -> None:
    edition = Edition.objects.get(slug=NIEUW_WEST_2027)
    found = {s.term.key: s for s in suggestions_for(edition=edition, description=description)}
    suggestion = found[term]
    assert suggestion.enough and suggestion.plans >= 3 and suggestion.lines >= 5
    assert suggestion.lowest_cents <= suggestion.median_cents <= suggestion.highest_cents  # type: ignore[operator]
    titles = {link.title for link in suggestion.examples}
    assert titles and len(titles) <= 5


def test_the_fragment_shows_them_in_dutch(demo: None, client: Client) -> None:
    with translation.override("nl"):
        address = reverse("proposals:cost_suggestions", args=[NIEUW_WEST_2027])
    text = page_text(client.get(address, {"description": "Plantenbakken van hout"}))
    assert "“plantenbakken”: meestal €\N{NO-BREAK SPACE}" in text
    assert "goedgekeurde plannen" in text
