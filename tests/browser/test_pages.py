"""Every public page in a real browser, in each language: language switch, phone size, keyboard, forms."""

from __future__ import annotations

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from accounts.models import User
from common.translated import shown
from tests import factories
from tests.browser.conftest import Site
from tests.helpers import dutch

pytestmark = pytest.mark.browser

LANGUAGES = {"nl": "", "en": "/en", "tr": "/tr", "ar": "/ar"}


def skip_text(language: str) -> str:
    if language == "nl":
        return dutch("Skip to main content")
    with translation.override(language):
        return translation.gettext("Skip to main content")


def visit(page: Page, site: Site, path: str, expect_status: int = 200) -> None:
    response = page.goto(site.url + path)
    assert response is not None and response.status == expect_status, (
        f"{path}: {response and response.status}"
    )


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_public_page_renders_in_its_language(page: Page, site: Site, language: str) -> None:
    for name, path in site.pages().items():
        visit(page, site, LANGUAGES[language] + path, 404 if name == "not found" else 200)
        assert page.get_attribute("html", "lang") == language, name
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator("h1")).to_be_visible()
        expect(page.locator("main#main")).to_be_visible()
        assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr"), name
        assert page.locator("a.utrecht-skip-link").text_content().strip() == skip_text(language), name  # type: ignore[union-attr]
        assert page.title().endswith("· Buurtbudget"), name
        # Links; on a form page (login, register) buttons that re-post the form to the page in that language.
        switch = page.eval_on_selector_all(
            ".site-header__languages a[hreflang][lang], .site-header__languages button[name=language_switch]",
            "els => Object.fromEntries(els.map("
            "e => [e.lang, e.getAttribute('href') || e.getAttribute('formaction')]))",
        )
        assert switch == {code: prefix + path for code, prefix in LANGUAGES.items()}, name


def test_the_language_switch_opens_the_same_page_in_the_other_language(page: Page, site: Site) -> None:
    start = site.pages()["plan detail"]
    visit(page, site, start)
    assert page.get_attribute("html", "lang") == "nl"
    languages = page.get_by_role("navigation", name=dutch("Language"))
    languages.get_by_role("link", name="English").click()
    page.wait_for_url(site.url + "/en" + start)
    assert page.get_attribute("html", "lang") == "en"
    # The plan's title as its initiators gave it in English (the demo has one), else the Dutch one, marked
    expect(page.locator("h1")).to_contain_text(shown(site.plan, "title", "en").text)
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Nederlands").click()
    page.wait_for_url(site.url + start)
    assert page.get_attribute("html", "lang") == "nl"


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_pages_fit_a_phone_and_keep_the_main_menu_reachable(page: Page, site: Site, language: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    for name, path in site.pages().items():
        visit(page, site, LANGUAGES[language] + path, 404 if name == "not found" else 200)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name}: {overflow}px of horizontal scroll at 390px wide"
        menu_links = page.locator(".site-nav a, .site-nav button")
        assert menu_links.count() >= 4, name
        for i in range(menu_links.count()):
            link = menu_links.nth(i)
            expect(link).to_be_visible()
            box = link.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, (name, box)
            assert box["height"] >= 24, f"{name}: menu item {i} is too small to tap ({box['height']}px)"


def _focused(page: Page) -> dict[str, str]:
    focused: dict[str, str] = page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {tag: el.tagName.toLowerCase(), id: el.id, text: (el.innerText || '').trim(),
                    href: el.getAttribute('href') || '', inMenu: String(!!el.closest('.site-nav')),
                    outline: style.outlineStyle, outlineWidth: style.outlineWidth, shadow: style.boxShadow};
        }"""
    )
    return focused


def _has_visible_focus(focused: dict[str, str]) -> bool:
    return (focused["outline"] != "none" and focused["outlineWidth"] != "0px") or focused["shadow"] != "none"


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_keyboard_reaches_the_skip_link_first_and_then_the_main_menu(
    page: Page, site: Site, language: str
) -> None:
    visit(page, site, LANGUAGES[language] + "/")
    page.keyboard.press("Tab")
    skip = _focused(page)
    assert skip["href"] == "#main", skip
    assert _has_visible_focus(skip), skip
    expect(page.locator("a.utrecht-skip-link")).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    visit(page, site, LANGUAGES[language] + "/")
    menu_hrefs = page.eval_on_selector_all(".site-nav a", "links => links.map(a => a.getAttribute('href'))")
    assert len(menu_hrefs) >= 4
    reached: list[str] = []
    for _ in range(20):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if focused["inMenu"] == "true":
            assert _has_visible_focus(focused), f"no visible focus on menu item {focused}"
            reached.append(focused["href"])
        elif reached:
            break
    assert reached == menu_hrefs, "Tab does not walk the main menu in order"


def test_register_form_errors_are_shown_next_to_the_fields_and_values_are_kept(
    page: Page, site: Site
) -> None:
    # Registering reveals no account, so the e-mail error is a malformed address, not a taken one.
    users_before = User.objects.count()
    visit(page, site, "/en" + site.pages()["register"])
    page.get_by_label("E-mail address").fill("anna@@example.org")
    page.get_by_label("Public name").fill("Anna de Vries")
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_label("Password again").fill("Iets-heel-anders-2027")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_load_state()
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("#id_email_error")).to_contain_text("Enter a valid email address")
    expect(page.locator("#id_password2_error")).to_contain_text("The two passwords differ.")
    expect(page.get_by_label("E-mail address")).to_have_value("anna@@example.org")
    expect(page.get_by_label("Public name")).to_have_value("Anna de Vries")
    expect(page.get_by_label("E-mail address")).to_have_attribute("aria-invalid", "true")
    assert "id_email_error" in (page.get_by_label("E-mail address").get_attribute("aria-describedby") or "")
    assert User.objects.count() == users_before
    page.locator("#form-errors a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_email"
