"""Recruitment pages: the sign-up (Dutch and English, consent first) and the facilitator's werving page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role
from common import codes
from deliberation.models import Feature, Invitation, Respondent
from deliberation.recruitment.services.features import ensure_default_features
from deliberation.recruitment.services.invitations import response_code_hash
from outreach.models import Address
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel(settings: Any, tmp_path: Path) -> Any:
    settings.PRIVATE_FILES_ROOT = tmp_path
    district = factories.make_district(name="Noord")
    volewijck = factories.make_neighbourhood(district=district, name="Volewijck", population=10_600)
    factories.make_neighbourhood(district=district, name="Kadoelen", population=3_100)
    edition = factories.make_edition_in_phase("plans", district=district, decision_model="panel")
    for i in range(4):
        Address.objects.create(
            edition=edition,
            street_address=f"Hagedoornweg {i + 1}",
            postcode="1031 BV",
            neighbourhood=volewijck,
            eligible_count=1,
        )
    return edition


def url(name: str, edition: Any, language: str = "nl", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(f"deliberation:{name}", kwargs={"slug": edition.slug, **kwargs})


def form_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "consent": "on",
        "name": "Anna de Vries",
        "email": "anna@example.org",
        "phone": "",
        "birth_year": str(timezone.now().year - 45),
        "feature_neighbourhood": "volewijck",
        "feature_gender": "vrouw",
        "available": "ja",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_the_urls_are_dutch_by_default_and_english_under_en(panel: Any) -> None:
    assert url("sign_up", panel) == f"/panel/{panel.slug}/aanmelden/"
    assert url("sign_up", panel, "en") == f"/en/panel/{panel.slug}/aanmelden/"
    assert url("recruitment", panel) == f"/panel/{panel.slug}/werving/"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_sign_up_page_shows_the_consent_text_before_the_form(
    client: Client, panel: Any, language: str
) -> None:
    ensure_default_features(panel)
    response = client.get(url("sign_up", panel, language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert html.index('id="consent-heading"') < html.index('name="consent"') < html.index('name="name"')
    assert 'name="feature_neighbourhood"' in html and 'name="feature_gender"' in html
    assert 'name="feature_age"' not in html and 'name="birth_year"' in html
    assert "deliberation/sign-up.js" in html
    if language == "en":
        assert "What happens with your details" in html
        assert "Everything is deleted when this edition ends." in html


def test_a_resident_signs_up_without_an_account(client: Client, panel: Any) -> None:
    ensure_default_features(panel)
    response = client.post(url("sign_up", panel, "en"), form_data())
    assert response.status_code == 302 and response["Location"] == url("signed_up", panel, "en")
    respondent = Respondent.objects.get()
    assert respondent.features == {"neighbourhood": "volewijck", "age": "40-64", "gender": "vrouw"}
    assert client.get(response["Location"]).status_code == 200


def test_consent_is_required_and_nothing_is_stored_without_it(client: Client, panel: Any) -> None:
    ensure_default_features(panel)
    response = client.post(url("sign_up", panel, "en"), form_data(consent=None))
    assert response.status_code == 400
    assert "You can only sign up if you agree" in response.content.decode()
    assert not Respondent.objects.exists()


def test_a_refusal_from_the_service_is_shown_and_stores_nothing(client: Client, panel: Any) -> None:
    ensure_default_features(panel)
    response = client.post(url("sign_up", panel, "en"), form_data(feature_neighbourhood="elders"))
    assert response.status_code == 400
    assert "Only residents of Noord can sign up for this panel." in response.content.decode()
    response = client.post(url("sign_up", panel, "en"), form_data(birth_year=str(timezone.now().year - 12)))
    assert "at least 16 years old" in response.content.decode()
    assert not Respondent.objects.exists()


def test_with_a_code_the_neighbourhood_need_not_be_chosen(client: Client, panel: Any) -> None:
    ensure_default_features(panel)
    code = codes.new_code()
    Invitation.objects.create(
        edition=panel, address=Address.objects.first(), code_hash=response_code_hash(codes.normalise(code))
    )
    response = client.post(url("sign_up", panel), form_data(code=code, feature_neighbourhood=""))
    assert response.status_code == 302
    assert Respondent.objects.get().features["neighbourhood"] == "volewijck"


def test_sign_up_is_closed_outside_its_phases(client: Client, panel: Any) -> None:
    review = factories.make_edition_in_phase("review", district=panel.district, decision_model="panel")
    ensure_default_features(review)
    response = client.get(url("sign_up", review, "en"))
    assert "Signing up for the citizens' panel is not open now." in response.content.decode()
    assert 'name="consent"' not in response.content.decode()
    client.post(url("sign_up", review, "en"), form_data())
    assert not Respondent.objects.exists()


def test_editions_without_a_panel_have_no_sign_up_page(client: Client, panel: Any) -> None:
    vote = factories.make_edition_in_phase("plans", district=panel.district)
    assert client.get(url("sign_up", vote)).status_code == 404
    assert client.get(url("sign_up", vote).replace(vote.slug, "bestaat-niet")).status_code == 404


# --- The werving page ---


def test_only_the_districts_facilitators_see_the_werving_page(client: Client, panel: Any) -> None:
    assert client.get(url("recruitment", panel)).status_code == 302  # to the login page
    client.force_login(factories.make_user())
    assert client.get(url("recruitment", panel)).status_code == 403
    client.force_login(factories.make_staff(role=Role.OFFICIAL, district=panel.district))
    assert client.get(url("recruitment", panel)).status_code == 403
    client.force_login(factories.make_staff(role=Role.FACILITATOR, district=factories.make_district()))
    assert client.get(url("recruitment", panel)).status_code == 403
    client.force_login(factories.make_staff(role=Role.FACILITATOR, district=panel.district))
    response = client.get(url("recruitment", panel, "en"))
    assert response.status_code == 200
    assert Feature.objects.filter(edition=panel).count() == 3  # the defaults, made on first visit
    html = response.content.decode()
    assert "Panel recruitment" in html and "Response rate" in html and "Volewijck" in html


def test_a_facilitator_invites_downloads_and_destroys_letters(client: Client, panel: Any) -> None:
    client.force_login(factories.make_staff(role=Role.FACILITATOR, district=panel.district))
    client.get(url("recruitment", panel))
    response = client.post(url("invite", panel), {"count": "3", "seed": "11"})
    assert response.status_code == 302
    assert Invitation.objects.filter(edition=panel).count() == 3
    download = client.get(url("download_letters", panel, batch=1))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download["Cache-Control"] == "no-store"
    streamed = cast(StreamingHttpResponse, download).streaming_content
    assert isinstance(streamed, Iterator)
    assert b"".join(streamed).startswith(b"%PDF")
    response = client.post(url("invite", panel, "en"), {"count": "2"})
    assert response.status_code == 400
    assert "only 1 address has not been invited yet" in response.content.decode()
    assert client.post(url("destroy_letters", panel, batch=1)).status_code == 302
    page = client.get(url("recruitment", panel, "en")).content.decode()
    assert "Destroyed" in page
    assert client.get(url("download_letters", panel, batch=1)).status_code == 302


def test_a_facilitator_adds_a_feature_and_sets_population_figures(client: Client, panel: Any) -> None:
    client.force_login(factories.make_staff(role=Role.FACILITATOR, district=panel.district))
    client.get(url("recruitment", panel))
    response = client.post(
        url("add_feature", panel), {"name": "Woning", "values": "Huur: 6.000\nKoop: 3000\n"}
    )
    assert response.status_code == 302
    feature = Feature.objects.get(edition=panel, key="woning")
    assert [(v.label, v.population) for v in feature.values.all()] == [("Huur", 6000), ("Koop", 3000)]
    woman = panel.panel_features.get(key="gender").values.get(key="vrouw")
    assert client.post(url("population", panel), {f"population_{woman.pk}": "52000"}).status_code == 302
    woman.refresh_from_db()
    assert woman.population == 52000
    response = client.post(url("sign_up", panel), form_data(feature_woning="huur"))
    assert Respondent.objects.get().features["woning"] == "huur"


def test_after_recruitment_closes_facilitators_may_look_but_not_change(client: Client, panel: Any) -> None:
    review = factories.make_edition_in_phase("review", district=panel.district, decision_model="panel")
    ensure_default_features(review)
    client.force_login(factories.make_staff(role=Role.FACILITATOR, district=panel.district))
    response = client.get(url("recruitment", review, "en"))
    assert (
        response.status_code == 200 and "you can look, but not change anything" in response.content.decode()
    )
    assert client.post(url("invite", review), {"count": "1"}).status_code == 403
    assert client.post(url("add_feature", review), {"name": "X", "values": "a\nb"}).status_code == 403


def test_a_mistyped_response_code_points_to_the_districts_helpdesk(client: Client, panel: Any) -> None:
    ensure_default_features(panel)
    response = client.post(url("sign_up", panel, "en"), form_data(code="K7QM-3XRD"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "The helpdesk can help you" in page
    assert f'href="/en/hulp/{panel.district.slug}/"' in page
    assert not Respondent.objects.exists()


def test_a_facilitators_own_feature_is_named_in_the_readers_language(client: Client, panel: Any) -> None:
    client.force_login(factories.make_staff(role=Role.FACILITATOR, district=panel.district))
    ensure_default_features(panel)
    page = client.get(url("recruitment", panel, "en")).content.decode()
    assert 'name="name__en"' in page and 'name="name__ar"' in page and 'dir="rtl"' in page
    response = client.post(
        url("add_feature", panel),
        {"name": "Woning", "values": "Huur\nKoop", "name__en": "Housing", "name__tr": " Konut "},
    )
    assert response.status_code == 302
    feature = Feature.objects.get(edition=panel, key="woning")
    assert feature.translations == {"en": {"name": "Housing"}, "tr": {"name": "Konut"}}
    client.logout()
    assert "Housing" in client.get(url("sign_up", panel, "en")).content.decode()
    arabic = client.get(url("sign_up", panel, "ar")).content.decode()
    assert 'lang="nl"' in arabic and "Woning" in arabic  # no Arabic name: the Dutch one, marked
