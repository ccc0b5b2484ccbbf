"""The public panel page names features and values in the reader's language, not the Dutch of the draw."""

from __future__ import annotations

import pytest
from django.test import Client

from deliberation.models import Feature, FeatureValue
from tests.helpers import page_text

from ..factories import make_published_panel, make_session_edition

pytestmark = pytest.mark.django_db


def report_row(feature: str, name: str, value: str, label: str) -> dict[str, object]:
    return {"feature": feature, "feature_name": name, "value": value, "label": label, "min": 0, "max": 4}


def test_the_panel_page_in_english_has_no_dutch_labels_left(client: Client) -> None:
    edition = make_session_edition()
    draw = make_published_panel(edition, size=4)
    draw.quota_report = [
        {**report_row("gender", "Gender", "vrouw", "Vrouw"), "selected": 2, "met": True},
        {**report_row("buurt", "Buurt", "osdorp", "Osdorp"), "selected": 2, "met": True},
    ]
    draw.save()
    buurt = Feature.objects.get(edition=edition, key="buurt")
    buurt.translations = {"en": {"name": "Area"}}
    buurt.save()
    FeatureValue.objects.filter(feature=buurt, key="osdorp").update(
        translations={"en": {"label": "Osdorp (west)"}}
    )
    body = page_text(client.get(f"/en/panel/{edition.slug}/"))
    assert "Woman" in body and "Vrouw" not in body  # the default gender values come from the catalogue
    assert "Area" in body and ">Buurt<" not in body  # the facilitator's own feature, translated
    assert "Osdorp (west)" in body
    dutch = page_text(client.get(f"/panel/{edition.slug}/"))
    assert "Buurt" in dutch and "Osdorp (west)" not in dutch
