"""The story of the development track, on a phone, in the Amsterdam demo: a resident shares an idea, a
neighbour joins it, the district gives it a coach who writes advice, the idea becomes a draft plan whose
cost step suggests typical costs while typing, and the district answers a first check of the draft.

Each person has a phone-sized browser context of their own (390×844), logged in once; the pages are
Dutch (the default) and driven through their real labels. The part modules scan these pages with axe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.utils import translation
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, ViewportSize, expect

from demo.content.accounts import COACH, DEMO_PASSWORD, resident
from development.models import Coaching, CoachingNote, Idea, IdeaMember
from proposals.costs.selectors import suggestions_for
from review.models import PreCheck
from review.services import ensure_criteria
from tests.browser.conftest import Site
from tests.browser.helpers import log_in
from ui.templatetags.money import money

pytestmark = pytest.mark.browser

SLUG = "buurtbudget-nieuw-west-2027"
PHONE: ViewportSize = {"width": 390, "height": 844}
TITLE = "Bankjes en bloemen op het Lambertus Zijlplein"
NEIGHBOURHOOD = "Slotermeer-Zuidwest"
INITIATOR = resident("mohamed.elamrani")  # Mohamed E.
NEIGHBOUR = resident("yusuf.demir")  # Yusuf D.
OFFICIAL = "ambtenaar.nieuw-west@demo.buurtbudget.nl"  # Lotte Jansen
REVIEWER = "toetser.nieuw-west@demo.buurtbudget.nl"  # Ahmed Ouali
OFFER = "Ik heb een bakfiets en help op zaterdag."
ADVICE = "Vraag bij het stadsdeel na of het plein van de gemeente is. Dan mag er een bankje staan."
SUMMARY = "Een goed plan voor het plein.\nLet op wie de bloemen water geeft."


@pytest.fixture
def phone(browser: Browser, site: Site) -> Iterator[Callable[[str], Page]]:
    """Log a person in on a phone of their own: a new 390×844 context per person, the page it opened.

    Like the ``page`` fixture, it fails the test if the Content-Security-Policy blocked anything."""
    contexts: list[BrowserContext] = []
    blocked: list[str] = []

    def watch(message: ConsoleMessage) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            blocked.append(f"{message.text} ({message.location.get('url')})")

    def open_phone(email: str) -> Page:
        context = browser.new_context(viewport=PHONE, locale="nl-NL")
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", watch)
        log_in(page, site.url, email, DEMO_PASSWORD)
        return page

    yield open_phone
    for context in contexts:
        context.close()
    assert not blocked, f"the Content-Security-Policy blocked: {blocked}"


def test_an_idea_becomes_a_coached_draft_with_a_first_check_on_a_phone(
    site: Site, phone: Callable[[str], Page]
) -> None:
    base = site.url

    # 1. A resident shares an idea: a title, a few sentences, the neighbourhood and the help needed.
    initiator = phone(INITIATOR)
    initiator.goto(f"{base}/ontwikkelen/{SLUG}/ideeen/nieuw/")
    expect(initiator.get_by_role("heading", level=1)).to_have_text("Deel een idee")
    initiator.get_by_label("Titel", exact=True).fill(TITLE)
    initiator.get_by_label("Je idee in een paar zinnen").fill(
        "Het plein is kaal en grijs.\nWij willen twee bankjes en plantenbakken met bloemen."
    )
    initiator.get_by_label("Buurt", exact=True).select_option(label=NEIGHBOURHOOD)
    initiator.get_by_label("Mensen die helpen").check()
    initiator.get_by_label("Kennis").check()
    initiator.get_by_role("button", name="Deel je idee").click()
    idea = Idea.objects.get(title=TITLE)
    initiator.wait_for_url(base + idea.get_absolute_url())
    expect(initiator.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(initiator.locator("main")).to_contain_text(f"Een idee van Mohamed E. voor {NEIGHBOURHOOD}")
    assert idea.initiator.email == INITIATOR
    assert idea.neighbourhood.name == NEIGHBOURHOOD
    assert sorted(idea.needs) == ["know_how", "people"]
    assert idea.plan is None

    # 2. A neighbour opens the idea and asks to join as a volunteer; the initiator says yes.
    neighbour = phone(NEIGHBOUR)
    neighbour.goto(base + idea.get_absolute_url())
    neighbour.get_by_role("link", name="Doe mee met dit idee").click()
    expect(neighbour.get_by_role("heading", level=1)).to_have_text("Doe mee met dit idee")
    neighbour.get_by_label("Vrijwilliger").check()
    neighbour.get_by_label("Wat ik bied").fill(OFFER)
    neighbour.get_by_role("button", name="Vraag of je mee mag doen").click()
    neighbour.wait_for_url(f"{base}{idea.get_absolute_url()}**")
    expect(neighbour.locator("#mensen")).to_contain_text(
        "Je hebt gevraagd of je mee mag doen. Er is nog geen antwoord."
    )
    member = IdeaMember.objects.get(idea=idea)
    assert (member.user.email, member.role, member.status) == (NEIGHBOUR, "volunteer", "asked")

    initiator.goto(base + idea.get_absolute_url())
    requests = initiator.locator("#mensen")
    expect(requests.get_by_role("heading", name="Wie wil meedoen")).to_be_visible()
    requests.get_by_role("button", name="Ja tegen Yusuf D.").click()
    initiator.wait_for_url(f"{base}{idea.get_absolute_url()}**")
    on_board = initiator.locator("#mensen")
    expect(on_board.get_by_role("heading", name="Wie doet er mee")).to_be_visible()
    expect(on_board.get_by_role("listitem").filter(has_text="Yusuf D.")).to_contain_text(
        f"Vrijwilliger: {OFFER}"
    )
    member.refresh_from_db()
    assert member.status == "accepted" and member.answered_at is not None

    neighbour.goto(base + idea.get_absolute_url())
    expect(neighbour.locator("#mensen")).to_contain_text("Je doet mee met dit idee.")
    expect(neighbour.locator("#mensen")).to_contain_text("Yusuf D.")
    for page in (initiator, neighbour):
        assert NEIGHBOUR not in page.content() and "@demo.buurtbudget.nl" not in page.content()

    # 3. The district's official gives the idea the partner's coach; the coach writes advice in the log,
    #    and the initiator reads it, reached from the idea page.
    official = phone(OFFICIAL)
    official.goto(f"{base}/ontwikkelen/{SLUG}/begeleiding/")
    expect(official.get_by_role("heading", level=1)).to_have_text("Begeleiding van ideeën en conceptplannen")
    row = official.locator(f"#idea-{idea.pk}")
    expect(row).to_contain_text("Nog geen coach")
    row.get_by_label("Coach").select_option(label=f"{COACH.display_name} (Buurthuis Het Anker)")
    row.get_by_role("button", name="Koppelen").click()
    expect(official.locator(f"#idea-{idea.pk}")).to_contain_text(f"Coach: {COACH.display_name}")
    coaching = Coaching.objects.get(idea=idea, ended_at__isnull=True)
    assert coaching.coach.email == COACH.email and coaching.partner is not None

    coach = phone(COACH.email)
    coach.goto(f"{base}/ontwikkelen/mijn-begeleiding/")
    coach.get_by_role("link", name=TITLE).click()
    expect(coach.get_by_role("heading", level=1)).to_have_text(f"Begeleiding: {TITLE}")
    coach.get_by_label("Soort bericht").select_option(label="Advies")
    coach.get_by_label("Tekst van het bericht").fill(ADVICE)
    coach.get_by_role("button", name="Zet in het logboek").click()
    expect(coach.locator("#log")).to_contain_text(ADVICE)
    note = CoachingNote.objects.get(coaching=coaching)
    assert (note.author.email, note.kind, note.body) == (COACH.email, "advice", ADVICE)

    initiator.goto(base + idea.get_absolute_url())
    expect(initiator.locator("main")).to_contain_text(f"{COACH.display_name} is de coach.")
    initiator.get_by_role("link", name="Open het logboek van de begeleiding").click()
    expect(initiator.get_by_role("heading", level=1)).to_have_text(f"Begeleiding: {TITLE}")
    log = initiator.locator("#log")
    expect(log).to_contain_text(ADVICE)
    expect(log).to_contain_text(f"Advies · {COACH.display_name} (coach)")

    # 4. One click makes a draft plan of the idea; on the cost step the typical cost of benches appears
    #    under the line while the initiator types it.
    initiator.goto(base + idea.get_absolute_url())
    initiator.get_by_label("Thema van het plan").select_option(label="Groen en duurzaam")
    initiator.get_by_role("button", name="Maak een conceptplan").click()
    idea.refresh_from_db()
    assert idea.plan is not None and idea.drafted_at is not None
    plan = idea.plan
    assert (plan.title, plan.status, plan.initiator.email) == (TITLE, "draft", INITIATOR)
    initiator.wait_for_url(f"{base}/plannen/{plan.pk}/bewerken/wat/")
    expect(initiator.get_by_label("Titel", exact=True)).to_have_value(TITLE)

    initiator.get_by_role("navigation", name="Stappen").get_by_role("link", name="Kosten").click()
    expect(initiator.locator("[aria-current=step]")).to_contain_text("Kosten")
    line = initiator.get_by_role("group", name="Kostenpost 1")
    description = "Twee bankjes met rugleuning"
    line.get_by_label("Waarvoor").press_sequentially(description, delay=20)
    benches = next(s for s in suggestions_for(edition=plan.edition, description=description) if s.enough)
    with translation.override("nl"):
        typical = money(benches.median_cents)
    region = initiator.locator("#cost-suggestions-0")
    expect(region).to_have_attribute("aria-live", "polite")
    expect(region).to_contain_text(f"“{benches.term.word}”: meestal {typical}", timeout=5_000)
    expect(region).to_contain_text(f"{benches.plans} goedgekeurde plannen")
    assert not plan.cost_lines.exists()  # a suggestion saves nothing
    line.get_by_label("Bedrag in euro").fill("1.800")
    initiator.locator("main").get_by_role("button", name="Opslaan en verder").click()
    expect(initiator.locator("[aria-current=step]")).to_contain_text("Afbeeldingen")
    assert list(plan.cost_lines.values_list("description", "amount_cents")) == [(description, 180_000)]

    # 5. From the wizard's last step the initiator asks the district for a first check; the reviewer
    #    answers it from the queue on every point of the checklist; the initiator reads the advice.
    initiator.goto(f"{base}/plannen/{plan.pk}/bewerken/controleren/")
    initiator.get_by_role("link", name="Twijfel je nog? Vraag het stadsdeel om een eerste check").click()
    expect(initiator.get_by_role("heading", level=1)).to_have_text("Eerste check van je concept")
    initiator.get_by_label("Waar wil je dat het stadsdeel naar kijkt?").fill("Mogen de bankjes op dit plein?")
    initiator.get_by_role("button", name="Vraag het stadsdeel").click()
    expect(initiator.locator("main")).to_contain_text("wacht op antwoord")
    precheck = PreCheck.objects.get(plan=plan)
    assert precheck.answered_at is None and precheck.asked_by.email == INITIATOR

    reviewer = phone(REVIEWER)
    reviewer.goto(f"{base}/beoordelen/{SLUG}/eerste-checks/")
    expect(reviewer.get_by_role("heading", level=1)).to_have_text("Eerste checks van concepten")
    reviewer.get_by_role("table", name="Wacht op antwoord").get_by_role("link", name=TITLE).click()
    expect(reviewer.get_by_role("heading", level=1)).to_have_text(f"Eerste check: {TITLE}")
    expect(reviewer.locator("main")).to_contain_text("Mogen de bankjes op dit plein?")
    criteria = ensure_criteria(edition=plan.edition)
    for criterion in criteria:
        reviewer.get_by_role("group", name=criterion.label).get_by_label("In orde", exact=True).check()
    first = criteria[0]
    reviewer.get_by_role("group", name=first.label).get_by_label("Aandachtspunt").check()
    reviewer.get_by_label(f"Advies bij “{first.label}”").fill("Vraag op tijd toestemming.")
    reviewer.get_by_label("Je advies in het kort").fill(SUMMARY)
    reviewer.get_by_role("button", name="Antwoord versturen").click()
    expect(reviewer.get_by_role("heading", name="Het advies")).to_be_visible()
    precheck.refresh_from_db()
    assert precheck.answered_at is not None and precheck.answered_by.email == REVIEWER
    assert precheck.summary.splitlines() == SUMMARY.splitlines()  # a browser sends a textarea's CR LF
    outcomes = dict(precheck.notes.values_list("criterion__key", "outcome"))
    assert outcomes == {c.key: "concern" if c == first else "ok" for c in criteria}
    plan.refresh_from_db()
    assert plan.status == "draft"  # advice, not a verdict

    initiator.goto(f"{base}/beoordelen/eerste-check/plan/{plan.pk}/")
    initiator.get_by_role("link", name="Gevraagd op").click()
    expect(initiator.get_by_role("heading", level=1)).to_have_text(f"Eerste check: {TITLE}")
    main = initiator.locator("main")
    expect(main.get_by_role("heading", name="Het advies")).to_be_visible()
    expect(main).to_contain_text("Een goed plan voor het plein.")
    expect(main).to_contain_text("Let op wie de bloemen water geeft.")
    table = main.get_by_role("table", name="Per punt van de checklist")
    expect(table.get_by_role("row").filter(has_text=first.label)).to_contain_text(
        "Vraag op tijd toestemming."
    )
