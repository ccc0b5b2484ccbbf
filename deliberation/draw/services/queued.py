"""The queued draw: the facilitator's page queues it, the database task worker runs it.

A maximin draw of 24 from 300 takes 10–20 seconds: too long for a web request. The queued draw is a
``Draw`` row in status "queued" with its seed; only one draw per edition runs at a time, and a draw
whose worker died is marked failed after ``STALE_AFTER`` so a new one may start.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from audit.services import record
from editions.models import Edition

from ...errors import PanelError
from ...models import ACTIVE_DRAW_STATUSES, Draw, DrawStatus
from .. import sortition
from .draw import _lock, _prepare, _select, _store, fresh_seed

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)

# A draw still "running" after this long died with its worker; a new draw may replace it.
STALE_AFTER = timedelta(minutes=30)


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
        from ...tasks import run_draw  # the task module imports this one

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
