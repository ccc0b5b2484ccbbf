"""The purge: per kind of the retention table, remove what its period has passed for.

One service per kind (``PURGES``), each taking the moment ``at`` (default now) and ``dry_run`` (count
only), each returning the rows it deleted or emptied per model. Every purge selects only what is still
there to remove, so running it twice removes nothing the second time; it works in bounded batches
(``batches.py``). ``purge_personal_data`` runs them all and records one audit entry per kind that
removed something: the kind, the moment and the numbers, never what was removed.

What "remove" means per kind is what the privacy statement promises: rows that only exist for the
person go (likes, comments, messages, sessions); rows others rely on are emptied of the personal
columns (``holdings.py``) and stay (a voter's turnout record, a published plan, a panel member in the
published draw).

The kinds' services live by what they purge: ``accounts``, ``participation``, ``voting`` and
``aftercare``; ``shared`` holds the periods, the marks and the purge's own account.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from audit.services import record

from ..table import RETENTION
from .accounts import (
    purge_accounts,
    purge_admin_history,
    purge_co_initiators,
    purge_mail_queue,
    purge_nothing,
    purge_notifications,
    purge_sessions,
)
from .aftercare import purge_projects, purge_survey_answers, purge_survey_tickets
from .participation import purge_coaching, purge_comments, purge_ideas, purge_likes, purge_plans
from .shared import (
    DELETED_DOMAIN,
    EXPIRED_CODE_GRACE,
    PURGE_ACCOUNT_EMAIL,
    PURGED_MARK,
    Rows,
    purge_account,
)
from .voting import purge_ballots, purge_panel, purge_voters

__all__ = [
    "DELETED_DOMAIN",
    "EXPIRED_CODE_GRACE",
    "PURGED_MARK",
    "PURGES",
    "PURGE_ACCOUNT_EMAIL",
    "Purged",
    "Rows",
    "purge_account",
    "purge_accounts",
    "purge_admin_history",
    "purge_ballots",
    "purge_co_initiators",
    "purge_coaching",
    "purge_comments",
    "purge_ideas",
    "purge_likes",
    "purge_mail_queue",
    "purge_nothing",
    "purge_notifications",
    "purge_panel",
    "purge_personal_data",
    "purge_plans",
    "purge_projects",
    "purge_sessions",
    "purge_survey_answers",
    "purge_survey_tickets",
    "purge_voters",
]


PURGES: Mapping[str, Callable[..., Rows]] = {
    "account": purge_accounts,
    "plans": purge_plans,
    "ideas": purge_ideas,
    "coaching": purge_coaching,
    "co_initiators": purge_co_initiators,
    "likes": purge_likes,
    "comments": purge_comments,
    "notifications": purge_notifications,
    "sessions": purge_sessions,
    "mail_queue": purge_mail_queue,
    "voters": purge_voters,
    "ballots": purge_ballots,
    "panel": purge_panel,
    "projects": purge_projects,
    "survey_answers": purge_survey_answers,
    "survey_tickets": purge_survey_tickets,
    "audit": purge_nothing,
    "admin_history": purge_admin_history,
    "staff_records": purge_nothing,
}


@dataclass(frozen=True)
class Purged:
    """What one kind's purge removed (or, in a dry run, would remove)."""

    kind: str
    rows: Rows = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def purge_personal_data(
    *, at: datetime | None = None, dry_run: bool = False, kinds: tuple[str, ...] = ()
) -> list[Purged]:
    """Run every kind's purge (or those of ``kinds``) at ``at`` (default now), in the table's order.

    Each kind that removed something gets one audit entry (action ``privacy.purged``) naming the
    kind and the numbers per table; a dry run changes nothing and records nothing.
    """
    moment = at or timezone.now()
    unknown = set(kinds) - set(PURGES)
    if unknown:
        raise ValueError(f"No retention kinds {sorted(unknown)}")
    report: list[Purged] = []
    for entry in RETENTION:
        if kinds and entry.key not in kinds:
            continue
        rows = {label: n for label, n in PURGES[entry.key](at=moment, dry_run=dry_run).items() if n}
        purged = Purged(kind=entry.key, rows=rows)
        report.append(purged)
        if purged.total and not dry_run:
            actor = purge_account()
            record(
                actor=actor,
                action="privacy.purged",
                target=actor,
                edition=None,
                after={"kind": entry.key, "rows": rows, "at": moment.isoformat()},
                at=moment,
            )
    return report
