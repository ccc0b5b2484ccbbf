"""The learning report as a PDF for the council: the page's parts, charts drawn by ReportLab, tables,
the lessons; in the active language."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from xml.sax.saxutils import escape

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ui.charts import BarChart
from ui.charts.pdf import chart_drawing

from ..models import Lesson
from .blocks import Block, Part
from .blocks import Table as ReportTable
from .figures import anchor_title
from .municipality import running_note
from .selectors import EditionReport, MunicipalityReport

# The frame's width inside the margins, less its padding (6 points a side): what a flowable may take.
WIDTH = A4[0] - 36 * mm - 12
# The tallest piece of a chart drawing: half the frame's height, so that a long chart fills the pages
# it runs over instead of leaving the rest of a page blank.
CHART_HEIGHT = (A4[1] - 34 * mm - 12) / 2
STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=STYLES["BodyText"], fontSize=9.5, leading=12.5)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7.5, leading=9.5)
NOTE = ParagraphStyle("note", parent=BODY, textColor=colors.HexColor("#5a5a5a"), fontName="Helvetica-Oblique")
H1, H2, H3 = STYLES["Title"], STYLES["Heading1"], STYLES["Heading2"]
H4 = ParagraphStyle("h4", parent=STYLES["Heading3"], fontSize=10)


def _p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _table(table: ReportTable) -> list[Flowable]:
    rows = [[_p(h, SMALL) for h in table.headers], *([_p(c, SMALL) for c in row] for row in table.rows)]
    width = WIDTH / max(len(table.headers), 1)
    drawn = Table(rows, colWidths=[width] * len(table.headers), repeatRows=1)
    drawn.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef3")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#b0b0b0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [_p(table.caption, H4), drawn, Spacer(1, 4 * mm)]


def _page_sized(chart: BarChart) -> list[BarChart]:
    """``chart`` cut into charts of at most ``CHART_HEIGHT``, on one scale (the whole chart's), so that
    a long list (every neighbourhood of a city) runs on over the pages."""
    per_category = chart_drawing(
        replace(
            chart,
            categories=chart.categories[:1],
            series=[replace(s, values=s.values[:1]) for s in chart.series],
        ),
        width=WIDTH,
    ).height
    fits = max(1, int(CHART_HEIGHT // per_category))
    if len(chart.categories) <= fits:
        return [chart]
    return [
        replace(
            chart,
            categories=chart.categories[start : start + fits],
            series=[replace(s, values=s.values[start : start + fits]) for s in chart.series],
            scale_max=chart.largest,
        )
        for start in range(0, len(chart.categories), fits)
    ]


def _block(block: Block, lead: Sequence[Flowable] = ()) -> list[Flowable]:
    """The block's flowables, in groups kept together. Its heading (after ``lead``, a part's title) is
    kept with its first group (a chart piece is at most half a page, see ``_page_sized``), never alone
    at the foot of a page."""
    head: list[Flowable] = [*lead, _p(block.title, H3)]
    if block.explanation:
        head.append(_p(block.explanation, SMALL))
    groups: list[list[Flowable]] = []
    if block.facts:
        facts = Table(
            [[_p(f.label), _p(f.value)] for f in block.facts], colWidths=[WIDTH * 0.65, WIDTH * 0.35]
        )
        facts.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d0d0"))]))
        groups.append([facts, Spacer(1, 3 * mm)])
    for chart in block.charts:
        drawings = [chart_drawing(part, width=WIDTH) for part in _page_sized(chart)]
        groups.append([_p(chart.title, H4), drawings[0], *(_p(note, NOTE) for note in chart.notes)])
        groups += [[drawing] for drawing in drawings[1:]]
        groups[-1].append(Spacer(1, 3 * mm))
    groups += [_table(table) for table in block.tables]
    groups += [[_p(note, NOTE)] for note in block.notes]
    if not groups:
        return head
    groups[0] = [*head, *groups[0]]
    return [KeepTogether(group) for group in groups]


def _parts(parts: Sequence[Part]) -> list[Flowable]:
    out: list[Flowable] = []
    for part in parts:
        title = [_p(part.title, H2)]
        for index, block in enumerate(part.blocks):
            out += _block(block, title if index == 0 else ())
        if not part.blocks:
            out += title
    return out


def _lessons(lessons: Sequence[Lesson], *, with_edition: bool = False) -> list[Flowable]:
    out: list[Flowable] = [_p(_("Lessons"), H2)]
    if not lessons:
        out.append(_p(_("No lessons have been recorded yet."), NOTE))
    for number, lesson in enumerate(lessons, start=1):
        head = f"{number}. {lesson.edition.name}: " if with_edition else f"{number}. "
        out.append(_p(head + lesson.finding, H4))
        if lesson.evidence:
            out.append(_p(_("Evidence: %(figure)s") % {"figure": anchor_title(lesson.evidence)}, SMALL))
        out.append(_p(_("Recommendation: %(text)s") % {"text": lesson.recommendation}))
        if lesson.adopted_in is not None:
            setting = f" ({lesson.get_adopted_setting_display()})" if lesson.adopted_setting else ""
            adopted = _("Adopted in %(edition)s") % {"edition": lesson.adopted_in.name}
            out.append(_p(f"{adopted}{setting}. {lesson.adopted_note}".strip(), SMALL))
    return [KeepTogether(out[:2]), *out[2:]]  # the heading stays with the first lesson


def _document(title: str, flowables: list[Flowable]) -> bytes:
    buffer = io.BytesIO()

    def footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.drawString(18 * mm, 10 * mm, title)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, str(canvas.getPageNumber()))
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="Buurtbudget",
    )
    document.build(flowables, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _when(moment: object) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y, H:i")  # type: ignore[arg-type]


def edition_pdf(report: EditionReport) -> bytes:
    """The edition's learning report as PDF bytes."""
    edition = report.edition
    title = _("Learning report: %(edition)s") % {"edition": edition.name}
    flowables: list[Flowable] = [
        _p(title, H1),
        _p(_("Figures of %(moment)s.") % {"moment": _when(report.computed_at)}, NOTE),
        *_parts(report.parts),
        *_lessons(report.lessons),
    ]
    if report.adopted:
        flowables += [_p(_("Lessons of earlier editions adopted here"), H2)]
        flowables += [_p(f"{lesson.edition.name}: {lesson.recommendation}") for lesson in report.adopted]
    return _document(title, flowables)


def municipality_pdf(report: MunicipalityReport) -> bytes:
    """The report across the municipality's editions as PDF bytes."""
    title = _("Learning report: %(municipality)s, all editions") % {"municipality": report.municipality.name}
    flowables: list[Flowable] = [_p(title, H1)]
    if report.missing:
        flowables.append(
            _p(_("Not yet computed: %(editions)s.") % {"editions": ", ".join(report.missing)}, NOTE)
        )
    if report.running:
        flowables.append(_p(running_note(report.running), NOTE))
    flowables += _parts(report.parts)
    flowables += _lessons(report.lessons, with_edition=True)
    return _document(title, flowables)
