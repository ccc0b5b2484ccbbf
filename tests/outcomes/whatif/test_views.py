"""The what-if page and the pooled file: the answers of `python -m pbrules`; the official result untouched."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import pytest
from django import forms
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from outcomes import engine
from outcomes.models import Count, CountSection
from outcomes.selectors import result_of
from outcomes.whatif.options import BUDGET_OPTIONS, RULE_OPTIONS, WhatIfForm

from ..factories import make_closed_vote, make_count

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]

# A second part of the ballot, written by hand: three plans, a budget of € 30.000, 9 voters.
SECOND_PART = """META
key;value
description;Testbuurt
num_projects;3
num_votes;9
budget;3000000
vote_type;approval
PROJECTS
project_id;cost;name
9001;2000000;Speeltuin
9002;1500000;Bankjes
9003;1000000;Bomen
VOTES
voter_id;vote
1;9001
2;9001
3;9001
4;9001,9002
5;9002,9003
6;9002,9003
7;9003
8;9003
9;9002
"""


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    cache.clear()


@pytest.fixture
def count() -> Count:
    edition, _ = make_closed_vote(
        choices=[[0]] * 5 + [[1, 2]] * 3 + [[2, 3]] * 2 + [[3]] * 4, aggregation_rule="mes"
    )
    count = make_count(edition=edition)
    instance = engine.parse_text(SECOND_PART)
    outcome = engine.count_instance(instance, rule="mes", satisfaction="cost", completion="exhaustion")
    count.sections.create(
        position=1,
        key="n-testbuurt",
        label="Testbuurt",
        budget_cents=3_000_000,
        pb_file=SECOND_PART,
        sha256=engine.sha256_of(SECOND_PART),
        selected=[int(pid) for pid in outcome.selected],
        outcome=engine.outcome_data(instance, outcome),
        plans=[
            {
                "id": int(pid),
                "title": title,
                "cost_cents": cost,
                "neighbourhood": "",
                "theme": "",
                "supporters": 0,
                "points": None,
            }
            for pid, title, cost in (
                ("9001", "Speeltuin", 2_000_000),
                ("9002", "Bankjes", 1_500_000),
                ("9003", "Bomen", 1_000_000),
            )
        ],
        voters=9,
    )
    return count


def page(edition_slug: str, language: str = "nl") -> str:
    with translation.override(language):
        return reverse("outcomes:what_if", kwargs={"slug": edition_slug})


def pbrules_answer(client: Client, tmp_path: Path, file_url: str, command: str) -> list[str]:
    """Download the file the page names and run the page's command on it, as a resident would."""
    words = shlex.split(command)
    assert words[:3] == ["python", "-m", "pbrules"]
    (tmp_path / words[3]).write_bytes(client.get(file_url).content)
    done = subprocess.run(
        [sys.executable, "-m", "pbrules", *words[3:]],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    return [str(pid) for pid in json.loads(done.stdout)["selected"]]


def chosen_in(part: Any) -> set[str]:
    return {p.id for p in part.kept + part.gained}


@pytest.mark.parametrize("rule", [o.value for o in RULE_OPTIONS])
def test_each_rule_gives_what_pbrules_gives_on_each_published_file(
    client: Client, count: Count, tmp_path: Path, rule: str
) -> None:
    response = client.get(page(count.edition.slug), {"rule": rule, "budget": "100", "split": "yes"})

    assert response.status_code == 200
    parts = response.context["what_if"].parts
    assert [p.key for p in parts] == ["main", "n-testbuurt"]
    for part in parts:
        assert set(pbrules_answer(client, tmp_path, part.file_url, part.command)) == chosen_in(part)


def test_another_budget_gives_what_pbrules_gives_with_that_budget(
    client: Client, count: Count, tmp_path: Path
) -> None:
    response = client.get(page(count.edition.slug), {"rule": "greedy", "budget": "50", "split": "yes"})

    part = response.context["what_if"].parts[1]
    assert part.budget_cents == 1_500_000
    assert "--budget 1500000" in part.command
    assert pbrules_answer(client, tmp_path, part.file_url, part.command) == ["9002"]
    assert chosen_in(part) == {"9002"}


def test_without_the_split_the_pooled_file_is_counted_as_pbrules_counts_it(
    client: Client, count: Count, tmp_path: Path
) -> None:
    response = client.get(page(count.edition.slug), {"rule": "mes", "budget": "125", "split": "no"})

    assert response.status_code == 200
    (part,) = response.context["what_if"].parts
    assert part.file_url == reverse("outcomes:what_if_pooled", kwargs={"slug": count.edition.slug})
    assert part.budget_cents == (6_000_000 + 3_000_000) * 125 // 100
    assert set(pbrules_answer(client, tmp_path, part.file_url, part.command)) == chosen_in(part)
    assert "each ballot in each part counts as a separate voter" in response.content.decode() or (
        "als een aparte kiezer" in response.content.decode()
    )


def test_the_pooled_file_holds_every_plan_every_ballot_and_the_total_budget(
    client: Client, count: Count
) -> None:
    response = client.get(reverse("outcomes:what_if_pooled", kwargs={"slug": count.edition.slug}))

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{count.edition.slug}-samen.pb"'
    instance = engine.parse_text(response.content.decode())
    sections = list(count.sections.order_by("position"))
    assert instance.budget == sum(s.budget_cents for s in sections)
    assert instance.num_voters == sum(s.voters for s in sections)
    assert set(instance.project_ids) == {str(p["id"]) for s in sections for p in s.plans}
    assert response["X-Content-SHA256"] == engine.sha256_of(response.content.decode())


def test_the_official_rule_at_the_official_budget_gives_the_official_result_back(
    client: Client, count: Count
) -> None:
    response = client.get(page(count.edition.slug), {"rule": "mes", "budget": "100", "split": "yes"})

    what_if = response.context["what_if"]
    assert not what_if.changed
    assert what_if.official == what_if.what_if


@pytest.mark.parametrize(
    "query",
    [
        {"rule": "dictator", "budget": "100", "split": "yes"},
        {"rule": "greedy", "budget": "60", "split": "yes"},
        {"rule": "greedy", "budget": "lots", "split": "yes"},
        {"rule": "greedy", "budget": "100", "split": "maybe"},
        {"budget": "100"},
    ],
)
def test_options_not_on_offer_are_refused_with_a_message_and_nothing_is_counted(
    client: Client, count: Count, query: dict[str, str]
) -> None:
    engine._instances.clear()

    response = client.get(page(count.edition.slug), query)

    assert response.status_code == 400
    assert "what_if" not in response.context
    assert "Deze keuzes kunnen we niet tellen" in response.content.decode()
    assert not engine._instances  # no file was read


def test_what_ifs_leave_the_official_result_as_it_was(client: Client, count: Count) -> None:
    # The results page reads first: it fills in an older section's facts once (outcomes.explanation).
    result_before = client.get(reverse("outcomes:result", kwargs={"slug": count.edition.slug})).content
    before = list(CountSection.objects.order_by("pk").values())

    for rule in ("greedy", "mes-only", "phragmen"):
        for split in ("yes", "no"):
            client.get(page(count.edition.slug), {"rule": rule, "budget": "150", "split": split})

    assert list(CountSection.objects.order_by("pk").values()) == before
    assert Count.objects.count() == 1
    after = client.get(reverse("outcomes:result", kwargs={"slug": count.edition.slug})).content
    assert _without_tokens(after) == _without_tokens(result_before)


def _without_tokens(html: bytes) -> str:
    return re.sub(r'nonce="[^"]*"|value="[^"]{40,}"', "", html.decode())


def test_a_repeated_what_if_comes_from_the_cache_without_reading_the_files(
    client: Client, count: Count
) -> None:
    query = {"rule": "phragmen", "budget": "75", "split": "no"}
    first = client.get(page(count.edition.slug), query).context["what_if"]
    engine._instances.clear()

    second = client.get(page(count.edition.slug), query).context["what_if"]

    assert not engine._instances
    assert second == first


def test_the_page_says_the_official_result_stays_the_official_one(client: Client, count: Count) -> None:
    html = client.get(
        page(count.edition.slug), {"rule": "greedy", "budget": "100", "split": "yes"}
    ).content.decode()
    english = client.get(page(count.edition.slug, "en"), {"rule": "greedy", "budget": "100", "split": "yes"})

    assert "Alleen ter informatie. De officiële uitslag" in html
    assert "For information only. The official result" in english.content.decode()


def test_without_options_the_page_shows_the_form_only(client: Client, count: Count) -> None:
    response = client.get(page(count.edition.slug))

    assert response.status_code == 200
    assert "what_if" not in response.context
    assert 'name="rule"' in response.content.decode()


def test_before_publication_there_is_no_what_if_and_no_pooled_file(client: Client) -> None:
    edition, _ = make_closed_vote(choices=[[0]] * 3)

    assert client.get(page(edition.slug)).status_code == 404
    assert client.get(reverse("outcomes:what_if_pooled", kwargs={"slug": edition.slug})).status_code == 404


def test_the_results_page_form_offers_exactly_the_forms_choices(count: Count) -> None:
    html = render_to_string(
        "outcomes/whatif/_form.html", {"edition": count.edition, "result": result_of(count)}
    )

    offered = {
        name: set(re.findall(rf'name="{name}" value="([^"]+)"', html)) for name in ("rule", "budget", "split")
    }
    fields = WhatIfForm().fields
    for name in ("rule", "budget", "split"):
        field = fields[name]
        assert isinstance(field, forms.ChoiceField)
        choices = cast(list[tuple[Any, Any]], field.choices)
        assert offered[name] == {str(value) for value, _label in choices}
    assert offered["rule"] == {o.value for o in RULE_OPTIONS}
    assert offered["budget"] == {str(p) for p, _ in BUDGET_OPTIONS}
    assert 'method="get"' in html
    assert reverse("outcomes:what_if", kwargs={"slug": count.edition.slug}) in html
    # The official rule is Equal Shares: the form starts at another rule, the same budget, the split.
    assert re.search(r'value="greedy"[^>]*checked', html)
    assert re.search(r'value="100"[^>]*checked', html)
    assert re.search(r'value="yes"[^>]*checked', html)


def test_after_the_task_counted_every_what_if_each_one_answers_from_the_cache(
    client: Client, count: Count
) -> None:
    from outcomes.whatif.tasks import precompute_what_ifs

    result = precompute_what_ifs.enqueue(count.pk)
    engine._instances.clear()

    assert result.return_value == 4 * 5 * 2  # rules × budgets × with and without the split
    for rule in ("greedy", "mes", "mes-only", "phragmen"):
        response = client.get(page(count.edition.slug), {"rule": rule, "budget": "125", "split": "no"})
        assert response.status_code == 200
    assert not engine._instances  # no file was read again


@pytest.mark.parametrize(
    "fields",
    [
        {"ballot_format": "ranking", "choices": [[3, 0, 1], [3, 2], [0, 3]]},
        {"ballot_format": "cumulative", "cumulative": [[(0, 7), (3, 3)], [(1, 10)], [(0, 5), (2, 5)]]},
    ],
)
def test_ranking_and_points_ballots_are_counted_or_refused_with_a_message(
    client: Client, tmp_path: Path, fields: dict[str, Any]
) -> None:
    edition, _ = make_closed_vote(aggregation_rule="greedy", ballot_points=10, **fields)
    make_count(edition=edition)

    for rule in (o.value for o in RULE_OPTIONS):
        response = client.get(page(edition.slug), {"rule": rule, "budget": "100", "split": "yes"})
        assert response.status_code in (200, 400), rule
        if response.status_code == 400:
            assert "Met deze regel kunnen we dit soort stembiljet niet tellen" in response.content.decode()
        else:
            (part,) = response.context["what_if"].parts
            assert set(pbrules_answer(client, tmp_path, part.file_url, part.command)) == chosen_in(part)
