"""CSV for spreadsheets: every cell that a spreadsheet would read as a formula is neutralised.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula by
Excel, LibreOffice and Google Sheets (``=HYPERLINK(...)``, ``=cmd|...``), so a plan title typed by a
resident could act in an official's spreadsheet. Such a cell gets a leading apostrophe, which the
spreadsheet shows as text. Numbers stay numbers: an ``int``/``float``, or a string that is only a
number (``-12``, ``+3.5``), cannot be a formula. Every CSV writer of the app goes through ``writer``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def neutralise(value: object) -> object:
    """``value`` as a cell no spreadsheet runs: text that could start a formula gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` with every cell passed through ``neutralise``."""

    def __init__(self, out: _Writable, **options: Any) -> None:
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out: _Writable, **options: Any) -> SafeWriter:
    """A CSV writer for files a person may open in a spreadsheet (options as for ``csv.writer``)."""
    return SafeWriter(out, **options)
