"""The public panel page names features and values in the reader's language, not the Dutch of the draw."""

from __future__ import annotations

import pytest
from django.test import Client

from deliberation.models import Feature, FeatureValue
from tests.helpers import page_text

from ..factories import make_facilitator, make_published_panel, make_session_edition

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


def test_the_facilitator_translates_the_values_of_their_own_features_on_the_quota_page() -> None:
    edition = make_session_edition(phase="review")
    client = Client()
    client.force_login(make_facilitator(edition))
    url = f"/en/panel/{edition.slug}/quota/"
    values = list(FeatureValue.objects.filter(feature__edition=edition).select_related("feature"))
    page = client.get(url).content.decode()
    osdorp = next(v for v in values if v.key == "osdorp")
    woman = next(v for v in values if v.key == "vrouw")
    assert f'name="value-{osdorp.pk}-label__en"' in page  # a feature of the edition's own
    assert f'name="value-{woman.pk}-label__en"' not in page  # gender: the catalogue says "Woman"
    data = {"panel_size": "6", "algorithm": "nash"}
    data |= {f"value-{v.pk}-population": str(v.population) for v in values}
    data[f"value-{osdorp.pk}-label__en"] = "Osdorp (west)"
    response = client.post(url, data)
    assert response.status_code == 302
    osdorp.refresh_from_db()
    assert osdorp.translations == {"en": {"label": "Osdorp (west)"}}
