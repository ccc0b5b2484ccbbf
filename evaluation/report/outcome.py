"""The report's figures of the outcome: how well the result served the voters (and under the other
rule), money per neighbourhood and resident, carrying out, the surveys and the cost of running it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.utils.translation import gettext as _

from editions.models import AggregationRule
from ui.charts import BarChart, Series
from ui.charts.model import format_value
from ui.templatetags.money import format_money

from .blocks import Block, Fact, Table
from .figures import anchor_title, per_person, place_name, rate, reach, share
from .satisfaction import (
    satisfaction_explanation,
    satisfaction_header,
    satisfaction_value,
    shows_satisfaction,
)


def _rule(key: str) -> str:
    return str(dict(AggregationRule.choices).get(key, key))


Column = tuple[str, Callable[[Mapping[str, Any]], str]]


def _satisfaction_columns(quality: Mapping[str, Any], evidence: Mapping[str, Any]) -> list[Column]:
    """Average satisfaction (where it has a unit) and the Gini of satisfaction."""
    columns: list[Column] = []
    if shows_satisfaction(evidence):
        columns.append(
            (
                satisfaction_header(quality),
                lambda row: satisfaction_value(row.get("avg_satisfaction"), quality),
            )
        )
    columns.append((_("Gini of satisfaction"), lambda row: format_value(row.get("gini"), "score")))
    return columns


def quality_block(quality: Mapping[str, Any], evidence: Mapping[str, Any]) -> Block:
    sections = quality.get("sections") or []
    if not sections:
        return Block(
            anchor="quality",
            title=anchor_title("quality"),
            notes=[_("There were no ballots to measure: the panel decided.")],
        )
    chart = BarChart(
        key="quality-chart",
        title=_("Voters with at least one chosen plan they supported"),
        categories=[str(s["label"]) for s in sections],
        series=[Series(_("Voters"), [share(s.get("share_with_chosen"), 1) for s in sections])],
        unit="percent",
        scale_max=100,
    )
    columns: list[Column] = [
        (_("Voters"), lambda s: format_value(s.get("voters"), "count")),
        (_("Chosen plans"), lambda s: format_value(s.get("chosen"), "count")),
        (_("With a chosen plan"), lambda s: format_value(share(s.get("share_with_chosen"), 1), "percent")),
        *_satisfaction_columns(quality, evidence),
        (_("Rule"), lambda s: _rule(s.get("rule", ""))),
    ]
    table = Table(
        _("Outcome quality per part of the budget"),
        [_("Part"), *(header for header, _cell in columns)],
        [[str(s["label"]), *(cell(s) for _header, cell in columns)] for s in sections],
    )
    explanation = satisfaction_explanation(quality, evidence)
    return Block(
        anchor="quality",
        title=anchor_title("quality"),
        charts=[chart],
        tables=[table],
        explanation=explanation,
    )


def rule_comparison_block(quality: Mapping[str, Any], evidence: Mapping[str, Any]) -> Block:
    rows = quality.get("comparison") or []
    if not rows:
        return Block(
            anchor="rule-comparison",
            title=anchor_title("rule-comparison"),
            notes=[_("There is no published count to compare.")],
        )
    names = {s["key"]: str(s["label"]) for s in quality.get("sections") or []}
    sections = list(dict.fromkeys(row["section"] for row in rows))
    rules = list(dict.fromkeys(row["rule"] for row in rows))
    found = {(row["section"], row["rule"]): row for row in rows}
    chart = BarChart(
        key="rule-comparison-chart",
        title=_("Voters with a chosen plan they supported, per rule"),
        categories=[names.get(s, s) for s in sections],
        series=[
            Series(
                _rule(rule),
                [share((found.get((s, rule)) or {}).get("share_with_chosen"), 1) for s in sections],
            )
            for rule in rules
        ],
        unit="percent",
        scale_max=100,
    )
    columns: list[Column] = [
        (_("Rule"), lambda r: _rule(r["rule"])),
        (_("Chosen plans"), lambda r: format_value(r.get("chosen"), "count")),
        (_("Cost of the chosen plans"), lambda r: format_money(r.get("total_cost_cents"))),
        (_("With a chosen plan"), lambda r: format_value(share(r.get("share_with_chosen"), 1), "percent")),
        *_satisfaction_columns(quality, evidence),
    ]
    table = Table(
        _("The same ballots counted with each rule"),
        [_("Part"), *(header for header, _cell in columns)],
        [[names.get(r["section"], r["section"]), *(cell(r) for _header, cell in columns)] for r in rows],
    )
    return Block(
        anchor="rule-comparison",
        title=anchor_title("rule-comparison"),
        charts=[chart],
        tables=[table],
        explanation=satisfaction_explanation(quality, evidence),
    )


def money_block(quality: Mapping[str, Any], evidence: Mapping[str, Any]) -> Block:
    rows = quality.get("money_by_neighbourhood") or []
    if not rows:
        return Block(
            anchor="money-neighbourhoods",
            title=anchor_title("money-neighbourhoods"),
            notes=[_("No money has been awarded yet.")],
        )
    chart = BarChart(
        key="money-neighbourhoods-chart",
        title=_("Money awarded per neighbourhood"),
        categories=[place_name(r) for r in rows],
        series=[Series(_("Awarded"), [r["awarded_cents"] for r in rows])],
        unit="euro",
    )
    table = Table(
        _("Money awarded per neighbourhood and per eligible resident"),
        [_("Neighbourhood"), _("Awarded"), _("Eligible residents"), _("Per eligible resident")],
        [
            [
                place_name(r),
                format_money(r["awarded_cents"]),
                format_value(r.get("eligible"), "count"),
                format_money(_rounded(per_person(r["awarded_cents"], r.get("eligible")))) or "–",
            ]
            for r in rows
        ],
    )
    notes = []
    unknown = [str(r["name"]) for r in rows if r.get("eligible") is None and r.get("slug")]  # not "no place"
    if unknown:
        notes.append(_("No population figures for: %(places)s.") % {"places": ", ".join(unknown)})
    return Block(
        anchor="money-neighbourhoods",
        title=anchor_title("money-neighbourhoods"),
        charts=[chart],
        tables=[table],
        notes=notes,
    )


def _rounded(value: float | None) -> int | None:
    return None if value is None else round(value)


def delivery_block(delivery: Mapping[str, Any], evidence: Mapping[str, Any]) -> Block:
    projects = int(delivery.get("projects") or 0)
    if not projects:
        return Block(
            anchor="delivery",
            title=anchor_title("delivery"),
            notes=[_("No projects are being carried out yet.")],
        )
    status = BarChart(
        key="delivery-projects-chart",
        title=_("Projects by state"),
        categories=[_("Completed"), _("In progress"), _("Stopped")],
        series=[
            Series(
                _("Projects"),
                [delivery.get("completed"), delivery.get("in_progress"), delivery.get("stopped")],
            )
        ],
    )
    money = BarChart(
        key="delivery-money-chart",
        title=_("Money of the projects"),
        categories=[_("Awarded"), _("Paid"), _("Spent"), _("Returned")],
        series=[
            Series(
                _("Amount"),
                [delivery.get(k) for k in ("awarded_cents", "paid_cents", "spent_cents", "returned_cents")],
            )
        ],
        unit="euro",
    )
    facts = [
        Fact(_("Completed"), format_value(rate(delivery.get("completed"), projects), "percent")),
        Fact(_("Median days to completion"), format_value(delivery.get("median_days_to_completion"), "days")),
        Fact(
            _("Spent of what was awarded"),
            format_value(rate(delivery.get("spent_cents"), delivery.get("awarded_cents")), "percent"),
        ),
    ]
    return Block(anchor="delivery", title=anchor_title("delivery"), charts=[status, money], facts=facts)


def _question_chart(survey: Mapping[str, Any], question: Mapping[str, Any]) -> BarChart:
    rows = question.get("distribution") or []
    notes = []
    if question.get("mean") is not None:
        notes.append(_("Average: %(mean)s") % {"mean": format_value(question["mean"], "score")})
    return BarChart(
        key=f"survey-{survey['kind']}-{question['key']}".replace("_", "-"),
        title=f"{survey['title']}: {question['text']}",
        categories=[str(row["label"]) for row in rows],
        series=[Series(_("Answers"), [row["count"] for row in rows])],
        notes=notes,
    )


def _survey_charts(survey: Mapping[str, Any]) -> tuple[list[BarChart], list[str]]:
    """A chart per closed question with enough answers; the rest of the survey in one line."""
    closed = [q for q in survey.get("questions") or [] if q.get("kind") != "text"]
    shown = [q for q in closed if not q.get("suppressed")]
    hidden = [str(q["text"]) for q in closed if q.get("suppressed")]
    if closed and not shown:
        return [], [
            _("%(survey)s: %(count)s responses, fewer than 10 answers to each question: not shown.")
            % {"survey": survey["title"], "count": format_value(survey.get("responses"), "count")}
        ]
    notes = []
    if hidden:
        notes.append(
            _("%(survey)s: fewer than 10 answers, not shown: %(questions)s.")
            % {"survey": survey["title"], "questions": "; ".join(hidden)}
        )
    return [_question_chart(survey, q) for q in shown], notes


def surveys_block(surveys: Sequence[Mapping[str, Any]], evidence: Mapping[str, Any]) -> Block:
    """The surveys that got answers, question by question; the surveys without answers named once."""
    answered = [s for s in surveys if s.get("responses")]
    charts: list[BarChart] = []
    notes: list[str] = []
    for survey in answered:
        survey_charts, survey_notes = _survey_charts(survey)
        charts += survey_charts
        notes += survey_notes
    unanswered = [str(s["title"]) for s in surveys if not s.get("responses")]
    if unanswered:
        notes.append(_("No answers (yet) to: %(surveys)s.") % {"surveys": ", ".join(unanswered)})
    if not surveys:
        notes.append(_("No surveys were held."))
    table = Table(
        _("Surveys and their answers"),
        [_("Survey"), _("Responses")],
        [[str(s["title"]), format_value(s.get("responses"), "count")] for s in answered],
    )
    return Block(
        anchor="surveys",
        title=anchor_title("surveys"),
        charts=charts,
        tables=[table] if answered else [],
        notes=notes,
        explanation=_("Results are shown only for questions with at least 10 answers."),
    )


def costs_block(costs: Mapping[str, Any], evidence: Mapping[str, Any]) -> Block:
    if not costs.get("lines"):
        return Block(
            anchor="costs",
            title=anchor_title("costs"),
            notes=[_("The district has not entered the costs of running this edition yet.")],
        )
    people = reach(evidence)
    facts = [
        Fact(_("Staff hours"), format_value(costs["staff_hours"], "days")),
        Fact(_("Costs"), format_money(costs["amount_cents"])),
        Fact(
            _("People who took part in the decision"),
            format_value(people, "count"),
            _("Voters online and on paper, and panel sign-ups."),
        ),
        Fact(
            _("Costs per participant"),
            format_money(_rounded(per_person(costs["amount_cents"], people))) or "–",
        ),
        Fact(
            _("Staff hours per participant"), format_value(per_person(costs["staff_hours"], people), "score")
        ),
    ]
    return Block(anchor="costs", title=anchor_title("costs"), facts=facts)
