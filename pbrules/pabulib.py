"""Read and write pabulib ``.pb`` files (META, PROJECTS, VOTES), exactly and fast."""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import IO, cast

from pbrules.model import Ballot, Election, Instance, Project, VoteType

VOTE_TYPES: tuple[VoteType, ...] = ("approval", "choose-1", "cumulative", "scoring", "ordinal")
SECTIONS = ("meta", "projects", "votes")
Source = str | bytes | Path | IO[str] | IO[bytes]


class PabulibError(ValueError):
    """A malformed pabulib file; ``line`` (1-based, or None) and ``code`` say where and what."""

    def __init__(self, problem: str, line: int | None = None, code: str = "invalid") -> None:
        self.problem = problem
        self.line = line
        self.code = code
        super().__init__(f"line {line}: {problem}" if line is not None else problem)


@dataclass
class _Row:
    line: int
    fields: list[str]


def _split(line: str, number: int) -> list[str]:
    if '"' not in line:
        return [f.strip() for f in line.split(";")]
    try:
        rows = list(csv.reader([line], delimiter=";", strict=True))
    except csv.Error as exc:
        raise PabulibError(f"bad quoting: {exc}", number, "bad-quoting") from None
    return [f.strip() for f in rows[0]] if rows else []


def read_text(source: Source) -> str:
    """The decoded text of a path, open file, bytes or literal text (gzip detected by its magic bytes)."""
    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and source.strip()):
        with open(source, "rb") as fh:
            data: bytes | str = fh.read()
    elif isinstance(source, str | bytes):
        data = source
    else:
        data = cast(IO[bytes] | IO[str], source).read()
    if isinstance(data, bytes):
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PabulibError(f"not UTF-8 text (byte {exc.start})", None, "encoding") from None
    return data[1:] if data.startswith("\ufeff") else data


def _parse_number(text: str, what: str, line: int) -> Fraction:
    try:
        return Fraction(text.replace(",", ".").strip())
    except (ValueError, ZeroDivisionError):
        raise PabulibError(f"{what} {text!r} is not a number", line, "bad-number") from None


@dataclass
class _Sections:
    meta: list[tuple[str, str]]
    meta_line: dict[str, int]
    project_header: list[str]
    projects: list[_Row]
    vote_header: list[str]
    vote_header_line: int
    lines: list[str]
    votes_start: int


def _sections(text: str) -> _Sections:
    """Split the file into its sections; the VOTES rows are left as raw lines (read later, fast)."""
    if not text.strip():
        raise PabulibError("empty file", None, "empty")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    current = ""
    seen: list[str] = []
    header: list[str] | None = None
    out = _Sections([], {}, [], [], [], 0, lines, len(lines))
    for index, line in enumerate(lines):
        number = index + 1
        if not line.strip():
            continue
        if ";" not in line and line.strip().lower() in SECTIONS:
            name = line.strip().lower()
            expected = SECTIONS[len(seen)] if len(seen) < 3 else None
            if name != expected:
                problem = f"section {name.upper()} appears twice" if name in seen else None
                raise PabulibError(
                    problem or f"section {name.upper()} before {str(expected).upper()}", number, "section-order"
                )
            seen.append(name)
            current, header = name, None
            continue
        if not current:
            raise PabulibError("the file must start with META", number, "missing-section")
        if header is None:
            header = _split(line, number)
            if current == "projects":
                out.project_header = header
            elif current == "votes":
                out.vote_header, out.vote_header_line = header, number
                out.votes_start = index + 1
                break
            continue
        fields = _split(line, number)
        if current == "meta":
            if len(fields) < 2:
                raise PabulibError("META rows need 'key;value'", number, "bad-meta")
            out.meta.append((fields[0], ";".join(fields[1:])))
            out.meta_line[fields[0]] = number
        else:
            out.projects.append(_Row(number, fields))
    for name in SECTIONS:
        if name not in seen:
            raise PabulibError(f"missing section {name.upper()}", None, "missing-section")
    if not out.projects:
        raise PabulibError("PROJECTS section lists no project", None, "no-projects")
    return out


def _vote_rows(s: _Sections, width: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each VOTES row; fields are not stripped (callers strip what they use)."""
    lines = s.lines
    for index in range(s.votes_start, len(lines)):
        line = lines[index]
        fields = line.split(";") if '"' not in line else _split(line, index + 1)
        if len(fields) != width:
            if not line.strip():
                continue
            if line.strip().lower() in SECTIONS:
                raise PabulibError(f"section {line.strip().upper()} after VOTES", index + 1, "section-order")
            raise PabulibError(f"vote row has {len(fields)} fields, the header has {width}", index + 1, "bad-row")
        yield index + 1, fields


def _meta_get(s: _Sections, key: str) -> str | None:
    for k, v in s.meta:
        if k == key:
            return v
    return None


def _vote_type(s: _Sections) -> VoteType:
    raw = _meta_get(s, "vote_type")
    if raw is None:
        raise PabulibError("META has no vote_type", None, "missing-meta")
    value = raw.strip().lower()
    if value not in VOTE_TYPES:
        raise PabulibError(f"unknown vote_type {raw!r}", s.meta_line.get("vote_type"), "unknown-vote-type")
    return cast(VoteType, value)


def _budget(s: _Sections) -> Fraction:
    raw = _meta_get(s, "budget")
    if raw is None:
        raise PabulibError("META has no budget", None, "missing-meta")
    budget = _parse_number(raw, "budget", s.meta_line["budget"])
    if budget < 0:
        raise PabulibError("budget is negative", s.meta_line["budget"], "negative-budget")
    return budget


def _column(header: list[str], name: str, section: str, line: int | None, required: bool = True) -> int:
    if name in header:
        return header.index(name)
    if required:
        raise PabulibError(f"{section} header has no '{name}' column", line, "missing-column")
    return -1


def _projects(s: _Sections) -> tuple[Project, ...]:
    header = s.project_header
    first = s.projects[0].line - 1
    id_col = _column(header, "project_id", "PROJECTS", first)
    cost_col = _column(header, "cost", "PROJECTS", first)
    name_col = _column(header, "name", "PROJECTS", first, False)
    special = {"project_id", "cost", "name", "category", "categories", "target", "targets"}
    projects: list[Project] = []
    seen: dict[str, int] = {}
    for row in s.projects:
        fields = row.fields
        if len(fields) != len(header):
            raise PabulibError(
                f"project row has {len(fields)} fields, the header has {len(header)}", row.line, "bad-row"
            )
        pid = fields[id_col]
        if not pid:
            raise PabulibError("empty project_id", row.line, "bad-project-id")
        if pid in seen:
            raise PabulibError(
                f"duplicate project id {pid!r} (first on line {seen[pid]})", row.line, "duplicate-project"
            )
        seen[pid] = row.line
        cost = _parse_number(fields[cost_col], "cost", row.line)
        if cost < 0:
            raise PabulibError(f"project {pid!r} has a negative cost", row.line, "negative-cost")
        cats: tuple[str, ...] = ()
        targets: tuple[str, ...] = ()
        extra: list[tuple[str, str]] = []
        for col, value in zip(header, fields):
            if col in ("category", "categories"):
                cats = tuple(c.strip() for c in value.split(",") if c.strip())
            elif col in ("target", "targets"):
                targets = tuple(t.strip() for t in value.split(",") if t.strip())
            elif col not in special:
                extra.append((col, value))
        name = fields[name_col] if name_col >= 0 else ""
        projects.append(Project(pid, cost, name, cats, targets, tuple(extra)))
    return tuple(projects)


def _ballot_ids(vote: str) -> list[str]:
    if not vote:
        return []
    ids = vote.split(",")
    return [v.strip() for v in ids] if " " in vote or "\t" in vote else ids


def _check_ballot(
    ids: list[str], points: str | None, known: dict[str, int], line: int, vote_type: VoteType
) -> list[Fraction] | None:
    for pid in ids:
        if pid not in known:
            raise PabulibError(f"ballot names unknown project {pid!r}", line, "unknown-project")
    if vote_type == "choose-1" and len(set(ids)) > 1:
        raise PabulibError(f"choose-1 ballot names {len(ids)} projects", line, "choose-1-length")
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
        for voter, number in zip(voters, numbers):
            if voter in first:
                raise PabulibError(
                    f"duplicate voter id {voter!r} (first on line {first[voter]})", number, "duplicate-voter"
                )
            first[voter] = number


def parse_election(text: str) -> Election:
    """Parse the text of a pabulib file into an :class:`Election` (every column kept)."""
    s = _sections(text)
    vote_type, budget = _vote_type(s), _budget(s)
    projects = _projects(s)
    reader = _VoteReader(s, vote_type, projects)
    header = s.vote_header
    vc, pc, ic = reader.vote_col, reader.points_col, reader.voter_col
    extra_cols = [(i, c) for i, c in enumerate(header) if i not in (vc, pc, ic)]
    ballots: list[Ballot] = []
    voters: list[str] = []
    numbers: list[int] = []
    parsed: dict[tuple[str, str], tuple[tuple[str, ...], tuple[Fraction, ...] | None]] = {}
    for number, fields in _vote_rows(s, reader.width):
        key = (fields[vc], fields[pc] if pc >= 0 else "")
        done = parsed.get(key)
        if done is None:
            ids = _ballot_ids(key[0])
            pts = _check_ballot(ids, key[1] if pc >= 0 else None, reader.known, number, vote_type)
            done = parsed[key] = (tuple(ids), None if pts is None else tuple(pts))
        voter = fields[ic].strip()
        voters.append(voter)
        numbers.append(number)
        extra = tuple((c, fields[i].strip()) for i, c in extra_cols)
        ballots.append(Ballot(voter, done[0], done[1], extra))
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
    from pbrules.instance import build_instance

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
    rows: list[tuple[list[int], list[Fraction] | None, int]] = []
    for (vote, pts_raw), (count, number) in groups.items():
        ids = _ballot_ids(vote)
        pts = _check_ballot(ids, pts_raw if pc >= 0 else None, reader.known, number, vote_type)
        rows.append(([reader.known[i] for i in ids], pts, count))
    return build_instance([p.project_id for p in projects], [p.cost for p in projects], budget, vote_type, rows)


def read_instance(source: Source) -> Instance:
    """Read a pabulib file (path, file, bytes or text) directly into a grouped :class:`Instance`."""
    return parse_instance(read_text(source))


def format_amount(value: Fraction) -> str:
    """An exact amount as text: an integer, a terminating decimal, or ``p/q``."""
    if value.denominator == 1:
        return str(value.numerator)
    d = value.denominator
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return f"{value.numerator}/{value.denominator}"
    digits = max(twos, fives)
    scaled = value * 10**digits
    sign = "-" if scaled < 0 else ""
    whole = str(abs(scaled.numerator))
    whole = whole.rjust(digits + 1, "0")
    return f"{sign}{whole[:-digits]}.{whole[-digits:]}"


def _project_row(p: Project, columns: tuple[str, ...]) -> list[str]:
    extra = dict(p.extra)
    out: list[str] = []
    for col in columns:
        if col == "project_id":
            out.append(p.project_id)
        elif col == "cost":
            out.append(format_amount(p.cost))
        elif col == "name":
            out.append(p.name)
        elif col in ("category", "categories"):
            out.append(",".join(p.categories))
        elif col in ("target", "targets"):
            out.append(",".join(p.targets))
        else:
            out.append(extra.get(col, ""))
    return out


def _ballot_row(b: Ballot, columns: tuple[str, ...]) -> list[str]:
    extra = dict(b.extra)
    out: list[str] = []
    for col in columns:
        if col == "voter_id":
            out.append(b.voter_id)
        elif col == "vote":
            out.append(",".join(b.project_ids))
        elif col == "points" and b.points is not None:
            out.append(",".join(format_amount(x) for x in b.points))
        else:
            out.append(extra.get(col, ""))
    return out


def write_election(election: Election, file: IO[str] | str | Path) -> None:
    """Write ``election`` in pabulib format to an open text file or a path (``.gz`` paths are gzipped)."""
    if isinstance(file, str | Path):
        path = Path(file)
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "wt", encoding="utf-8", newline="") as fh:
            write_election(election, cast(IO[str], fh))
        return
    writer = csv.writer(file, delimiter=";", lineterminator="\n")
    meta = list(election.meta)
    keys = {k for k, _ in meta}
    if "vote_type" not in keys:
        meta.append(("vote_type", election.vote_type))
    if "budget" not in keys:
        meta.append(("budget", format_amount(election.budget)))
    file.write("META\n")
    writer.writerow(["key", "value"])
    writer.writerows(meta)
    pcols = election.project_columns or ("project_id", "cost", "name")
    file.write("PROJECTS\n")
    writer.writerow(pcols)
    writer.writerows(_project_row(p, pcols) for p in election.projects)
    vcols = election.vote_columns or (
        ("voter_id", "vote", "points")
        if election.vote_type in ("cumulative", "scoring")
        else ("voter_id", "vote")
    )
    file.write("VOTES\n")
    writer.writerow(vcols)
    writer.writerows(_ballot_row(b, vcols) for b in election.ballots)


def election_to_text(election: Election) -> str:
    """The pabulib text of ``election``."""
    buffer = io.StringIO()
    write_election(election, buffer)
    return buffer.getvalue()
