"""The development track in the demo: Nieuw-West 2027's workshops, ideas, a coached draft, a pre-check.

In the order they happened: the plan workshops (one already held), the ideas (one came from that
workshop and became a draft plan), its coach and log, and the district's pre-check of the draft.
Each loader keeps what is already there, so a second load adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from accounts.models import User
from development.workshops.reminders import send_workshop_reminders
from editions.models import Edition

from .development_coaching import load_coaching
from .development_ideas import load_ideas
from .development_prechecks import load_prechecks
from .development_workshops import load_workshops

EDITION_SLUG = "buurtbudget-nieuw-west-2027"


def load_development(*, editions: Sequence[Edition], users: dict[str, User], now: datetime) -> None:
    edition = next((edition for edition in editions if edition.slug == EDITION_SLUG), None)
    if edition is None:
        return
    workshops = load_workshops(edition=edition, users=users, now=now)
    # The held workshop's sign-ups were reminded the evening before it (once: a second load finds it sent).
    send_workshop_reminders(at=workshops[0].starts_at - timedelta(hours=20))
    load_ideas(edition=edition, users=users, now=now, workshop=workshops[0])
    load_coaching(edition=edition, users=users, now=now)
    load_prechecks(edition=edition, users=users, now=now)
