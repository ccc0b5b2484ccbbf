"""Reads for the draw pages and the public panel page, and the published files of a draw."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from editions.models import Edition

from ..models import Draw, DrawStatus, Feature, MemberStatus, PanelMember, PanelSetup, Respondent
from ..recruitment.features import feature_name, value_label
from . import sortition
from .errors import problem_text
from .quotas import effective_quotas, features_of, panel_setup_of

POOL_FILE = "pool.csv"
QUOTAS_FILE = "quota.csv"
DRAW_FILE = "loting.json"
RERUN_FILE = "rerun_panel.py"


@dataclass(frozen=True)
class PoolValueRow:
    """One feature value on the draw page: population, people in the pool, and the quota now."""

    feature: Feature
    label: str
    population: int
    population_share: float | None
    in_pool: int
    min: int
    max: int
    short: bool  # fewer in the pool than the minimum


@dataclass(frozen=True)
class PoolRow:
    """One pool id on the public page: feature labels, chance of selection, and whether drawn."""

    pool_id: str
    labels: list[str]
    probability: float | None
    selected: bool
    active: bool

    @property
    def percent(self) -> float | None:
        return None if self.probability is None else self.probability * 100


@dataclass(frozen=True)
class DrawPage:
    setup: PanelSetup
    features: list[Feature]
    pool_size: int
    value_rows: list[PoolValueRow]
    current: Draw | None
    latest: Draw | None
    problems: list[dict[str, Any]] = field(default_factory=list)
    members: list[PanelMember] = field(default_factory=list)


def current_pool(edition: Edition) -> list[Respondent]:
    """Who can be drawn: respondents who are available, gave consent, and can still be reached."""
    return list(
        Respondent.objects.filter(
            edition=edition, available=True, consent_at__isnull=False, erased_at__isnull=True
        ).order_by("pool_id")
    )


def ordered_quotas(draw: Draw) -> dict[str, dict[str, list[int]]]:
    """The draw's quotas in the order the draw used them (features, then values).

    The order matters: the library walks the features in the order it reads them, so the same
    seed with another order can give another panel. ``Draw.quotas`` is a JSON object, whose key
    order PostgreSQL (jsonb) does not keep; the quota report is a list, so it keeps the order.
    """
    quotas: dict[str, dict[str, list[int]]] = {}
    for row in draw.quota_report:
        quotas.setdefault(row["feature"], {})[row["value"]] = [row["min"], row["max"]]
    return quotas


def replacement_candidates(*, draw: Draw, leaving: PanelMember) -> list[str]:
    """Pool ids that can take ``leaving``'s seat with every quota of the draw still met.

    The candidates are the people of the draw's pool who were never on this panel and can still
    be drawn now (available, consented, reachable). Everyone who fits has the same chance: with
    one seat that is also what maximin and Nash would give.
    """
    pool = {p[sortition.ID_COLUMN]: p for p in draw.pool}
    ever = set(draw.members.values_list("pool_id", flat=True))
    staying = [
        pool[pool_id]
        for pool_id in draw.members.filter(status=MemberStatus.ACTIVE)
        .exclude(pk=leaving.pk)
        .values_list("pool_id", flat=True)
        if pool_id in pool
    ]
    reachable = set(
        Respondent.objects.filter(
            edition=draw.edition, available=True, consent_at__isnull=False, erased_at__isnull=True
        ).values_list("pool_id", flat=True)
    )
    counts = {feature: Counter(p.get(feature) for p in staying) for feature in draw.quotas}
    candidates = []
    for pool_id, person in pool.items():
        if pool_id in ever or pool_id not in reachable:
            continue
        fits = True
        for feature, values in draw.quotas.items():
            for value, (low, high) in values.items():
                after = counts[feature].get(value, 0) + (1 if person.get(feature) == value else 0)
                if not low <= after <= high:
                    fits = False
        if fits:
            candidates.append(pool_id)
    return sorted(candidates)


def current_draw(edition: Edition) -> Draw | None:
    return Draw.objects.filter(edition=edition, is_current=True).first()


def published_draw(edition: Edition) -> Draw | None:
    return Draw.objects.filter(edition=edition, is_current=True, published_at__isnull=False).first()


def problems_of(draw: Draw | None) -> list[dict[str, Any]]:
    """The draw's problems as sentences in the active language, causes before fixes."""
    if draw is None:
        return []
    return [{"kind": p.get("kind", "cause"), "text": problem_text(p)} for p in draw.problems]


def draw_page(edition: Edition) -> DrawPage:
    setup = panel_setup_of(edition)
    features = features_of(edition)
    pool = current_pool(edition)
    quotas = effective_quotas(edition, panel_size=setup.panel_size)
    rows = []
    for feature in features:
        values = list(feature.values.all())
        total = sum(v.population for v in values)
        counts = Counter(r.features.get(feature.key) for r in pool)
        for value in values:
            low, high = quotas[feature.key][value.key]
            rows.append(
                PoolValueRow(
                    feature=feature,
                    label=value.label,
                    population=value.population,
                    population_share=value.population / total if total else None,
                    in_pool=counts.get(value.key, 0),
                    min=low,
                    max=high,
                    short=counts.get(value.key, 0) < low,
                )
            )
    current = current_draw(edition)
    latest = Draw.objects.filter(edition=edition).first()
    members = (
        list(current.members.select_related("respondent", "replaces").order_by("status", "pool_id"))
        if current
        else []
    )
    return DrawPage(
        setup=setup,
        features=features,
        pool_size=len(pool),
        value_rows=rows,
        current=current,
        latest=latest,
        problems=problems_of(latest) if latest and latest.status == DrawStatus.INFEASIBLE else [],
        members=members,
    )


def labels_now(draw: Draw) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """The names of the draw's features and the labels of their values in the reader's language
    (the report keeps the Dutch ones of the moment of the draw; those stand for anything removed)."""
    names = {row["feature"]: row["feature_name"] for row in draw.quota_report}
    labels = {(row["feature"], row["value"]): row["label"] for row in draw.quota_report}
    for feature in Feature.objects.filter(edition_id=draw.edition_id).prefetch_related("values"):
        names[feature.key] = feature_name(feature)
        labels.update({(feature.key, v.key): value_label(feature.key, v) for v in feature.values.all()})
    return names, labels


def feature_names_of(draw: Draw) -> list[str]:
    """The draw's feature names in the reader's language, in the report's order (the pool's columns)."""
    names, _labels = labels_now(draw)
    return [names[key] for key in dict.fromkeys(row["feature"] for row in draw.quota_report)]


def pool_rows(draw: Draw) -> list[PoolRow]:
    """The anonymised pool with feature labels, each pool id's probability and whether it was drawn."""
    _names, labels = labels_now(draw)
    keys = list(ordered_quotas(draw))
    active = set(draw.members.filter(status=MemberStatus.ACTIVE).values_list("pool_id", flat=True))
    ever = set(draw.members.values_list("pool_id", flat=True))
    return [
        PoolRow(
            pool_id=person[sortition.ID_COLUMN],
            labels=[labels.get((key, person.get(key, "")), person.get(key, "")) for key in keys],
            probability=draw.probabilities.get(person[sortition.ID_COLUMN]),
            selected=person[sortition.ID_COLUMN] in ever,
            active=person[sortition.ID_COLUMN] in active,
        )
        for person in draw.pool
    ]


def replacements(draw: Draw) -> list[PanelMember]:
    return list(
        draw.members.filter(replaces__isnull=False).select_related("replaces").order_by("joined_at", "pk")
    )


def replacement_candidates_for(member: PanelMember) -> list[str]:
    return replacement_candidates(draw=member.draw, leaving=member)


def quota_rows_now(draw: Draw) -> list[dict[str, Any]]:
    """The draw's quota report with a column for the panel as it is now, after replacements."""
    people = {p[sortition.ID_COLUMN]: p for p in draw.pool}
    active = [
        people[pool_id]
        for pool_id in draw.members.filter(status=MemberStatus.ACTIVE).values_list("pool_id", flat=True)
        if pool_id in people
    ]
    names, labels = labels_now(draw)
    rows = []
    for row in draw.quota_report:
        now = sum(1 for p in active if p.get(row["feature"]) == row["value"])
        label = labels[(row["feature"], row["value"])]
        rows.append(
            {**row, "feature_name": names[row["feature"]], "label": label}
            | {"now": now, "now_met": row["min"] <= now <= row["max"]}
        )
    return rows


def draw_json(draw: Draw) -> dict[str, Any]:
    """Everything about a draw that is public, as one JSON document."""
    return {
        "edition": draw.edition.slug,
        "status": draw.status,
        "algorithm": draw.algorithm,
        "panel_size": draw.panel_size,
        "seed": draw.seed,
        "library": sortition.LIBRARY,
        "library_version": draw.library_version,
        "python_hash_seed": int(sortition.HASH_SEED),
        "drawn_at": draw.drawn_at.isoformat(),
        "published_at": draw.published_at.isoformat() if draw.published_at else None,
        "quotas": ordered_quotas(draw),
        "pool": draw.pool,
        "selected": sorted(draw.selected),
        "probabilities": draw.probabilities,
        "probabilities_estimated": draw.algorithm == "legacy",
        "quota_report": draw.quota_report,
        "replacements": [
            {
                "dropped_out": member.replaces.pool_id if member.replaces else None,
                "replacement": member.pool_id,
                "seed": member.replacement_seed,
            }
            for member in replacements(draw)
        ],
    }


def published_files(draw: Draw) -> dict[str, str]:
    """The downloads of a draw by file name: pool, quotas, the whole draw, and the re-run script."""
    quotas = ordered_quotas(draw)
    return {
        POOL_FILE: sortition.pool_csv(draw.pool, list(quotas)),
        QUOTAS_FILE: sortition.quotas_csv(quotas),
        DRAW_FILE: json.dumps(draw_json(draw), ensure_ascii=False, indent=2),
        RERUN_FILE: sortition.rerun_script(
            edition=draw.edition.name,
            algorithm=draw.algorithm,
            seed=draw.seed,
            panel_size=draw.panel_size,
            pool_file=POOL_FILE,
            quotas_file=QUOTAS_FILE,
            library_version=draw.library_version,
        ),
    }
