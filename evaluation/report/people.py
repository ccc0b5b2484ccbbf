"""The report's figures of who took part: per neighbourhood against its residents, by age and gender,
and how representative the participants were (with how that is computed)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from places.demography import GENDER_LABELS
from ui.charts import BarChart, Series
from ui.charts.model import format_value

from .blocks import Block, Fact, Table
from .figures import anchor_title, rate


def votes(edition: Mapping[str, Any]) -> bool:
    return edition.get("decision_model") != "panel"


def has_panel(edition: Mapping[str, Any]) -> bool:
    return edition.get("decision_model") != "online_vote"


def voters(row: Mapping[str, Any]) -> int:
    return int(row.get("voters_online") or 0) + int(row.get("voters_paper") or 0)


def population_notes(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """What is missing from the population figures, said plainly."""
    unknown = [row["name"] for row in rows if row.get("eligible") is None]
    if rows and len(unknown) == len(rows):
        return [_("No population figures imported yet: the rates cannot be computed.")]
    if unknown:
        return [_("No population figures for: %(places)s.") % {"places": ", ".join(unknown)}]
    return []


def _count(value: Any) -> str:
    return format_value(value, "count")


def has_support(participation: Mapping[str, Any], edition: Mapping[str, Any]) -> bool:
    """Whether residents could support plans: a support phase, or likes counted anyway."""
    phases = {phase.get("kind") for phase in edition.get("phases") or []}
    return "support" in phases or bool((participation.get("totals") or {}).get("supporters"))


Column = tuple[str, Callable[[Mapping[str, Any]], str]]


def _turnout_columns(participation: Mapping[str, Any], edition: Mapping[str, Any]) -> list[Column]:
    """The table's columns that apply to the edition: no vote columns without a vote, and so on."""
    columns: list[Column] = [
        (_("Eligible residents"), lambda row: _count(row.get("eligible"))),
        (_("Plan submitters"), lambda row: _count(row.get("submitters"))),
    ]
    if has_support(participation, edition):
        columns.append((_("Supporters"), lambda row: _count(row.get("supporters"))))
    if votes(edition):
        columns += [
            (_("Voted online"), lambda row: _count(row.get("voters_online"))),
            (_("Voted on paper"), lambda row: _count(row.get("voters_paper"))),
        ]
    if has_panel(edition):
        columns += [
            (_("Panel sign-ups"), lambda row: _count(row.get("respondents"))),
            (_("Panel members"), lambda row: _count(row.get("members"))),
        ]
    if votes(edition):
        columns.append(
            (_("Turnout"), lambda row: format_value(rate(voters(row), row.get("eligible")), "percent"))
        )
    return columns


def _turnout_table(
    rows: Sequence[Mapping[str, Any]], participation: Mapping[str, Any], edition: Mapping[str, Any]
) -> Table:
    columns = _turnout_columns(participation, edition)
    headers = [_("Neighbourhood"), *(header for header, _cell in columns)]
    body = [[str(row["name"]), *(cell(row) for _header, cell in columns)] for row in rows]
    return Table(_("Participation per neighbourhood, in numbers"), headers, body)


def turnout_block(participation: Mapping[str, Any], evidence: Mapping[str, Any]) -> Block:
    """Voters, panel sign-ups and supporters as a share of each neighbourhood's eligible residents."""
    edition = evidence.get("edition") or {}
    rows = [
        *participation.get("neighbourhoods", []),
        {"name": _("All neighbourhoods"), **participation["totals"]},
    ]
    series: list[Series] = []
    if votes(edition):
        series.append(Series(_("Voted"), [rate(voters(row), row.get("eligible")) for row in rows]))
    if has_panel(edition):
        series.append(
            Series(
                _("Signed up for the panel"),
                [rate(row.get("respondents"), row.get("eligible")) for row in rows],
            )
        )
    if has_support(participation, edition):
        series.append(
            Series(_("Supported a plan"), [rate(row.get("supporters"), row.get("eligible")) for row in rows])
        )
    chart = BarChart(
        key="turnout-neighbourhoods-chart",
        title=_("Took part, as a percentage of the eligible residents"),
        categories=[str(row["name"]) for row in rows],
        series=series,
        unit="percent",
        description=_("Per neighbourhood: the share of residents of voting age who took part."),
    )
    return Block(
        anchor="turnout-neighbourhoods",
        title=anchor_title("turnout-neighbourhoods"),
        charts=[chart],
        tables=[_turnout_table(rows, participation, edition)],
        notes=population_notes(participation.get("neighbourhoods", [])),
        explanation=_(
            "Eligible residents: the residents of at least the edition's minimum age, from the "
            "imported population figures. A resident can be counted more than once "
            "(for example as supporter and voter)."
        ),
    )


def _group_label(dimension: str, row: Mapping[str, Any]) -> str:
    if dimension == "gender" and row["key"] in GENDER_LABELS:
        return str(GENDER_LABELS[row["key"]])
    return str(row.get("label") or row["key"])


def _shares(rows: Sequence[Mapping[str, Any]], key: str) -> list[float | None]:
    values = [row.get(key) for row in rows]
    known = [float(v) for v in values if v is not None]
    if len(known) < len(values):
        return [None] * len(rows)
    total = sum(known)
    return [rate(v, total) for v in known]


def _group_chart(dimension: str, rows: Sequence[Mapping[str, Any]], edition: Mapping[str, Any]) -> BarChart:
    series = [Series(_("Residents"), _shares(rows, "eligible"))]
    if has_panel(edition):
        series.append(Series(_("Panel members"), _shares(rows, "members")))
    if votes(edition):
        series.append(Series(_("Voters who said"), _shares(rows, "voter_answers")))
    # xgettext:no-python-format
    by_age = _("By age band (% of each group)")
    # xgettext:no-python-format
    by_gender = _("By gender (% of each group)")
    title = by_age if dimension == "age_band" else by_gender
    return BarChart(
        key=f"participation-groups-{dimension.replace('_', '-')}",
        title=title,
        categories=[_group_label(dimension, row) for row in rows],
        series=series,
        unit="percent",
        description=_("How residents, panel members and voters are spread over the groups."),
    )


def _voter_answers(row: Mapping[str, Any]) -> str:
    answers = row.get("voter_answers")
    return _count(answers) if answers is not None else _("fewer than 10")


def _group_columns(edition: Mapping[str, Any]) -> list[Column]:
    columns: list[Column] = [(_("Eligible residents"), lambda row: _count(row.get("eligible")))]
    if has_panel(edition):
        columns += [
            (_("Panel sign-ups"), lambda row: _count(row.get("respondents"))),
            (_("Panel members"), lambda row: _count(row.get("members"))),
        ]
    if votes(edition):
        columns.append((_("Voters who said"), _voter_answers))
    return columns


def groups_block(participation: Mapping[str, Any], evidence: Mapping[str, Any]) -> Block:
    """The make-up by age band and gender of residents, panel members and the voters who told us."""
    edition = evidence.get("edition") or {}
    groups = participation.get("groups") or {}
    charts, tables, notes = [], [], []
    columns = _group_columns(edition)
    headers = [_("Group"), *(header for header, _cell in columns)]
    for dimension in ("age_band", "gender"):
        rows = groups.get(dimension) or []
        if not rows:
            continue
        charts.append(_group_chart(dimension, rows, edition))
        body = [[_group_label(dimension, row), *(cell(row) for _header, cell in columns)] for row in rows]
        tables.append(Table(charts[-1].title, headers, body))
        if votes(edition) and any(row.get("voter_answers") is None for row in rows):
            notes.append(
                _("Fewer than 10 voters answered this question in the survey: their figures are not shown.")
            )
    if not charts:
        notes.append(_("No figures by age and gender are known for this edition."))
    return Block(
        anchor="participation-groups",
        title=anchor_title("participation-groups"),
        charts=charts,
        tables=tables,
        notes=sorted(set(notes)),
        explanation=_(
            "Panel members' age and gender come from the panel's draw; voters' only from the voluntary "
            "survey after casting, so they describe the voters who answered it."
        ),
    )


def representativeness_facts(figures: Mapping[str, Any]) -> list[tuple[str, str, float | None]]:
    """(key, label, value) of the representativeness scores, in the order the report shows them."""
    labels = {
        "turnout_ratio": _("Lowest to highest turnout across neighbourhoods"),
        "turnout_psi": _("Voters like the residents, by neighbourhood"),
        "panel_psi_age": _("Panel like the residents, by age"),
        "panel_psi_gender": _("Panel like the residents, by gender"),
        "voter_psi_age": _("Voters like the residents, by age (survey)"),
        "voter_psi_gender": _("Voters like the residents, by gender (survey)"),
    }
    return [(key, str(label), figures.get(key)) for key, label in labels.items()]


PSI_EXPLANATION = gettext_lazy(
    "Proportional similarity index (PSI) = 1 − ½ × the sum, over the groups, of |the group's share of the "
    "participants − its share of the residents|. 1 means the participants are spread over the groups "
    "exactly as the residents are; 0 means they have nothing in common."
)


def representativeness_block(participation: Mapping[str, Any], evidence: Mapping[str, Any]) -> Block:
    """The scores, a chart of those known, and how each is computed written next to it."""
    figures = participation.get("representativeness") or {}
    known = [(label, value) for _key, label, value in representativeness_facts(figures) if value is not None]
    ratio_text = _(
        "The turnout of the neighbourhood with the lowest turnout divided by that of the highest: 1 means "
        "every neighbourhood took part equally; 0.5 that the lowest took part half as much as the highest."
    )
    facts = [
        Fact(
            label,
            format_value(value, "score"),
            ratio_text if key == "turnout_ratio" else "",
        )
        for key, label, value in representativeness_facts(figures)
        if value is not None
    ]
    charts = []
    if known:
        charts.append(
            BarChart(
                key="representativeness-chart",
                title=_("Representativeness scores (1 = like the residents)"),
                categories=[label for label, _v in known],
                series=[Series(_("Score"), [value for _l, value in known])],
                unit="score",
                scale_max=1.0,
            )
        )
    notes = [] if known else [_("There are not enough figures to compute representativeness yet.")]
    return Block(
        anchor="representativeness",
        title=anchor_title("representativeness"),
        charts=charts,
        facts=facts,
        notes=notes,
        explanation=str(PSI_EXPLANATION),
    )
