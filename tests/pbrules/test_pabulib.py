"""Tests for pbrules.pabulib: parsing, writing, round trips and error messages."""

from __future__ import annotations

import gzip
import io
import time
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pbstrategies import elections

from pbrules.instance import to_instance
from pbrules.model import Instance
from pbrules.pabulib import (
    PabulibError,
    election_to_text,
    format_amount,
    parse_election,
    parse_instance,
    read_election,
    read_instance,
    write_election,
)

SMALL = '''META
key;value
description;A small test; with a semicolon in quotes
budget;100.5
vote_type;approval
PROJECTS
project_id;cost;name;category;votes
1;50;Park, big;green,sport;2
2;30.25;"Say ""hi""";culture;1
10;0;Free;green;0
VOTES
voter_id;vote;age
a;1,2;30
b;1;
c;;41
'''


POINTS_HEAD = "META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\n"


def _same_instance(a: Instance, b: Instance) -> None:
    assert a.project_ids == b.project_ids
    assert a.budget == b.budget and a.scale == b.scale
    for field in ("costs", "indptr", "indices", "scores", "weights"):
        assert np.array_equal(getattr(a, field), getattr(b, field)), field


def test_small_file_is_parsed_exactly() -> None:
    e = parse_election(SMALL)
    assert e.vote_type == "approval"
    assert e.budget == Fraction(201, 2)
    assert [p.project_id for p in e.projects] == ["1", "2", "10"]
    assert e.projects[0].name == "Park, big" and e.projects[0].categories == ("green", "sport")
    assert e.projects[1].name == 'Say "hi"' and e.projects[1].cost == Fraction(121, 4)
    assert e.projects[0].extra == (("votes", "2"),)
    assert [b.project_ids for b in e.ballots] == [("1", "2"), ("1",), ()]
    assert e.ballots[0].extra == (("age", "30"),)


def test_amounts_are_scaled_to_integers() -> None:
    inst = parse_instance(SMALL)
    assert inst.scale == 4
    assert inst.budget == 402 and inst.costs.tolist() == [200, 121, 0]
    assert inst.num_voters == 3  # the empty ballot counts


def test_bom_crlf_and_gzip_are_read() -> None:
    data = ("\ufeff" + SMALL).replace("\n", "\r\n").encode()
    assert read_election(data) == parse_election(SMALL)
    assert read_election(io.BytesIO(gzip.compress(data))) == parse_election(SMALL)


def test_choose_1_is_read_as_approval_and_ordinal_as_borda() -> None:
    text = SMALL.replace("vote_type;approval", "vote_type;ordinal").replace("a;1,2;30", "a;2,1,10;30")
    inst = parse_instance(text)
    first = (
        inst.indices[inst.indptr[0] : inst.indptr[1]].tolist(),
        inst.scores[inst.indptr[0] : inst.indptr[1]].tolist(),
    )
    assert first == ([0, 1], [1, 2])  # "2" ranked first gets 2, "1" gets 1, last-ranked "10" gets 0
    one = SMALL.replace("vote_type;approval", "vote_type;choose-1").replace("a;1,2;30", "a;2;30")
    assert parse_instance(one).scores.tolist() == [1, 1]


def test_cumulative_points_are_kept_and_weighted() -> None:
    text = SMALL.replace("vote_type;approval", "vote_type;cumulative").replace(
        "voter_id;vote;age\na;1,2;30\nb;1;\nc;;41", "voter_id;vote;points\na;1,2;3,1\nb;1;4\nc;;"
    )
    e = parse_election(text)
    assert e.ballots[0].points == (Fraction(3), Fraction(1))
    inst = to_instance(e)
    assert inst.scores.tolist() == [3, 1, 4]


def test_budget_below_every_cost_is_valid() -> None:
    inst = parse_instance(SMALL.replace("budget;100.5", "budget;1"))
    assert inst.budget == 4


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("", "empty", None),
        ("META\nkey;value\nbudget;1\nvote_type;approval\nVOTES\nvoter_id;vote\n", "section-order", 5),
        (
            "META\nkey;value\nbudget;1\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\n",
            "missing-section",
            None,
        ),
        (SMALL.replace("vote_type;approval", "vote_type;borda"), "unknown-vote-type", 5),
        (SMALL.replace("1;50;Park", "1;-50;Park"), "negative-cost", 8),
        (SMALL.replace("10;0;Free", "1;0;Free"), "duplicate-project", 10),
        (SMALL.replace("b;1;", "b;1,7;"), "unknown-project", 14),
        (SMALL.replace("c;;41", "a;;41"), "duplicate-voter", 15),
        (SMALL.replace("1;50;Park", "1;fifty;Park"), "bad-number", 8),
        (SMALL.replace("b;1;", "b;1"), "bad-row", 14),
        (SMALL.replace("budget;100.5\n", ""), "missing-meta", None),
        (SMALL.replace("project_id;cost", "id;cost"), "missing-column", 7),
        ("project_id;cost\n", "missing-section", 1),
    ],
)
def test_malformed_files_name_line_and_problem(text: str, code: str, line: int | None) -> None:
    with pytest.raises(PabulibError) as info:
        parse_election(text)
    assert info.value.code == code
    assert info.value.line == line
    if line is not None:
        assert str(info.value).startswith(f"line {line}: ")
    with pytest.raises(PabulibError):
        parse_instance(text)


def test_points_must_match_the_vote() -> None:
    text = POINTS_HEAD + "1;5\n2;5\nVOTES\nvoter_id;vote;points\n1;1,2;3\n"
    with pytest.raises(PabulibError, match="line 11: 1 points for 2 projects") as info:
        parse_election(text)
    assert info.value.code == "points-mismatch"


def test_fractional_points_read_as_an_election_but_not_as_an_instance() -> None:
    text = POINTS_HEAD + "1;5\nVOTES\nvoter_id;vote;points\n1;1;1.5\n"
    assert parse_election(text).ballots[0].points == (Fraction(3, 2),)
    with pytest.raises(PabulibError, match="line 10: points must be non-negative integers") as info:
        parse_instance(text)
    assert info.value.code == "bad-points"


def test_cumulative_file_without_points_column_is_an_error() -> None:
    text = POINTS_HEAD + "1;5\nVOTES\nvoter_id;vote\n1;1\n"
    with pytest.raises(PabulibError, match="no 'points' column"):
        parse_election(text)


def test_zero_cost_projects_are_allowed() -> None:
    assert parse_election(SMALL).projects[2].cost == 0


def test_duplicate_project_in_a_ballot_follows_pabutools() -> None:
    text = POINTS_HEAD + "1;5\nVOTES\nvoter_id;vote;points\n1;1,1;3,2\n"
    assert parse_instance(text).scores.tolist() == [2]  # the last points win, as in pabutools' dict ballot


@pytest.mark.parametrize("value", ["0", "7", "1/3", "12.5", "0.001", "-2.75"])
def test_amount_formatting_round_trips(value: str) -> None:
    assert Fraction(format_amount(Fraction(value))) == Fraction(value)


@pytest.mark.parametrize("vote_type", ["approval", "ordinal", "cumulative"])
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_random_elections_round_trip(vote_type: str, data: st.DataObject) -> None:
    election = data.draw(elections(vote_type=vote_type))
    text = election_to_text(election)
    assert parse_election(text) == election
    _same_instance(parse_instance(text), to_instance(election))


def test_write_to_gz_path(tmp_path: Path) -> None:
    e = parse_election(SMALL)
    write_election(e, tmp_path / "x.pb.gz")
    assert read_election(tmp_path / "x.pb.gz") == e


def test_every_shared_file_round_trips(pabulib_file: Path) -> None:
    e = read_election(pabulib_file)
    again = parse_election(election_to_text(e))
    assert again == e
    _same_instance(read_instance(pabulib_file), to_instance(e))
    assert e.meta_value("num_projects") in ("", str(len(e.projects)))


def test_the_largest_file_reads_fast(pabulib_dir: Path) -> None:
    path = pabulib_dir / "Poland_Wroclaw_2015_150_-_500.pb"
    if not path.exists():
        pytest.skip("Wrocław file absent")
    best = min(_timed(path) for _ in range(3))
    assert best < 1.0, f"read_instance took {best:.2f}s of CPU"


def _timed(path: Path) -> float:
    start = time.process_time()  # CPU time: other jobs on a shared CI machine disturb it less
    read_instance(path)
    return time.process_time() - start
