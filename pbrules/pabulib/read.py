"""pabulib files, part 2: the VOTES section, into an Election or straight into a grouped Instance."""

from __future__ import annotations

import gc
import operator
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from fractions import Fraction
from typing import cast

from pbrules.model import Ballot, Election, Instance, Project, VoteType
from pbrules.pabulib.sections import (
    PabulibError,
    Source,
    _budget,
    _column,
    _parse_number,
    _projects,
    _Sections,
    _sections,
    _vote_rows,
    _vote_type,
    read_text,
)


def _ballot_ids(vote: str) -> list[str]:
    if not vote:
        return []
    ids = vote.split(",")
    return [v.strip() for v in ids] if " " in vote or "\t" in vote else ids


def _check_ballot(
    ids: list[str], points: str | None, known: dict[str, int], line: int
) -> list[Fraction] | None:
    for pid in ids:
        if pid not in known:
            raise PabulibError(f"ballot names unknown project {pid!r}", line, "unknown-project")
    if points is None:
        return None
    values = [_parse_number(p, "points", line) for p in points.split(",")] if points.strip() else []
    if len(values) != len(ids):
        raise PabulibError(
            f"{len(values)} points for {len(ids)} projects in the vote", line, "points-mismatch"
        )
    return values


class _VoteReader:
    """Column positions and checks of the VOTES section, shared by both readers."""

    def __init__(self, s: _Sections, vote_type: VoteType, projects: tuple[Project, ...]) -> None:
        header, hline = s.vote_header, s.vote_header_line
        if not header:
            raise PabulibError("VOTES section has no header row", None, "missing-header")
        self.width = len(header)
        self.voter_col = _column(header, "voter_id", "VOTES", hline)
        self.vote_col = _column(header, "vote", "VOTES", hline)
        needs_points = vote_type in ("cumulative", "scoring")
        self.points_col = _column(header, "points", "VOTES", hline, needs_points) if needs_points else -1
        self.known = {p.project_id: i for i, p in enumerate(projects)}

    @staticmethod
    def check_voters(voters: list[str], numbers: list[int]) -> None:
        """Duplicate voter ids are an error (voter_id is the ballot's key); the message names both lines."""
        if len(set(voters)) == len(voters):
            return
        first: dict[str, int] = {}
        for voter, number in zip(voters, numbers, strict=True):
            if voter in first:
                raise PabulibError(
                    f"duplicate voter id {voter!r} (first on line {first[voter]})", number, "duplicate-voter"
                )
            first[voter] = number


_EDGE_SPACE = re.compile(r"(?:^|;)\s|\s(?:;|$)")


def _picker(indices: list[int]) -> Callable[[list[str]], tuple[str, ...]]:
    """A fast function returning the fields at ``indices`` as a tuple."""
    if not indices:
        return lambda fields: ()
    if len(indices) == 1:
        only = indices[0]
        return lambda fields: (fields[only],)
    getter = operator.itemgetter(*indices)
    return lambda fields: cast(tuple[str, ...], getter(fields))


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: parsing allocates many small acyclic objects, and the
    collector's repeated passes over them cost a third of the time on the largest files."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_election(text: str) -> Election:
    """Parse the text of a pabulib file into an :class:`Election` (every column kept)."""
    with _no_gc():
        return _parse_election(text)


def _parse_election(text: str) -> Election:
    s = _sections(text)
    vote_type, budget = _vote_type(s), _budget(s)
    projects = _projects(s)
    reader = _VoteReader(s, vote_type, projects)
    header = s.vote_header
    vc, pc, ic = reader.vote_col, reader.points_col, reader.voter_col
    extra_cols = [(i, c) for i, c in enumerate(header) if i not in (vc, pc, ic)]
    names = tuple(c for _, c in extra_cols)
    pick = _picker([i for i, _ in extra_cols])
    ballots: list[Ballot] = []
    voters: list[str] = []
    numbers: list[int] = []
    parsed: dict[tuple[str, str], tuple[tuple[str, ...], tuple[Fraction, ...] | None]] = {}
    for number, fields in _vote_rows(s, reader.width):
        key = (fields[vc], fields[pc] if pc >= 0 else "")
        done = parsed.get(key)
        if done is None:
            ids = _ballot_ids(key[0])
            pts = _check_ballot(ids, key[1] if pc >= 0 else None, reader.known, number)
            done = parsed[key] = (tuple(ids), None if pts is None else tuple(pts))
        voter = fields[ic].strip()
        voters.append(voter)
        numbers.append(number)
        values = pick(fields)
        if _EDGE_SPACE.search(";".join(values)):
            values = tuple(v.strip() for v in values)
        ballots.append(Ballot(voter, done[0], done[1], tuple(zip(names, values, strict=True))))
    reader.check_voters(voters, numbers)
    return Election(
        meta=tuple(s.meta),
        projects=projects,
        ballots=tuple(ballots),
        vote_type=vote_type,
        budget=budget,
        project_columns=tuple(s.project_header),
        vote_columns=tuple(header),
    )


def read_election(source: Source) -> Election:
    """Read a pabulib file given as a path, an open file, bytes or its text (``.gz`` is detected)."""
    return parse_election(read_text(source))


def parse_instance(text: str) -> Instance:
    """Parse straight into the grouped numeric :class:`Instance`, without per-ballot objects."""
    with _no_gc():
        return _parse_instance(text)


def _parse_instance(text: str) -> Instance:
    from pbrules.instance import build_approval_instance, build_instance

    s = _sections(text)
    vote_type, budget = _vote_type(s), _budget(s)
    projects = _projects(s)
    reader = _VoteReader(s, vote_type, projects)
    groups: dict[tuple[str, str], list[int]] = {}
    vc, pc, ic = reader.vote_col, reader.points_col, reader.voter_col
    voters: list[str] = []
    numbers: list[int] = []
    for number, fields in _vote_rows(s, reader.width):
        voters.append(fields[ic].strip())
        numbers.append(number)
        key = (fields[vc], fields[pc] if pc >= 0 else "")
        entry = groups.get(key)
        if entry is None:
            groups[key] = [1, number]
        else:
            entry[0] += 1
    reader.check_voters(voters, numbers)
    if pc < 0 and vote_type in ("approval", "choose-1"):
        fast = build_approval_instance(
            [p.project_id for p in projects],
            [p.cost for p in projects],
            budget,
            vote_type,
            [vote for vote, _ in groups],
            [count for count, _ in groups.values()],
            reader.known,
        )
        if fast is not None:
            return fast
    rows: list[tuple[list[int], list[Fraction] | None, int]] = []
    for (vote, pts_raw), (count, number) in groups.items():
        ids = _ballot_ids(vote)
        pts = _check_ballot(ids, pts_raw if pc >= 0 else None, reader.known, number)
        if pts is not None and any(x.denominator != 1 or x < 0 for x in pts):
            raise PabulibError("points must be non-negative integers for the rules", number, "bad-points")
        rows.append(([reader.known[i] for i in ids], pts, count))
    return build_instance(
        [p.project_id for p in projects], [p.cost for p in projects], budget, vote_type, rows
    )


def read_instance(source: Source) -> Instance:
    """Read a pabulib file (path, file, bytes or text) directly into a grouped :class:`Instance`."""
    return parse_instance(read_text(source))
