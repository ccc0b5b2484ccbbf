"""What every kind's purge shares: the periods from the table, the marks an emptied column holds,
and the account the audit log names for the purge."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat

from accounts.models import User
from editions.models import Edition

from ..table import retention_of

Rows = dict[str, int]  # model label -> rows deleted or emptied

# The account that records the purge in the audit log: no person, never logs in, never purged.
PURGE_ACCOUNT_EMAIL = "retention-purge@system.invalid"
# What an emptied account's e-mail address becomes (``privacy.services.deletion`` makes the same).
DELETED_DOMAIN = "@deleted.invalid"
# What an emptied column that must stay unique holds (a voter's code hash, an address): "purged:<id>".
PURGED_MARK = "purged:"
# A one-time code by e-mail stays this long after it expired (a resident asking "why did it fail?").
EXPIRED_CODE_GRACE = timedelta(days=1)


def period_days(key: str) -> int:
    """The table's fixed period for ``key`` in days (a kind counted per edition has none: a bug to ask)."""
    days = retention_of(key).days
    assert days is not None, key
    return days


def edition_period_days(key: str) -> Callable[[Edition], int]:
    """The edition's own period for ``key`` (its field named in the table), e.g. ``voter_data_days``."""
    name = retention_of(key).edition_field

    def days(edition: Edition) -> int:
        return int(getattr(edition, name))

    return days


def purged_mark() -> Concat:
    """ "purged:<the row's id>": unique per row, as the tables' constraints require, and meaning nothing."""
    return Concat(Value(PURGED_MARK), Cast("pk", CharField()))


def purge_account() -> User:
    """The account the audit log names for the purge (made once; inactive, without a password)."""
    user, created = User.objects.get_or_create(
        email=PURGE_ACCOUNT_EMAIL, defaults={"display_name": "Retention purge", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user
