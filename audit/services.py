"""Writing to the audit log; services that change something on behalf of staff call ``record``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import timezone

from editions.models import Edition

from .models import AuditEntry

if TYPE_CHECKING:
    from accounts.models import User


def record(
    *,
    actor: User,
    action: str,
    target: models.Model,
    edition: Edition | None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Append one entry dated ``at`` (default now), inside the transaction of the change it describes."""
    return AuditEntry.objects.create(
        at=at or timezone.now(),
        actor=actor,
        edition=edition,
        action=action,
        object_type=target._meta.label_lower,
        object_id=str(target.pk),
        object_label=str(getattr(target, "audit_label", None) or target)[:200],
        before=dict(before or {}),
        after=dict(after or {}),
    )


def record_each(
    *,
    actor: User,
    action: str,
    changes: Sequence[tuple[models.Model, Mapping[str, Any]]],
    edition: Edition | None,
    at: datetime | None = None,
) -> None:
    """Append one entry per (target, after) of a bulk change, as ``record`` would one by one."""
    AuditEntry.objects.bulk_create(
        (
            AuditEntry(
                actor=actor,
                edition=edition,
                action=action,
                object_type=target._meta.label_lower,
                object_id=str(target.pk),
                object_label=str(getattr(target, "audit_label", None) or target)[:200],
                before={},
                after=dict(after),
                **({} if at is None else {"at": at}),
            )
            for target, after in changes
        ),
        batch_size=1000,
    )
