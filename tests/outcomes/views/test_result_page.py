"""The results page a resident understands: a summary first, the rule in plain words with its picture,
the details folded per section and plan, and no English (or engine jargon) on the Dutch page."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from outcomes.models import Count
from outcomes.selectors import result_of
from outcomes.services import count_panel_vote, record_panel_decision

from ..factories import (
    add_panel_round,
    make_closed_vote,
    make_count,
    make_facilitator,
    make_panel,
    make_panel_edition,
    make_session,
)

pytestmark = pytest.mark.django_db

CHOICES = [[0]] * 5 + [[1, 2]] * 3 + [[2, 3]] * 2


class _VisibleText(HTMLParser):
    """The text a reader sees or hears: no script, style, code or hashes (names of files and programs)."""

    SKIPPED = {"script", "style", "code", "svg"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED or ("class", "outcome-hash") in attrs:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED or (tag == "span" and self._skip):
            self._skip = max(self._skip - 1, 0)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def page(client: Client, edition: object, language: str = "nl") -> str:
    with translation.override(language):
        path = reverse("outcomes:result", kwargs={"slug": edition.slug})  # type: ignore[attr-defined]
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode().replace("\N{NO-BREAK SPACE}", " ")


# Words of the field and of English that a Dutch resident must not meet on the Dutch page ("of" is Dutch too).
ENGLISH = re.compile(
    r"\b(the|and|with|which|voters?|funded|chosen|round|shares?|supporters?|greedy|exhaustion|"
    r"lexicographic|satisfaction|ballots?|completed|ties?|budget per voter)\b",
    re.IGNORECASE,
)
JARGON_NL = ("Maat voor tevredenheid", "aangevuld met", "pabutools", "(greedy)", "lexicographic")


def test_summary_names_the_chosen_plans_the_money_and_the_turnout_before_any_details(client: Client) -> None:
    edition, _ = make_closed_vote(choices=CHOICES, aggregation_rule="mes")
    count = make_count(edition=edition)
    result = result_of(count)

    html = page(client, edition)

    summary = html[html.index('id="summary-heading"') : html.index('id="rule-heading"')]
    assert "<details" not in html[: html.index('id="plans"')].split('id="rule-heading"')[0]
    for plan in result.sections[0].funded:
        assert plan.title in summary
    for plan in result.sections[0].plans:
        if not plan.funded:
            assert plan.title not in summary
    assert "van de € 60.000 gaat naar de gekozen plannen" in summary
    assert "bewoners hebben gestemd" in summary
    assert "Eerlijk delen" in summary


def test_equal_shares_is_explained_in_plain_words_with_a_picture_drawn_from_the_trace(client: Client) -> None:
    edition, _ = make_closed_vote(choices=CHOICES, aggregation_rule="mes")
    count = make_count(edition=edition)
    trace = count.sections.get().outcome["trace"]

    html = page(client, edition)

    assert "Iedereen die stemde krijgt een even groot deel van het budget." in html
    assert "Je betaalt alleen mee aan plannen die je koos." in html
    figure = html[html.index('<figure class="rule-picture"') : html.index("</figure>")]
    assert 'role="img"' in figure and 'aria-labelledby="rule-picture-caption"' in figure
    # One dark bar per funded plan in the trace, and one for the whole budget.
    assert figure.count('class="rule-picture__cost"') == len(trace) + 1
    assert figure.count("<li>") == len(trace)
    assert "Het plaatje in woorden" in figure


def test_most_votes_first_is_explained_for_a_greedy_edition(client: Client) -> None:
    edition, _ = make_closed_vote(choices=CHOICES, aggregation_rule="greedy")
    make_count(edition=edition)

    html = page(client, edition)

    assert "Meeste stemmen eerst: het plan met de meeste stemmen krijgt als eerste geld" in html
    assert "Iedereen die stemde krijgt een even groot deel" not in html
    assert "Gelijk deel" not in html  # the words list explains only the words this page uses


def test_rule_settings_are_in_plain_words_not_the_engines_english(client: Client) -> None:
    edition, _ = make_closed_vote(choices=CHOICES, aggregation_rule="mes")
    count = make_count(edition=edition)
    assert count.tie_breaking.startswith("lexicographic")

    html = page(client, edition)

    assert "Dan ging het plan met het lagere nummer voor" in html
    assert "Dan is opnieuw geteld. Iedereen kreeg dan een groter deel" in html
    assert "Een plan van € 20.000 telt twee keer zo zwaar als een plan van € 10.000" in html
    for jargon in JARGON_NL:
        assert jargon not in html


@pytest.mark.parametrize("rule", ["mes", "greedy", "phragmen"])
def test_dutch_page_has_no_english_words_for_a_reader(client: Client, rule: str) -> None:
    edition, _ = make_closed_vote(choices=CHOICES, aggregation_rule=rule)
    make_count(edition=edition)

    text = visible_text(page(client, edition))

    assert not ENGLISH.findall(text), ENGLISH.findall(text)
    # The English page says the same in English.
    english = visible_text(page(client, edition, "en"))
    assert "In short" in english and "How the plans were chosen" in english


def test_plans_are_folded_per_section_with_their_why(client: Client) -> None:
    edition, plans = make_closed_vote(choices=CHOICES, aggregation_rule="mes")
    make_count(edition=edition)

    html = page(client, edition)

    details = html.index('<details class="outcome-details">', html.index('id="plans"'))
    assert html.index(plans[0].title, html.index('id="plans"')) > details
    assert "De 4 plannen: 2 gekozen. Toon waarom" in html or "De 4 plannen: 3 gekozen. Toon waarom" in html


def test_a_plans_deciding_facts_and_comparison_are_under_why(client: Client) -> None:
    edition, _ = make_closed_vote(choices=CHOICES, aggregation_rule="mes")
    count = make_count(edition=edition)
    result = result_of(count)
    plan = dataclasses.replace(
        result.sections[0].plans[-1],
        reasons=("Its supporters' shares went to Stemplan 3, which they chose too.",),
        comparison="Stemplan 4 had fewer voters but cost less per voter.",
    )
    bare = dataclasses.replace(plan, reasons=(), comparison="")

    with translation.override("nl"):
        row = render_to_string("outcomes/_plan_row.html", {"p": plan, "result": result, "projects": {}})
        plain = render_to_string("outcomes/_plan_row.html", {"p": bare, "result": result, "projects": {}})

    why = row[row.index('<details class="outcome-why">') :]
    assert "Waarom? De feiten die de doorslag gaven" in why
    assert "<li>Its supporters&#x27; shares went to Stemplan 3, which they chose too.</li>" in why
    assert "Stemplan 4 had fewer voters but cost less per voter." in why
    assert plan.explanation in row
    assert "outcome-why" not in plain  # no empty "Why?" to open


def test_a_consensus_of_the_panel_is_explained_without_a_picture(client: Client) -> None:
    edition, _ = make_closed_vote(choices=CHOICES, aggregation_rule="mes")
    count = make_count(edition=edition)
    # The panel's consensus stores no trace to draw.
    Count.objects.filter(pk=count.pk).update(rule="consensus")
    count.sections.update(outcome={})

    html = page(client, edition)

    assert "Het burgerpanel heeft over elk plan gepraat en de plannen samen gekozen" in html
    assert "rule-picture" not in html


def test_a_panels_vote_is_summed_up_as_the_panels_vote_counted_with_its_rule(client: Client) -> None:
    edition, plans = make_panel_edition()
    facilitator = make_facilitator(edition)
    members = make_panel(edition, size=6, by=facilitator)
    session = make_session(edition, by=facilitator)
    cast = [{"main": [plans[0].pk]}] * 5
    vote = add_panel_round(edition=edition, by=facilitator, members=members, session=session, contents=cast)
    count_panel_vote(edition=edition, vote=vote, by=facilitator)
    record_panel_decision(
        edition=edition, by=facilitator, method="vote", reasons={}, funded=None, summary="", vote=vote
    )

    html = page(client, edition, "en").replace("&#x27;", "'")

    summary = html[html.index('id="summary-heading"') : html.index('id="rule-heading"')]
    assert "A vote of the citizens' panel, counted with " in summary
    assert plans[0].title in summary
    assert "The members of the citizens' panel voted." in html
