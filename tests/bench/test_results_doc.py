"""bench.results_doc.put_table: a benchmark's table replaces its own, or becomes a new section."""

from __future__ import annotations

from pathlib import Path

from bench.results_doc import put_table

START, END = "<!-- x:start -->", "<!-- x:end -->"


def test_the_table_between_the_markers_is_replaced_and_the_rest_kept(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# B\n\nBefore.\n{START}\nold\n{END}\nAfter.\n", encoding="utf-8")

    put_table(f"{START}\nnew\n{END}", start=START, end=END, heading="X", doc=doc)

    assert doc.read_text(encoding="utf-8") == f"# B\n\nBefore.\n{START}\nnew\n{END}\nAfter.\n"


def test_without_markers_a_section_goes_before_the_named_heading_or_at_the_end(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# B\n\n## Engine\n\nText.\n", encoding="utf-8")

    put_table(f"{START}\nt\n{END}", start=START, end=END, heading="X", before="Engine", doc=doc)
    put_table(
        "<!-- y:start -->\nu\n<!-- y:end -->",
        start="<!-- y:start -->",
        end="<!-- y:end -->",
        heading="Y",
        doc=doc,
    )

    text = doc.read_text(encoding="utf-8")
    assert text.index("## X") < text.index("## Engine") < text.index("## Y")
    assert text.endswith("## Y\n\n<!-- y:start -->\nu\n<!-- y:end -->\n")
