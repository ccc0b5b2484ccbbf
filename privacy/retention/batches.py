"""Deleting and emptying rows in bounded batches, each batch its own transaction.

A big city's tables (a voter register of 700,000 rows) are not purged in one transaction: that would
hold locks for minutes during a vote elsewhere and grow the WAL. Each batch commits alone, in primary
key order, so a purge that stops halfway has removed whole batches and the next run goes on where it
stopped: every purge is idempotent, as its query selects only what is still there to remove.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from django.db import models, transaction
from django.db.models.fields.files import FieldFile

BATCH_SIZE = 1000


def _pk_batches(queryset: models.QuerySet[Any], size: int) -> Iterable[list[Any]]:
    """The queryset's primary keys, ``size`` at a time, in order; each batch read after the last one
    was handled, so rows the handling removed from the queryset are not read again."""
    last: Any = None
    while True:
        page = queryset.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        pks = list(page.values_list("pk", flat=True)[:size])
        if not pks:
            return
        yield pks
        last = pks[-1]


def delete_rows(
    queryset: models.QuerySet[Any], *, dry_run: bool, files: tuple[str, ...] = (), size: int = BATCH_SIZE
) -> int:
    """Delete the queryset's rows (and the stored files of ``files``); returns how many rows went."""
    if dry_run:
        return queryset.count()
    model = queryset.model
    total = 0
    for pks in _pk_batches(queryset, size):
        with transaction.atomic():
            batch = model._default_manager.filter(pk__in=pks)
            stored = _stored_files(batch, files)
            batch.delete()
            transaction.on_commit(partial(_remove_files, stored))
        total += len(pks)
    return total


def empty_rows(
    queryset: models.QuerySet[Any],
    values: Mapping[str, Any],
    *,
    dry_run: bool,
    files: tuple[str, ...] = (),
    size: int = BATCH_SIZE,
) -> int:
    """Set ``values`` on the queryset's rows (removing the stored files of ``files``); returns how many.

    The queryset must leave out rows that are already empty, so a second run finds nothing to do.
    """
    if dry_run:
        return queryset.count()
    model = queryset.model
    total = 0
    for pks in _pk_batches(queryset, size):
        with transaction.atomic():
            batch = model._default_manager.filter(pk__in=pks)
            stored = _stored_files(batch, files)
            batch.update(**values)
            transaction.on_commit(partial(_remove_files, stored))
        total += len(pks)
    return total


def _stored_files(batch: models.QuerySet[Any], fields: tuple[str, ...]) -> list[FieldFile]:
    if not fields:
        return []
    return [getattr(row, name) for row in batch.only(*fields) for name in fields if getattr(row, name)]


def _remove_files(stored: list[FieldFile]) -> None:
    """Delete the files once the rows that named them are gone (a missing file is fine)."""
    for file in stored:
        if file.name:
            file.storage.delete(file.name)
