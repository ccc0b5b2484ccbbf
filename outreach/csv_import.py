"""Reading an uploaded CSV file: all or nothing, the first bad line named (address lists, registers, pools).

A file is UTF-8 text (a byte-order mark allowed), separated by commas or semicolons, with a header
naming the columns in English or Dutch; each column has aliases. Every line is checked before a
service writes anything, and the whole file is refused at the first bad line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import IO, Any

from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

from .errors import CsvImportError

MAX_FILE_BYTES = 20 * 1024 * 1024

Row = dict[str, str]


def _format(text: Promise | str, params: Mapping[str, Any]) -> str:
    return str(text) % params if params else str(text)


# A problem's text stays lazy, so the message is built in the language of whoever reads it.
lazy_format = lazy(_format, str)


def bad_row(line: int, problem: Promise | str, **params: Any) -> CsvImportError:
    return CsvImportError("bad_row", line=line, problem=lazy_format(problem, params))


def read_csv(
    file: IO[bytes] | bytes,
    columns: Mapping[str, tuple[str, ...]],
    *,
    optional: Mapping[str, tuple[str, ...]] | None = None,
) -> list[tuple[int, Row]]:
    """(line number, {column: stripped value}) for every non-empty line after the header.

    Every one of ``columns`` must be in the header and filled on every line; an ``optional`` column
    may be absent or empty (it reads as "").
    """
    raw = file if isinstance(file, bytes) else file.read(MAX_FILE_BYTES + 1)
    if not raw.strip():
        raise CsvImportError("empty_file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvImportError("not_text") from None
    if "\x00" in text:
        raise CsvImportError("not_text")
    header_line = text.splitlines()[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [" ".join(name.strip().casefold().split()) for name in next(reader)]
    positions: dict[str, int] = {}
    for column, aliases in columns.items():
        found = next((i for i, name in enumerate(header) if name in aliases), None)
        if found is not None:
            positions[column] = found
    missing = [column for column in columns if column not in positions]
    if missing:
        raise CsvImportError("missing_columns", columns=", ".join(columns), missing=", ".join(missing))
    extra: dict[str, int] = {}
    for column, aliases in (optional or {}).items():
        found = next((i for i, name in enumerate(header) if name in aliases), None)
        if found is not None:
            extra[column] = found
    rows: list[tuple[int, Row]] = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        line = reader.line_num
        values = {column: cells[i].strip() if i < len(cells) else "" for column, i in positions.items()}
        empty = [column for column, value in values.items() if not value]
        if empty:
            raise bad_row(line, _("the field “%(field)s” is empty."), field=empty[0])
        values.update({column: cells[i].strip() if i < len(cells) else "" for column, i in extra.items()})
        rows.append((line, values))
    if not rows:
        raise CsvImportError("empty_file")
    return rows
