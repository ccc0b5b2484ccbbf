"""A resident signs up for the citizens' panel on a phone from a letter's QR link; axe checks the pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, ViewportSize, expect

from accounts.models import Role
from common import codes
from deliberation.models import Invitation, PanelSetup, Respondent
from deliberation.recruitment.services.features import ensure_default_features
from deliberation.recruitment.services.invitations import response_code_hash
from outreach.models import Address
from tests import factories
from tests.browser.helpers import PREFIXES, axe_violations, describe

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture
def server(live_server: Any, transactional_db: None) -> str:
    return str(live_server).rstrip("/")


@pytest.fixture
def panel(server: str) -> Any:
    district = factories.make_district(name="Noord")
    kadoelen = factories.make_neighbourhood(district=district, name="Kadoelen", population=3_100)
    factories.make_neighbourhood(district=district, name="Volewijck", population=10_600)
    edition = factories.make_edition_in_phase(
        "plans", district=district, decision_model="panel", name="Buurtbudget Paneltest"
    )
    ensure_default_features(edition)
    PanelSetup.objects.filter(edition=edition).update(
        availability_text="Zaterdag 7, 21 maart en 4 april, 10.00–16.00 uur, in de Tolhuistuin."
    )
    address = Address.objects.create(
        edition=edition,
        street_address="Kadoelenweg 12",
        postcode="1035 AB",
        neighbourhood=kadoelen,
        eligible_count=2,
    )
    code = codes.new_code()
    Invitation.objects.create(
        edition=edition, address=address, code_hash=response_code_hash(codes.normalise(code))
    )
    return edition, code


def check_axe(page: Page, name: str) -> None:
    violations = axe_violations(page)
    assert not violations, describe(name, violations)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_resident_signs_up_on_a_phone_from_the_letters_qr_link(
    page: Page, server: str, panel: Any, prefix: str
) -> None:
    edition, code = panel
    page.set_viewport_size(PHONE)
    language = prefix.strip("/") or "nl"
    page.goto(f"{server}{prefix}/panel/{edition.slug}/aanmelden/#code={code}")
    expect(page.locator("#id_code")).to_have_value(code)  # filled from the QR link's fragment
    assert "#code" not in page.url and code not in page.url
    check_axe(page, f"sign-up ({language})")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.locator("#id_consent").check()
    page.locator("#id_name").fill("Anna de Vries")
    page.locator("#id_email").fill(f"anna.{language}@example.org")
    page.locator("#id_birth_year").fill(str(timezone.now().year - 70))
    page.locator("#id_feature_gender").select_option("vrouw")
    page.locator("#id_available_0").check()
    page.locator("main form button[type=submit]").click()

    page.wait_for_url(f"{server}{prefix}/panel/{edition.slug}/aanmelden/bedankt/")
    if language == "en":
        expect(page.locator("h1")).to_have_text("You have signed up")
    check_axe(page, f"signed up ({language})")
    respondent = Respondent.objects.get()
    assert respondent.pool_id == "P001"
    assert respondent.features == {"neighbourhood": "kadoelen", "age": "65-plus", "gender": "vrouw"}
    assert Invitation.objects.get().responded_at is not None


def test_without_consent_the_form_says_why_and_axe_finds_nothing(page: Page, server: str, panel: Any) -> None:
    edition, _code = panel
    page.set_viewport_size(PHONE)
    page.goto(f"{server}/en/panel/{edition.slug}/aanmelden/")
    page.locator("#id_name").fill("Bob")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#form-errors")).to_contain_text("You can only sign up if you agree")
    check_axe(page, "sign-up with errors")
    assert not Respondent.objects.exists()


def test_the_werving_page_passes_axe_on_a_phone(page: Page, server: str, panel: Any) -> None:
    edition, _code = panel
    facilitator = factories.make_staff(
        role=Role.FACILITATOR, district=edition.district, password="geheim-wachtwoord-1"
    )
    page.set_viewport_size(PHONE)
    page.goto(f"{server}/en/account/inloggen/")
    page.fill("input[name=username]", facilitator.email)
    page.fill("input[name=password]", "geheim-wachtwoord-1")
    page.locator("main").get_by_role("button", name="Log in").click()
    page.wait_for_url(server + "/en/")
    page.goto(f"{server}/en/panel/{edition.slug}/werving/")
    expect(page.locator("h1")).to_have_text("Panel recruitment")
    check_axe(page, "werving")
