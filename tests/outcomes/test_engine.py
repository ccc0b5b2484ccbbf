"""The published outcome and the command line's are one shape (``pbrules.outcome_dict``): they agree."""

from __future__ import annotations

import json
import re
import shlex
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from pbrules.cli import main

from .factories import make_closed_vote, make_count

pytestmark = pytest.mark.django_db

EXACT = re.compile(r"-?\d+\.\d+|-?\d+/\d+")


def as_numbers(value: Any) -> Any:
    """The JSON with every exact amount text ("2.5", "1/3") read as the number the command line prints."""
    if isinstance(value, dict):
        return {key: as_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_numbers(item) for item in value]
    if isinstance(value, str) and EXACT.fullmatch(value):
        return float(Fraction(value))
    return value


def exact_texts(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in exact_texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in exact_texts(item)]
    return [value] if isinstance(value, str) and EXACT.fullmatch(value) else []


@pytest.mark.parametrize("rule", ["mes", "greedy"])
def test_the_published_outcome_is_what_the_published_command_prints_for_the_published_file(
    rule: str, client: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edition, _ = make_closed_vote(
        plan_costs=[4_000_001, 3_000_000, 2_000_003, 1_000_000],
        choices=[[0]] * 5 + [[1, 2]] * 3 + [[2, 3]] * 2 + [[0, 3]] * 2,
        aggregation_rule=rule,
    )
    make_count(edition=edition)
    published = json.loads(client.get(reverse("outcomes:result_json", args=[edition.slug])).content)
    (section,) = published["sections"]
    path = tmp_path / section["file"]
    path.write_bytes(client.get(reverse("outcomes:ballots", args=[edition.slug, section["key"]])).content)
    args = shlex.split(section["command"])
    assert args[:4] == ["python", "-m", "pbrules", section["file"]]

    assert main([str(path), *args[4:]]) == 0
    printed = json.loads(capsys.readouterr().out)

    assert printed == as_numbers(section["outcome"])
    assert printed["trace"] and printed["metrics"]
    if rule == "mes":  # the published outcome keeps exact amounts where the command line rounds
        assert exact_texts(section["outcome"])
