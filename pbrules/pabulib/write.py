"""pabulib files, part 3: writing an Election back (round-trips with the reader)."""

from __future__ import annotations

import csv
import gzip
import io
from fractions import Fraction
from pathlib import Path
from typing import IO, cast

from pbrules.model import Ballot, Election, Project


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
