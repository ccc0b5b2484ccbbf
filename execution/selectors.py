"""The district's work in carrying out an edition, counted for the staff's "My work" (one place).

Each part counts its own work (``<part>/selectors.py::work_counts``); this gathers them, so the
workspace and the district's work page read only ``work_counts``.
"""

from __future__ import annotations

from datetime import datetime

from editions.models import Edition

from .agreements import selectors as agreements
from .completion import selectors as completion
from .following import selectors as following
from .ledger import selectors as ledger
from .obstacles import selectors as obstacles
from .progress import selectors as progress


def work_counts(edition: Edition, *, at: datetime | None = None) -> dict[str, int]:
    """What waits for the district in ``edition``'s projects: projects to set up, agreements to
    confirm, payments due, updates of the last seven days to check, overdue milestones, open help
    requests and blockers, final reports to decide on."""
    return {
        **agreements.work_counts(edition),
        **ledger.work_counts(edition),
        **progress.work_counts(edition, at=at),
        **following.work_counts(edition, at=at),
        **obstacles.work_counts(edition),
        **completion.work_counts(edition),
    }
