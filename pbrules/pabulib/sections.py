"""pabulib files, part 1: errors, decoding, and the META and PROJECTS sections."""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import IO

from pbrules.model import Project, VoteType

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
        data = source.read()
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
                    problem or f"section {name.upper()} before {str(expected).upper()}",
                    number,
                    "section-order",
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
            raise PabulibError(
                f"vote row has {len(fields)} fields, the header has {width}", index + 1, "bad-row"
            )
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
    return value


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
        for col, value in zip(header, fields, strict=True):
            if col in ("category", "categories"):
                cats = tuple(c.strip() for c in value.split(",") if c.strip())
            elif col in ("target", "targets"):
                targets = tuple(t.strip() for t in value.split(",") if t.strip())
            elif col not in special:
                extra.append((col, value))
        name = fields[name_col] if name_col >= 0 else ""
        projects.append(Project(pid, cost, name, cats, targets, tuple(extra)))
    return tuple(projects)
