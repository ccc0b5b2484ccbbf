"""The report across a municipality's editions: the editions side by side, the neighbourhoods compared
and the decision models side by side, all from the editions' stored evidence."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ui.charts import BarChart, Series
from ui.charts.model import format_value
from ui.templatetags.money import format_money

from ..comparison.metrics import EditionMetrics, ModelMetrics, compare_models, ratio
from ..comparison.selectors import ComparedEdition
from .blocks import Block, Part, Table
from .figures import anchor_title

MODEL_LABELS = {
    "online_vote": gettext_lazy("Online vote"),
    "panel": gettext_lazy("Citizens' panel"),
    "panel_then_vote": gettext_lazy("Panel, then vote"),
    "vote_then_panel": gettext_lazy("Vote, then panel"),
}


def model_label(step: str) -> str:
    return str(MODEL_LABELS.get(step, step))


def _money(cents: float | None) -> str:
    return "–" if cents is None else format_money(round(cents))


def editions_block(measured: Sequence[EditionMetrics]) -> Block:
    chart = BarChart(
        key="editions-reach-chart",
        title=_("Took part in the decision, as a percentage of the eligible residents"),
        categories=[m.name for m in measured],
        series=[Series(_("Reach"), [m.reach for m in measured])],
        unit="percent",
    )
    table = Table(
        _("The editions side by side"),
        [
            _("Edition"),
            _("Decision model"),
            _("Took part"),
            _("Reach"),
            _("Representativeness"),
            _("Projects completed"),
            _("Spent of awarded"),
            _("Costs per participant"),
        ],
        [
            [
                m.name,
                model_label(m.step),
                format_value(m.participants, "count"),
                format_value(m.reach, "percent"),
                format_value(m.representativeness, "score"),
                format_value(m.completion, "percent"),
                format_value(m.spent_of_awarded, "percent"),
                _money(m.cost_per_participant),
            ]
            for m in measured
        ],
    )
    return Block(anchor="editions", title=_("The editions side by side"), charts=[chart], tables=[table])


def neighbourhoods_block(compared: Sequence[ComparedEdition]) -> Block:
    """Turnout per neighbourhood in each edition, and over all editions together."""
    names: dict[str, str] = {}
    cells: dict[tuple[str, str], tuple[int, int | None]] = {}
    shown = [
        c for c in compared if c.data and c.data.get("participation") and c.metrics and c.metrics.decided
    ]
    for c in shown:
        for row in c.data["participation"].get("neighbourhoods") or []:  # type: ignore[index]
            names.setdefault(row["slug"], row["name"])
            took_part = sum(int(row.get(k) or 0) for k in ("voters_online", "voters_paper", "respondents"))
            cells[(row["slug"], c.edition.slug)] = (took_part, row.get("eligible"))
    places = sorted(names, key=lambda slug: names[slug])
    overall = []
    for slug in places:
        known = [cells[(slug, c.edition.slug)] for c in shown if (slug, c.edition.slug) in cells]
        counted = [(n, e) for n, e in known if e is not None]
        overall.append(
            ratio(sum(n for n, _e in counted), sum(e or 0 for _n, e in counted)) if counted else None
        )
    chart = BarChart(
        key="neighbourhoods-chart",
        title=_("Took part over all editions, as a percentage of the eligible residents"),
        categories=[names[s] for s in places],
        series=[Series(_("Reach"), overall)],
        unit="percent",
    )
    body = [
        [
            names[s],
            *(
                format_value(
                    ratio(*cells[(s, c.edition.slug)]) if (s, c.edition.slug) in cells else None, "percent"
                )
                for c in shown
            ),
        ]
        for s in places
    ]
    table = Table(
        _("Reach per neighbourhood and edition"), [_("Neighbourhood"), *(c.edition.name for c in shown)], body
    )
    notes = [] if places else [_("No participation figures yet.")]
    charts, tables = ([chart], [table]) if places else ([], [])
    return Block(
        anchor="neighbourhoods",
        title=_("The neighbourhoods compared"),
        charts=charts,
        tables=tables,
        notes=notes,
    )


def _model_charts(models: Sequence[ModelMetrics]) -> list[BarChart]:
    labels = [model_label(m.step) for m in models]
    rates = BarChart(
        key="models-rates-chart",
        title=_("Reach, completion and money spent (%)"),
        categories=labels,
        series=[
            Series(_("Reach"), [m.reach for m in models]),
            Series(_("Projects completed"), [m.completion for m in models]),
            Series(_("Spent of awarded"), [m.spent_of_awarded for m in models]),
        ],
        unit="percent",
    )
    scores = BarChart(
        key="models-scores-chart",
        title=_("Representativeness (1 = like the residents)"),
        categories=labels,
        series=[Series(_("Representativeness"), [m.representativeness for m in models])],
        unit="score",
        scale_max=1.0,
    )
    costs = BarChart(
        key="models-costs-chart",
        title=_("Costs of running per participant"),
        categories=labels,
        series=[Series(_("Costs per participant"), [m.cost_per_participant for m in models])],
        unit="euro",
    )
    return [rates, scores, costs]


def models_block(models: Sequence[ModelMetrics]) -> Block:
    table = Table(
        _("The decision models side by side"),
        [
            _("Decision model"),
            _("Editions"),
            _("Reach"),
            _("Representativeness"),
            _("Satisfaction (survey)"),
            _("Projects completed"),
            _("Days to completion"),
            _("Spent of awarded"),
            _("Costs per participant"),
        ],
        [
            [
                model_label(m.step),
                format_value(m.editions, "count"),
                format_value(m.reach, "percent"),
                format_value(m.representativeness, "score"),
                format_value(m.satisfaction, "score"),
                format_value(m.completion, "percent"),
                format_value(m.median_days_to_completion, "days"),
                format_value(m.spent_of_awarded, "percent"),
                _money(m.cost_per_participant),
            ]
            for m in models
        ],
    )
    explanation = _(
        "Reach, completion, money and costs per participant are totals over the model's editions; "
        "representativeness (the mean of the edition's similarity indices), satisfaction (the average "
        "answer to the surveys' satisfaction questions) and days to completion (the editions' medians) "
        "are averaged."
    )
    if not models:
        return Block(anchor="models", title=anchor_title("models"), notes=[_("No figures yet.")])
    return Block(
        anchor="models",
        title=anchor_title("models"),
        charts=_model_charts(models),
        tables=[table],
        explanation=explanation,
    )


def municipality_parts(compared: Sequence[ComparedEdition]) -> list[Part]:
    """The editions, the neighbourhoods and the models compared: editions whose decision is made only."""
    measured = [c.metrics for c in compared if c.metrics is not None and c.metrics.decided]
    return [
        Part("editions", _("The editions"), [editions_block(measured), neighbourhoods_block(compared)]),
        Part("models", _("The decision models"), [models_block(compare_models(measured))]),
    ]


def missing_editions(compared: Sequence[ComparedEdition]) -> list[str]:
    """The editions whose figures have not been computed yet (the report says so)."""
    return [c.edition.name for c in compared if c.data is None]


def running_editions(compared: Sequence[ComparedEdition]) -> list[str]:
    """The editions whose decision is still to be made: named, not compared (their figures still move)."""
    return [c.edition.name for c in compared if c.metrics is not None and not c.metrics.decided]


def running_note(names: Sequence[str]) -> str:
    return _("Still running, not compared yet: %(editions)s.") % {"editions": ", ".join(names)}
