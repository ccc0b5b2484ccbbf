"""The resident pages speak plain Dutch (B1): short sentences, a good Flesch-Douma score, no jargon.

Every page a resident meets, rendered in Dutch from the demo (which has an edition in every phase) and
measured with ``ui.plain_language``. Each page has its own limits, set just past what it measured
(the measured value stands next to each), so a page fails when its Dutch drifts: a longer sentence, a
harder word, a term of the field without an explanation. docs/translating.md, "Plain Dutch (B1)".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import translation

from ballots.sections import ballot_sections
from demo.services import DemoSummary
from development.models import Idea
from editions.models import Edition
from execution.models import Project
from proposals.models import Plan
from tests.voting.views.resident import cast, open_ballot, token_of
from ui.plain_language import Measurement, main_text, measure, words

pytestmark = pytest.mark.django_db

PLANS_OPEN = "buurtbudget-nieuw-west-2027"  # plans phase
SUPPORT_OPEN = "buurtbudget-oost-2027"  # support phase
SHORTLIST = "buurtbudget-oost-2026"  # the panel shortlists, then a vote
VOTE_OPEN = "buurtbudget-zuidoost-2026"
RESULT = "buurtbudget-nieuw-west-2026"
PANEL = "buurtbudget-noord-2026"

#: B1 as this test holds it: no page may be given looser limits than these. The reading-ease floor is
#: below the 60 of "plain" prose because pages full of names of places and plans ("Middelveldsche
#: Akerpolder", "Beweegroute door het Noorderpark") score low on Flesch-Douma though they read easily.
B1_WORDS_PER_SENTENCE = 12.0
B1_LONG_SHARE = 0.25
B1_READING_EASE = 45.0
#: Month and day names change with the day the demo is loaded (its dates are relative to today), and
#: with them the syllable count: each is measured as one word of one syllable.
CALENDAR_WORDS = re.compile(
    r"\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|maandag|dinsdag|woensdag|donderdag|vrijdag|"
    r"zaterdag|zondag)\b",
    re.IGNORECASE,
)
#: "u" and "uw": residents are "je" everywhere (staff pages may keep "u").
FORMAL_YOU = re.compile(r"\b[Uu]w?\b")


@dataclass(frozen=True)
class Limits:
    """A page's limits: words per sentence and share of long sentences at most, reading ease at least."""

    words_per_sentence: float
    long_share: float
    reading_ease: float


Render = Callable[[Client, DemoSummary], str]


def get(path: str, *, own: str = "") -> Render:
    """Render ``path``; with ``own``, as the initiator of that edition's first plan ({plan} in the path)."""

    def render(client: Client, summary: DemoSummary) -> str:
        if own:
            plan = Plan.objects.filter(edition__slug=own).earliest("pk")
            client.force_login(plan.initiator)
            path_ = path.format(plan=plan.pk)
        else:
            path_ = path
        response = client.get(path_)
        assert response.status_code == 200, path_
        return str(response.content.decode())

    return render


def plan_page(edition: str, status: str) -> Render:
    def render(client: Client, summary: DemoSummary) -> str:
        plan = Plan.objects.filter(edition__slug=edition, status=status).earliest("pk")
        return get(plan.get_absolute_url())(client, summary)

    return render


def project_page(client: Client, summary: DemoSummary) -> str:
    project = Project.objects.filter(edition__slug=PANEL).earliest("pk")
    return get(f"/uitvoering/project/{project.pk}/")(client, summary)


def _code(summary: DemoSummary) -> str:
    return next(vote.codes[0] for vote in summary.votes if vote.edition.slug == VOTE_OPEN)


def ballot_page(client: Client, summary: DemoSummary) -> str:
    edition = Edition.objects.get(slug=VOTE_OPEN)
    page = str(open_ballot(client, edition, _code(summary), language="nl").content.decode())
    assert 'name="token"' in page
    return page


def receipt_page(client: Client, summary: DemoSummary) -> str:
    edition = Edition.objects.get(slug=VOTE_OPEN)
    section = ballot_sections(edition)[0]
    cheapest = min(section.plans, key=lambda plan: plan.cost_cents)
    ballot = open_ballot(client, edition, _code(summary), language="nl")
    chosen = {f"s-{section.key}": [str(cheapest.pk)]}
    page = str(cast(client, edition, token_of(ballot), chosen, language="nl").content.decode())
    assert cheapest.title in page and 'name="intent"' in page
    return page


NEW_PLAN = f"/plannen/nieuw/{PLANS_OPEN}/"


def step(slug: str) -> Render:
    """A step of the submission form, as the initiator of the plan being written."""
    return get("/plannen/{plan}/bewerken/" + slug + "/", own=PLANS_OPEN)


# name → (how to render it, its limits)  # measured: words per sentence, long share, reading ease
def idea_page(title: str) -> Render:
    """The page of the demo's idea ``title`` in the edition open for plans."""

    def render(client: Client, summary: DemoSummary) -> str:
        idea = Idea.objects.get(edition__slug=PLANS_OPEN, title=title)
        return get(idea.get_absolute_url())(client, summary)

    return render


PAGES: dict[str, tuple[Render, Limits]] = {
    "home": (get("/"), Limits(7.8, 0.03, 83)),  # 6.8, 0.00, 86.8
    "how it works": (get("/hoe-werkt-het/"), Limits(9.6, 0.03, 72)),  # 8.6, 0.00, 75.2
    "district": (get("/stadsdelen/nieuw-west/"), Limits(9.6, 0.03, 74)),  # 8.6, 0.00, 77.1
    "plan list": (get("/plannen/"), Limits(10.3, 0.16, 51)),  # 9.3, 0.13, 54.0
    "edition, plans": (get(f"/edities/{PLANS_OPEN}/"), Limits(10.6, 0.09, 60)),  # 9.6, 0.06, 63.9
    "edition, support": (get(f"/edities/{SUPPORT_OPEN}/"), Limits(11.0, 0.12, 60)),  # 10.0, 0.09, 63.5
    "edition, vote": (get(f"/edities/{VOTE_OPEN}/"), Limits(9.7, 0.05, 62)),  # 8.7, 0.02, 65.5
    "edition, result": (get(f"/edities/{RESULT}/"), Limits(10.9, 0.15, 60)),  # 9.9, 0.12, 63.3
    "edition, panel": (get(f"/edities/{PANEL}/"), Limits(10.4, 0.09, 57)),  # 9.4, 0.06, 60.3
    # A plan page's long sentences are the plan's own, written by its initiators.
    "plan, supported": (plan_page(SUPPORT_OPEN, "submitted"), Limits(10.7, 0.14, 82)),  # 9.7, 0.11, 85.0
    "plan, feasible": (plan_page(VOTE_OPEN, "feasible"), Limits(8.9, 0.03, 78)),  # 7.9, 0.00, 81.9
    "plan, not feasible": (plan_page(RESULT, "not_feasible"), Limits(9.7, 0.15, 69)),  # 8.7, 0.12, 72.8
    "plan, selected": (plan_page(RESULT, "selected"), Limits(8.6, 0.03, 66)),  # 7.6, 0.00, 69.1
    "plan, shortlisted": (plan_page(SHORTLIST, "shortlisted"), Limits(9.7, 0.07, 68)),  # 8.7, 0.04, 71.5
    "submit: start": (get(NEW_PLAN, own=PLANS_OPEN), Limits(7.5, 0.03, 82)),  # 6.3, 0.00, 85.7
    "submit: what": (step("wat"), Limits(8.2, 0.03, 76)),  # 6.8, 0.00, 79.3
    "submit: where": (step("waar"), Limits(8.0, 0.03, 81)),  # 7.0, 0.00, 84.3
    "submit: costs": (step("kosten"), Limits(6.9, 0.03, 74)),  # 5.9, 0.00, 77.4
    "submit: images": (step("afbeeldingen"), Limits(9.5, 0.03, 76)),  # 8.5, 0.00, 79.3
    "submit: people": (step("mensen"), Limits(8.4, 0.03, 71)),  # 7.4, 0.00, 74.1
    "submit: check": (step("controleren"), Limits(11.5, 0.24, 62)),  # 10.5, 0.21, 65.9 (the plan's own text)
    "my plans": (get("/plannen/mijn-plannen/", own=PLANS_OPEN), Limits(7.7, 0.03, 58)),  # 6.7, 0.00, 61.1
    "ideas": (get(f"/ontwikkelen/{PLANS_OPEN}/ideeen/"), Limits(7.7, 0.03, 72)),  # 6.7, 0.00, 75.1
    "idea": (idea_page("Tafeltennistafel bij de Sloterplas"), Limits(6.7, 0.03, 83)),  # 5.7, 0.00, 86.9
    "idea, became a plan": (
        idea_page("Buurtmoestuin op het Confuciusplein"),
        Limits(7.7, 0.03, 83),
    ),  # 6.7, 0.00, 86.0
    "new idea": (
        get(f"/ontwikkelen/{PLANS_OPEN}/ideeen/nieuw/", own=PLANS_OPEN),
        Limits(6.9, 0.03, 91),
    ),  # 5.9, 0.00, 94.9
    "workshops": (
        get(f"/ontwikkelen/{PLANS_OPEN}/planwerkplaatsen/"),
        Limits(8.2, 0.03, 68),
    ),  # 7.2, 0.00, 71.8
    "voting code": (get(f"/stemmen/{VOTE_OPEN}/"), Limits(10.3, 0.03, 87)),  # 9.3, 0.00, 90.4
    "ballot": (ballot_page, Limits(10.1, 0.08, 60)),  # 9.1, 0.05, 63.2
    "receipt": (receipt_page, Limits(7.2, 0.03, 77)),  # 6.2, 0.00, 80.6
    "result": (get(f"/uitslag/{RESULT}/"), Limits(9.4, 0.04, 71)),  # 8.4, 0.01, 74.0
    "panel": (get(f"/panel/{PANEL}/"), Limits(10.6, 0.03, 76)),  # 9.6, 0.00, 79.3
    "panel meetings": (get(f"/panel/{PANEL}/bijeenkomsten/"), Limits(10.3, 0.10, 61)),  # 9.3, 0.07, 64.3
    "panel sign-up": (get(f"/panel/{PANEL}/aanmelden/"), Limits(7.4, 0.03, 53)),  # 6.4, 0.00, 56.5
    "projects": (get(f"/uitvoering/{PANEL}/"), Limits(6.4, 0.03, 52)),  # 5.4, 0.00, 55.5
    "project": (project_page, Limits(8.6, 0.07, 68)),  # 7.6, 0.04, 71.7
}


def describe(measurement: Measurement) -> str:
    long = "\n".join(f"  - {sentence}" for sentence in measurement.long_sentences)
    return (
        f"{measurement.words_per_sentence:.1f} words per sentence, {measurement.long_share:.2f} long, "
        f"reading ease {measurement.reading_ease:.1f}, jargon {list(measurement.jargon)}; "
        f"long sentences:\n{long}"
    )


@pytest.mark.parametrize("name", list(PAGES))
def test_the_resident_page_reads_at_b1(demo: None, summary: DemoSummary, client: Client, name: str) -> None:
    render, limits = PAGES[name]
    with translation.override("nl"):
        html = render(client, summary)
    measurement = measure(CALENDAR_WORDS.sub("dag", html))
    formal = FORMAL_YOU.findall(main_text(html).prose)

    assert len(measurement.sentences) >= 3, f"{name}: too little text to measure, is it the right page?"
    assert not formal, f"{name} says “u” to residents, not “je”: {formal}"
    assert not measurement.jargon, f"{name} uses a word of the field unexplained: {describe(measurement)}"
    assert measurement.words_per_sentence <= limits.words_per_sentence, f"{name}: {describe(measurement)}"
    assert measurement.long_share <= limits.long_share, f"{name}: {describe(measurement)}"
    assert measurement.reading_ease >= limits.reading_ease, f"{name}: {describe(measurement)}"


def test_no_page_is_allowed_more_than_b1() -> None:
    for name, (_, limits) in PAGES.items():
        assert limits.words_per_sentence <= B1_WORDS_PER_SENTENCE, name
        assert limits.long_share <= B1_LONG_SHARE, name
        assert limits.reading_ease >= B1_READING_EASE, name


def test_the_same_thing_has_one_name_on_a_plan_page(demo: None, client: Client) -> None:
    plan = Plan.objects.filter(edition__slug=SUPPORT_OPEN).earliest("pk")
    text = " ".join(words(client.get(plan.get_absolute_url()).content.decode())).lower()

    assert "steun" in text
    assert "like" not in text.split() and "likes" not in text.split() and "steunbetuiging" not in text
