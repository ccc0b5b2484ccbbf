"""The vote's part of the Edition admin: once ballots exist, the ballot rules are read-only.

``backoffice.editions`` composes it into the one Edition admin: ``ballots_cast`` locks the fields
``editions.models.BALLOT_RULE_FIELDS``, and the edition's page says why with ``BALLOTS_CAST_NOTICE``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from editions.models import Edition

from .services.rules import ballot_rules_locked

BALLOTS_CAST_NOTICE = gettext_lazy(
    "The ballot format and counting rule can no longer change: ballots have been cast."
)


def ballots_cast(edition: Edition) -> bool:
    """Whether the edition has a ballot, online or on paper (its ballot rules are then locked)."""
    return ballot_rules_locked(edition)
