"""What the report is made of, for the page and the PDF alike: parts, blocks (one per figure anchor),
charts, tables and facts, all already written out in the active language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ui.charts import BarChart


@dataclass(frozen=True)
class Table:
    caption: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]


@dataclass(frozen=True)
class Fact:
    """One figure written out, with how it is computed where that needs saying."""

    label: str
    value: str
    explanation: str = ""


@dataclass(frozen=True)
class Block:
    """One figure of the report: its anchor (a lesson's evidence points at it) and its content.

    ``notes`` say what is missing or suppressed; ``empty`` when there is nothing to show at all.
    """

    anchor: str
    title: str
    charts: Sequence[BarChart] = ()
    tables: Sequence[Table] = ()
    facts: Sequence[Fact] = ()
    notes: Sequence[str] = ()
    explanation: str = ""

    @property
    def empty(self) -> bool:
        return not (self.charts or self.tables or self.facts)


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    blocks: Sequence[Block] = field(default_factory=tuple)
