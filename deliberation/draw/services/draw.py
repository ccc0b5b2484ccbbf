"""The draw: select the panel from the pool under the quotas and a recorded seed, and publish it.

Bad input never crashes a draw: plain input errors (no features, a panel larger than the pool)
are refused with a ``PanelError`` before anything is drawn; quotas the pool cannot meet give a
draw with status "infeasible" whose ``problems`` say which quotas conflict and what relaxation
would work (the library's own suggestion), shown on the page. The current panel stays as it was.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from audit.services import record
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from ...errors import PanelError
from ...models import Draw, DrawStatus, Feature, PanelMember, PanelSetup, Respondent
from .. import sortition
from ..quotas import QuotaMap, effective_quotas, features_of, panel_setup_of
from ..selectors import current_pool
from .problems import _explain, pool_problems
from .report import anonymised_pool, quota_report

if TYPE_CHECKING:
    from accounts.models import User

MAX_SEED = 2**63 - 1


def fresh_seed() -> int:
    """A new seed from the operating system's randomness; never 0 (the library reads 0 as 'no seed')."""
    seed = 0
    while seed == 0:
        seed = secrets.randbits(63)
    return seed


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


@dataclass(frozen=True)
class _Selecting:
    """A selection under way: its input, the pool's problems, and the child process if it runs."""

    pool: list[dict[str, str]]
    quotas: QuotaMap
    causes: list[dict[str, Any]]
    features: list[Feature]
    running: sortition.Running | None


def _start_selection(edition: Edition, prepared: _Prepared, seed: int) -> _Selecting:
    """Start the library on the anonymised pool in its child process, unless the pool cannot work."""
    features, size = prepared.features, prepared.setup.panel_size
    quotas = effective_quotas(edition, panel_size=size)
    pool = anonymised_pool(prepared.respondents, features)
    causes, blocking = pool_problems(pool=pool, features=features, quotas=quotas, panel_size=size)
    running = None
    if not blocking:
        try:
            running = sortition.start(
                pool=pool,
                feature_keys=[f.key for f in features],
                quotas=quotas,
                panel_size=size,
                algorithm=prepared.setup.algorithm,
                seed=seed,
            )
        except (RuntimeError, OSError, ValueError) as error:
            raise PanelError("selection_failed") from error
    return _Selecting(pool=pool, quotas=quotas, causes=causes, features=features, running=running)


def _finish_selection(selecting: _Selecting) -> _Selection:
    """Wait for the library's answer (seconds to minutes; outside any transaction)."""
    outcome: sortition.Outcome | None = None
    if selecting.running is not None:
        try:
            outcome = selecting.running.outcome()
        except (RuntimeError, OSError, ValueError) as error:
            raise PanelError("selection_failed") from error
    done = outcome is not None and outcome.feasible
    if outcome is None:
        problems = selecting.causes
    elif not outcome.feasible:
        problems = _explain(outcome, selecting.causes, selecting.features)
    else:
        problems = []
    return _Selection(
        pool=selecting.pool,
        quotas=selecting.quotas,
        selected=list(outcome.selected) if done and outcome else [],
        probabilities=outcome.probabilities if done and outcome else {},
        problems=problems,
        done=done,
    )


def _select(edition: Edition, prepared: _Prepared, seed: int) -> _Selection:
    """Run the library on the anonymised pool and wait for it."""
    return _finish_selection(_start_selection(edition, prepared, seed))


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


@dataclass(frozen=True)
class StartedDraw:
    """A draw whose selection runs in its child process (``start_draw``); ``finish_draw`` stores it."""

    edition: Edition
    by: User
    moment: datetime
    seed: int
    prepared: _Prepared
    selecting: _Selecting


def start_draw(
    *, edition: Edition, by: User, seed: int | None = None, at: datetime | None = None
) -> StartedDraw:
    """Check the draw and start its selection, so the caller can do other work until ``finish_draw``.

    Refuses plain input errors (``PanelError``) before anything runs; ``at`` as in ``draw_panel``.
    """
    moment = at or timezone.now()
    prepared = _prepare(edition, by, moment)
    seed = seed or fresh_seed()
    selecting = _start_selection(edition, prepared, seed)
    return StartedDraw(
        edition=edition, by=by, moment=moment, seed=seed, prepared=prepared, selecting=selecting
    )


def finish_draw(*, started: StartedDraw) -> Draw:
    """Wait for the started selection and store the draw, as ``draw_panel`` does."""
    return _store(
        edition=started.edition,
        by=started.by,
        moment=started.moment,
        seed=started.seed,
        prepared=started.prepared,
        selection=_finish_selection(started.selecting),
        draw=None,
    )


def draw_panel(*, edition: Edition, by: User, seed: int | None = None, at: datetime | None = None) -> Draw:
    """Draw the panel from the current pool with the edition's algorithm, under ``seed`` (fresh if None).

    The selection runs before the transaction (it takes seconds, and must not hold the edition's
    lock meanwhile); everything it writes is written in one transaction, which re-checks that the
    panel was not published in between. A successful draw becomes the current panel. ``at`` (default
    now) is the moment of the draw: the phase rules are read then (the demo records a past draw).
    The facilitator's page queues the draw instead (``queue_draw``); this runs it here and now.
    """
    return finish_draw(started=start_draw(edition=edition, by=by, seed=seed, at=at))


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
