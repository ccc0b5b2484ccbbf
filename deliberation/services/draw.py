"""The draw: select the panel from the pool under the quotas and a recorded seed; publish; replace members.

Bad input never crashes a draw: plain input errors (no features, a panel larger than the pool)
are refused with a ``PanelError`` before anything is drawn; quotas the pool cannot meet give a
draw with status "infeasible" whose ``problems`` say which quotas conflict and what relaxation
would work (the library's own suggestion), shown on the page. The current panel stays as it was.
"""

from __future__ import annotations

import logging
import random
import secrets
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from audit.services import record
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from .. import sortition
from ..errors import PanelError
from ..models import (
    ACTIVE_DRAW_STATUSES,
    Draw,
    DrawStatus,
    Feature,
    MemberStatus,
    PanelMember,
    PanelSetup,
    Respondent,
)
from .quotas import QuotaMap, effective_quotas, features_of, panel_setup_of

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)

MAX_SEED = 2**63 - 1
SHOWN_IDS = 10
# A draw still "running" after this long died with its worker; a new draw may replace it.
STALE_AFTER = timedelta(minutes=30)


def fresh_seed() -> int:
    """A new seed from the operating system's randomness; never 0 (the library reads 0 as 'no seed')."""
    seed = 0
    while seed == 0:
        seed = secrets.randbits(63)
    return seed


def current_pool(edition: Edition) -> list[Respondent]:
    """Who can be drawn: respondents who are available, gave consent, and can still be reached."""
    return list(
        Respondent.objects.filter(
            edition=edition, available=True, consent_at__isnull=False, erased_at__isnull=True
        ).order_by("pool_id")
    )


def anonymised_pool(respondents: Sequence[Respondent], features: Sequence[Feature]) -> list[dict[str, str]]:
    """Pool ids and feature values only: what is published with the draw."""
    keys = [feature.key for feature in features]
    return [
        {sortition.ID_COLUMN: r.pool_id, **{key: str(r.features.get(key, "") or "") for key in keys}}
        for r in respondents
    ]


def _ids(pool_ids: Sequence[str]) -> str:
    shown = ", ".join(pool_ids[:SHOWN_IDS])
    return shown + (" …" if len(pool_ids) > SHOWN_IDS else "")


def _problem(code: str, kind: str, **params: Any) -> dict[str, Any]:
    return {"code": code, "kind": kind, "params": params}


def pool_problems(
    *, pool: Sequence[Mapping[str, str]], features: Sequence[Feature], quotas: QuotaMap, panel_size: int
) -> tuple[list[dict[str, Any]], bool]:
    """What is wrong before the library runs, and whether it is so wrong the library cannot run."""
    problems: list[dict[str, Any]] = []
    blocking = False
    for feature in features:
        values = {v.key: v for v in feature.values.all()}
        missing = [p[sortition.ID_COLUMN] for p in pool if not p.get(feature.key)]
        unknown = [
            p[sortition.ID_COLUMN] for p in pool if p.get(feature.key) and p[feature.key] not in values
        ]
        if missing:
            problems.append(
                _problem(
                    "missing_value", "cause", count=len(missing), feature=feature.name, ids=_ids(missing)
                )
            )
        if unknown:
            problems.append(
                _problem(
                    "unknown_value", "cause", count=len(unknown), feature=feature.name, ids=_ids(unknown)
                )
            )
        blocking = blocking or bool(missing or unknown)
        counts = Counter(p.get(feature.key) for p in pool)
        bounds = quotas.get(feature.key, {})
        for key, (low, high) in bounds.items():
            label = values[key].label
            if low > high:
                problems.append(
                    _problem("min_above_max", "cause", feature=feature.name, value=label, min=low, max=high)
                )
                blocking = True
            elif low > counts.get(key, 0):
                problems.append(
                    _problem(
                        "too_few_in_pool",
                        "cause",
                        feature=feature.name,
                        value=label,
                        min=low,
                        count=counts.get(key, 0),
                    )
                )
        low_total = sum(low for low, _ in bounds.values())
        high_total = sum(high for _, high in bounds.values())
        if low_total > panel_size:
            problems.append(
                _problem("mins_too_high", "cause", feature=feature.name, total=low_total, size=panel_size)
            )
        if high_total < panel_size:
            problems.append(
                _problem("maxes_too_low", "cause", feature=feature.name, total=high_total, size=panel_size)
            )
    return problems, blocking


def quota_report(
    *,
    pool: Sequence[Mapping[str, str]],
    features: Sequence[Feature],
    quotas: QuotaMap,
    selected: Sequence[str],
    panel_size: int,
) -> list[dict[str, Any]]:
    """Per feature value: the quota, how many were drawn, and population / pool / panel shares."""
    chosen = set(selected)
    rows = []
    for feature in features:
        values = list(feature.values.all())
        population_total = sum(v.population for v in values)
        in_pool = Counter(p.get(feature.key) for p in pool)
        drawn = Counter(p.get(feature.key) for p in pool if p[sortition.ID_COLUMN] in chosen)
        for value in values:
            low, high = quotas[feature.key][value.key]
            count = drawn.get(value.key, 0)
            rows.append(
                {
                    "feature": feature.key,
                    "feature_name": feature.name,
                    "value": value.key,
                    "label": value.label,
                    "min": low,
                    "max": high,
                    "population": value.population,
                    "population_share": round(value.population / population_total, 4)
                    if population_total
                    else None,
                    "in_pool": in_pool.get(value.key, 0),
                    "pool_share": round(in_pool.get(value.key, 0) / len(pool), 4) if pool else None,
                    "selected": count,
                    "panel_share": round(count / panel_size, 4) if panel_size else None,
                    "met": low <= count <= high,
                }
            )
    return rows


def _explain(
    outcome: sortition.Outcome, causes: list[dict[str, Any]], features: Sequence[Feature]
) -> list[dict[str, Any]]:
    """The library's suggested relaxation in words, after the causes we found ourselves."""
    names = {f.key: f.name for f in features}
    labels = {(f.key, v.key): v.label for f in features for v in f.values.all()}
    problems = list(causes) or [_problem("conflict", "cause")]
    for change in outcome.relaxations:
        where = {
            "feature": names.get(change.feature, change.feature),
            "value": labels.get((change.feature, change.value), change.value),
        }
        if change.new_min < change.old_min:
            problems.append(_problem("lower_min", "fix", old=change.old_min, new=change.new_min, **where))
        if change.new_max > change.old_max:
            problems.append(_problem("raise_max", "fix", old=change.old_max, new=change.new_max, **where))
    if outcome.cannot_relax:
        problems.append(_problem("cannot_relax", "fix"))
    return problems


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


def _lock(edition: Edition) -> None:
    Edition.objects.select_for_update().filter(pk=edition.pk).values_list("pk", flat=True).get()


def _published_current(edition: Edition) -> bool:
    return Draw.objects.filter(edition=edition, is_current=True, published_at__isnull=False).exists()


@dataclass(frozen=True)
class _Prepared:
    """What a draw starts from, checked: the features, the set-up and the pool of respondents."""

    features: list[Feature]
    setup: PanelSetup
    respondents: list[Respondent]


@dataclass(frozen=True)
class _Selection:
    """What the selection gave (or why it could not), ready to be stored with the draw."""

    pool: list[dict[str, str]]
    quotas: QuotaMap
    selected: list[str]
    probabilities: dict[str, Any]
    problems: list[dict[str, Any]]
    done: bool


def _prepare(edition: Edition, by: User, moment: datetime) -> _Prepared:
    """Refuse plain input errors before anything is drawn; else the draw's starting point."""
    if not can(by, Action.DRAW_PANEL, edition, at=moment):
        raise PanelError("not_allowed")
    if _published_current(edition):
        raise PanelError("already_published")
    features = features_of(edition)
    if not features:
        raise PanelError("no_features")
    setup = panel_setup_of(edition)
    respondents = current_pool(edition)
    if setup.panel_size > len(respondents):
        raise PanelError("pool_too_small", size=setup.panel_size, pool=len(respondents))
    return _Prepared(features=list(features), setup=setup, respondents=respondents)


def _select(edition: Edition, prepared: _Prepared, seed: int) -> _Selection:
    """Run the library on the anonymised pool (seconds to minutes; outside any transaction)."""
    features, size = prepared.features, prepared.setup.panel_size
    quotas = effective_quotas(edition, panel_size=size)
    pool = anonymised_pool(prepared.respondents, features)
    causes, blocking = pool_problems(pool=pool, features=features, quotas=quotas, panel_size=size)
    outcome: sortition.Outcome | None = None
    if not blocking:
        try:
            outcome = sortition.select(
                pool=pool,
                feature_keys=[f.key for f in features],
                quotas=quotas,
                panel_size=size,
                algorithm=prepared.setup.algorithm,
                seed=seed,
            )
        except (RuntimeError, OSError, ValueError) as error:
            raise PanelError("selection_failed") from error
    done = outcome is not None and outcome.feasible
    if outcome is None:
        problems = causes
    elif not outcome.feasible:
        problems = _explain(outcome, causes, features)
    else:
        problems = []
    return _Selection(
        pool=pool,
        quotas=quotas,
        selected=list(outcome.selected) if done and outcome else [],
        probabilities=outcome.probabilities if done and outcome else {},
        problems=problems,
        done=done,
    )


def _store(
    *,
    edition: Edition,
    by: User,
    moment: datetime,
    seed: int,
    prepared: _Prepared,
    selection: _Selection,
    draw: Draw | None,
) -> Draw:
    """Write the draw (a new row, or the queued one) and its members in one transaction."""
    size = prepared.setup.panel_size
    with transaction.atomic():
        _lock(edition)
        if _published_current(edition):
            raise PanelError("already_published")
        if selection.done:
            Draw.objects.filter(edition=edition, is_current=True).update(is_current=False)
        draw = draw or Draw(edition=edition, drawn_by=by, drawn_at=moment)
        draw.status = DrawStatus.DONE if selection.done else DrawStatus.INFEASIBLE
        draw.seed = seed
        draw.algorithm = prepared.setup.algorithm
        draw.panel_size = size
        draw.library_version = sortition.LIBRARY_VERSION
        draw.pool = selection.pool
        draw.quotas = {f: {v: list(b) for v, b in values.items()} for f, values in selection.quotas.items()}
        draw.selected = selection.selected
        draw.probabilities = selection.probabilities
        draw.quota_report = quota_report(
            pool=selection.pool,
            features=prepared.features,
            quotas=selection.quotas,
            selected=selection.selected,
            panel_size=size,
        )
        draw.problems = selection.problems
        draw.is_current = selection.done
        draw.save()
        if selection.done:
            by_pool_id = {r.pool_id: r for r in prepared.respondents}
            PanelMember.objects.bulk_create(
                PanelMember(draw=draw, respondent=by_pool_id.get(pool_id), pool_id=pool_id)
                for pool_id in selection.selected
            )
        record(
            actor=by,
            action="panel.draw",
            target=draw,
            edition=edition,
            after={
                "status": draw.status,
                "seed": seed,
                "algorithm": draw.algorithm,
                "panel_size": size,
                "pool_size": len(selection.pool),
                "selected": selection.selected,
                "problems": [p["code"] for p in selection.problems],
            },
        )
    return draw


def draw_panel(*, edition: Edition, by: User, seed: int | None = None, at: datetime | None = None) -> Draw:
    """Draw the panel from the current pool with the edition's algorithm, under ``seed`` (fresh if None).

    The selection runs before the transaction (it takes seconds, and must not hold the edition's
    lock meanwhile); everything it writes is written in one transaction, which re-checks that the
    panel was not published in between. A successful draw becomes the current panel. ``at`` (default
    now) is the moment of the draw: the phase rules are read then (the demo records a past draw).
    The facilitator's page queues the draw instead (``queue_draw``); this runs it here and now.
    """
    moment = at or timezone.now()
    prepared = _prepare(edition, by, moment)
    seed = seed or fresh_seed()
    selection = _select(edition, prepared, seed)
    return _store(
        edition=edition, by=by, moment=moment, seed=seed, prepared=prepared, selection=selection, draw=None
    )


def _expire_stale_draws(edition: Edition) -> None:
    Draw.objects.filter(
        edition=edition, status__in=ACTIVE_DRAW_STATUSES, drawn_at__lt=timezone.now() - STALE_AFTER
    ).update(status=DrawStatus.FAILED, error=_failure_text(PanelError("draw_stopped")))


def queue_draw(*, edition: Edition, by: User, seed: int | None = None) -> Draw:
    """Check the input and queue the draw; the database task worker runs it (``run_queued_draw``).

    A maximin draw of 24 from 300 takes 10–20 seconds: too long for a web request. The queued draw
    is a ``Draw`` row in status "queued" with its seed; only one draw per edition runs at a time.
    """
    moment = timezone.now()
    prepared = _prepare(edition, by, moment)
    seed = seed or fresh_seed()
    _expire_stale_draws(edition)
    with transaction.atomic():
        _lock(edition)
        if Draw.objects.filter(edition=edition, status__in=ACTIVE_DRAW_STATUSES).exists():
            raise PanelError("draw_running")
        draw = Draw.objects.create(
            edition=edition,
            status=DrawStatus.QUEUED,
            seed=seed,
            algorithm=prepared.setup.algorithm,
            panel_size=prepared.setup.panel_size,
            library_version=sortition.LIBRARY_VERSION,
            drawn_by=by,
            drawn_at=moment,
        )
        record(
            actor=by,
            action="panel.draw_queued",
            target=draw,
            edition=edition,
            after={"seed": seed, "algorithm": draw.algorithm, "panel_size": draw.panel_size},
        )
        from ..tasks import run_draw  # the task module imports this one

        transaction.on_commit(lambda: run_draw.enqueue(draw.pk))
    return draw


def _failure_text(error: PanelError) -> str:
    """The failure in the site's language (the task runs outside any request)."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(error.message)


def run_queued_draw(*, draw: Draw) -> Draw:
    """Do a queued draw: the same checks and selection as ``draw_panel``, stored in the queued row.

    Any refusal or error marks the draw "failed" with its message; it never stays running.
    """
    if not Draw.objects.filter(pk=draw.pk, status=DrawStatus.QUEUED).update(status=DrawStatus.RUNNING):
        draw.refresh_from_db()
        return draw
    draw.refresh_from_db()
    edition, by = draw.edition, draw.drawn_by
    try:
        prepared = _prepare(edition, by, timezone.now())
        if prepared.setup.panel_size != draw.panel_size or prepared.setup.algorithm != draw.algorithm:
            raise PanelError("setup_changed")
        selection = _select(edition, prepared, draw.seed)
        _store(
            edition=edition,
            by=by,
            moment=draw.drawn_at,
            seed=draw.seed,
            prepared=prepared,
            selection=selection,
            draw=draw,
        )
    except Exception as error:
        logger.exception("Draw %s of edition %s failed", draw.pk, edition.pk)
        message = _failure_text(error if isinstance(error, PanelError) else PanelError("selection_failed"))
        Draw.objects.filter(pk=draw.pk).update(status=DrawStatus.FAILED, error=message)
        record(actor=by, action="panel.draw_failed", target=draw, edition=edition, after={"error": message})
    draw.refresh_from_db()
    return draw


@transaction.atomic
def publish_draw(*, draw: Draw, by: User, at: datetime | None = None) -> Draw:
    """Publish the current panel: seed, anonymised pool, probabilities and quota report go public."""
    edition = draw.edition
    moment = at or timezone.now()
    if not (
        can(by, Action.DRAW_PANEL, edition, at=moment) or can(by, Action.FACILITATE_PANEL, edition, at=moment)
    ):
        raise PanelError("not_allowed")
    _lock(edition)
    draw.refresh_from_db()
    if draw.published_at is not None:
        raise PanelError("draw_published")
    if not draw.is_current or draw.status != DrawStatus.DONE:
        raise PanelError("not_current")
    draw.published_at = moment
    draw.save(update_fields=["published_at"])
    record(
        actor=by,
        action="panel.publish",
        target=draw,
        edition=edition,
        before={"published_at": None},
        after={"published_at": draw.published_at.isoformat(), "seed": draw.seed},
    )
    return draw


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


@transaction.atomic
def replace_member(*, member: PanelMember, reason: str, by: User, seed: int | None = None) -> PanelMember:
    """Mark ``member`` as dropped out and draw a replacement who keeps every quota; returns the new member."""
    draw = member.draw
    edition = draw.edition
    if not can(by, Action.FACILITATE_PANEL, edition):
        raise PanelError("not_allowed")
    reason = reason.strip()
    if not reason:
        raise PanelError("reason_required")
    _lock(edition)
    member.refresh_from_db()
    draw.refresh_from_db()
    if not draw.is_current:
        raise PanelError("not_current")
    if member.status != MemberStatus.ACTIVE:
        raise PanelError("not_active", pool_id=member.pool_id)
    candidates = replacement_candidates(draw=draw, leaving=member)
    if not candidates:
        raise PanelError("no_replacement", pool_id=member.pool_id)
    if seed is None:
        seed = fresh_seed()
    chosen = random.Random(seed).choice(candidates)
    member.status = MemberStatus.DROPPED_OUT
    member.dropped_at = timezone.now()
    member.drop_reason = reason
    member.save(update_fields=["status", "dropped_at", "drop_reason"])
    replacement = PanelMember.objects.create(
        draw=draw,
        respondent=Respondent.objects.filter(edition=edition, pool_id=chosen).first(),
        pool_id=chosen,
        replaces=member,
        replacement_seed=seed,
    )
    record(
        actor=by,
        action="panel.replace",
        target=replacement,
        edition=edition,
        before={"member": member.pool_id, "status": MemberStatus.ACTIVE},
        after={
            "member": member.pool_id,
            "status": MemberStatus.DROPPED_OUT,
            "reason": reason,
            "replacement": chosen,
            "seed": seed,
            "candidates": len(candidates),
            "chance": str(Fraction(1, len(candidates))),
        },
    )
    return replacement
