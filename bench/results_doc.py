"""Where a benchmark's table goes: between its markers in docs/benchmarks.md, or a new section."""

from __future__ import annotations

from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"


def put_table(
    table: str, *, start: str, end: str, heading: str, before: str | None = None, doc: Path = DOC
) -> None:
    """Replace what stands between ``start`` and ``end`` in ``doc`` with ``table`` (which carries the
    markers); without the markers, add a section ``heading`` with it before the heading ``before``
    (or at the end)."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + table + rest.split(end, 1)[1]
    else:
        section = f"\n## {heading}\n\n{table}\n"
        marker = f"\n## {before}" if before else None
        if marker and marker in text:
            text = text.replace(marker, section + marker, 1)
        else:
            text = text.rstrip() + "\n" + section
    doc.write_text(text, encoding="utf-8")
