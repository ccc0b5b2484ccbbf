"""The quality figures of an edition (``quality_figures``, a section of the evidence): voters'
satisfaction with the published result per ballot section, what greedy and Equal Shares would have
given on the same ballots (pbrules' metrics), and money per neighbourhood."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from editions.models import Edition
from outcomes.engine import parse_text
from outcomes.models import Count, CountSection, CountSource, CountStatus
from pbrules import Instance, Metrics, selection_metrics

from .money import money_by_neighbourhood


def _avg(metrics: Mapping[str, Any], satisfaction: str) -> float | None:
    value = metrics.get(
        "avg_cardinality_satisfaction" if satisfaction == "cardinality" else "avg_cost_satisfaction"
    )
    return None if value is None else float(value)


def _as_dict(metrics: Metrics) -> dict[str, Any]:
    return {
        "share_with_funded_project": metrics.share_with_funded_project,
        "avg_cost_satisfaction": metrics.avg_cost_satisfaction,
        "avg_cardinality_satisfaction": metrics.avg_cardinality_satisfaction,
        "gini_cost_satisfaction": metrics.gini_cost_satisfaction,
        "total_cost": metrics.total_cost,
    }


class _Ballots:
    """The ballot sections the metrics are computed on, each .pb parsed at most once."""

    def __init__(self, sections: list[CountSection]) -> None:
        self.sections = {s.key: s for s in sections}
        self._parsed: dict[str, Instance] = {}

    def instance(self, key: str) -> Instance | None:
        section = self.sections.get(key)
        if section is None or not section.pb_file:
            return None
        if key not in self._parsed:
            self._parsed[key] = parse_text(section.pb_file)
        return self._parsed[key]

    def metrics_of(self, key: str, selected: list[Any]) -> dict[str, Any] | None:
        instance = self.instance(key)
        if instance is None:
            return None
        known = set(instance.project_ids)
        return _as_dict(selection_metrics(instance, [str(pk) for pk in selected if str(pk) in known]))


def _counts(edition: Edition) -> tuple[Count | None, Count | None]:
    """The published result, and the count whose ballots measure it: the public vote's wherever
    residents voted (in a hybrid the panel may decide on its advice), else the result's own."""
    current = {
        c.source: c for c in Count.objects.filter(edition=edition, is_current=True, status=CountStatus.DONE)
    }
    published = next((c for c in current.values() if c.published_at is not None), None)
    if published is None:
        return None, None
    ballots = current.get(CountSource.VOTE) if edition.public_votes else None
    return published, ballots or published


def _section_row(section: CountSection, ballots: _Ballots, rule: str, satisfaction: str) -> dict[str, Any]:
    voting = ballots.sections.get(section.key)
    stored = section.outcome.get("metrics") or {}
    metrics: Mapping[str, Any] | None = stored if voting is section and stored else None
    if metrics is None:
        metrics = ballots.metrics_of(section.key, list(section.selected))
    return {
        "key": section.key,
        "label": section.label,
        "voters": voting.voters if voting is not None else 0,
        "chosen": len(section.selected),
        "share_with_chosen": None if metrics is None else float(metrics["share_with_funded_project"]),
        "avg_satisfaction": None if metrics is None else _avg(metrics, satisfaction),
        "gini": None if metrics is None else float(metrics["gini_cost_satisfaction"]),
        "rule": rule,
    }


def _comparison_rows(ballots: _Ballots, satisfaction: str) -> list[dict[str, Any]]:
    rows = []
    for key, section in ballots.sections.items():
        for label, compared in sorted(section.comparison.items()):
            metrics = ballots.metrics_of(key, list(compared.get("selected", [])))
            if metrics is None:
                continue
            rows.append(
                {
                    "section": key,
                    "rule": label,
                    "satisfaction": compared.get("satisfaction", ""),
                    "chosen": len(compared.get("selected", [])),
                    "total_cost_cents": int(Fraction(metrics["total_cost"])),
                    "share_with_chosen": metrics["share_with_funded_project"],
                    "avg_satisfaction": _avg(metrics, satisfaction),
                    "gini": metrics["gini_cost_satisfaction"],
                }
            )
    return rows


def quality_figures(edition: Edition) -> dict[str, Any]:
    """The evidence's "quality" section (see the brief). ``avg_satisfaction`` is measured as
    ``satisfaction`` says (the count's measure, else the edition's): by cost in cents of supported
    chosen plans per voter, or by their number; ``gini`` is of the cost satisfaction (pbrules').
    Before a result is published, or without ballots (a panel's consensus), the lists are empty."""
    published, ballot_count = _counts(edition)
    satisfaction = (published.satisfaction if published is not None else "") or edition.rule_satisfaction
    sections: list[dict[str, Any]] = []
    comparison: list[dict[str, Any]] = []
    if published is not None and ballot_count is not None:
        ballot_sections = list(ballot_count.sections.order_by("position"))
        own = ballot_sections if ballot_count == published else list(published.sections.order_by("position"))
        ballots = _Ballots(ballot_sections)
        if any(s.pb_file for s in ballot_sections):
            sections = [_section_row(s, ballots, published.rule, satisfaction) for s in own]
            comparison = _comparison_rows(ballots, satisfaction)
    return {
        "sections": sections,
        "comparison": comparison,
        "money_by_neighbourhood": money_by_neighbourhood(edition),
        "satisfaction": satisfaction,
    }
