"""Every committed write to a watched table retires the cached pages.

Watching the database rather than model signals catches what signals miss: ``QuerySet.update()``,
``bulk_create``, deletes by query, the admin, management commands and raw SQL. What the public pages
never show is listed in ``PAGE_CACHE_UNWATCHED_MODELS`` — above all the ballot box, so that casting
during a vote (running totals are never shown before it closes) keeps the pages cached.

The generation changes after the commit: a request that read the old token before the commit
rendered the old data, and stored it under the old token, which nobody asks for any more; one that
reads the new token also sees the committed data. Until then the writing thread's own requests
bypass the cache (``has_uncommitted_writes``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created

from .generation import bump_generation

# The table a data-changing statement writes to: Django's INSERT, UPDATE, DELETE (SQLite's INSERT
# OR IGNORE/REPLACE included), and TRUNCATE (a flush).
WRITTEN_TABLE = re.compile(
    r"""\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO|TRUNCATE(?:\s+TABLE)?)
        \s+["`]?([\w.]+)""",
    re.IGNORECASE | re.VERBOSE,
)
WRITING_WORDS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "TRUNCATE", "MERGE", "WITH")


SET_COLUMNS = re.compile(r'\s*UPDATE\s+"?\w+"?\s+SET\s+(.*?)\s+WHERE\s', re.IGNORECASE | re.DOTALL)
ASSIGNED_COLUMN = re.compile(r'(?:^|,\s*)"?(\w+)"?\s*=')


@cache
def unwatched_tables() -> frozenset[str]:
    """The tables of ``PAGE_CACHE_UNWATCHED_MODELS`` (app_label.Model), in lower case."""
    return frozenset(
        apps.get_model(label)._meta.db_table.lower() for label in settings.PAGE_CACHE_UNWATCHED_MODELS
    )


@cache
def unwatched_columns() -> dict[str, frozenset[str]]:
    """Per table, the columns of ``PAGE_CACHE_UNWATCHED_COLUMNS`` (app_label.Model.field)."""
    columns: dict[str, set[str]] = {}
    for label in settings.PAGE_CACHE_UNWATCHED_COLUMNS:
        model_label, field = label.rsplit(".", 1)
        meta = apps.get_model(model_label)._meta
        columns.setdefault(meta.db_table.lower(), set()).add(meta.get_field(field).column.lower())
    return {table: frozenset(names) for table, names in columns.items()}


def _only_unwatched_columns(table: str, sql: str) -> bool:
    """Whether ``sql`` is an UPDATE of ``table`` that sets nothing but unwatched columns."""
    allowed = unwatched_columns().get(table)
    found = SET_COLUMNS.match(sql) if allowed else None
    if allowed is None or found is None:
        return False
    assigned = {name.lower() for name in ASSIGNED_COLUMN.findall(found.group(1))}
    return bool(assigned) and assigned <= allowed


def changes_pages(sql: str) -> bool:
    """Whether ``sql`` may change what a public page shows: a write to a watched table.

    A statement that writes but whose table cannot be read (a ``WITH`` … ``UPDATE``) counts, to
    be safe; reads, savepoints and settings do not.
    """
    head = sql.lstrip()[:8].upper()
    if not head.startswith(WRITING_WORDS):
        return False
    match = WRITTEN_TABLE.match(sql)
    if match is None:
        return not head.startswith("WITH") or bool(re.search(r"\b(INSERT|UPDATE|DELETE)\b", sql, re.I))
    table = match.group(1).lower()
    return table not in unwatched_tables() and not _only_unwatched_columns(table, sql)


def _bump_after_commit() -> None:
    bump_generation()


def _in_test_transaction_only(connection: BaseDatabaseWrapper) -> bool:
    """Whether every open atomic block is a test case's: what is written then counts as committed."""
    return all(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def _pending(connection: BaseDatabaseWrapper) -> bool:
    return any(entry[1] is _bump_after_commit for entry in connection.run_on_commit)


def _note_write(connection: BaseDatabaseWrapper) -> None:
    if not connection.in_atomic_block or _in_test_transaction_only(connection):
        bump_generation()  # committed already (autocommit), or as good as (a test's transaction)
    elif not _pending(connection):
        # Once per transaction; a rolled-back savepoint drops its callback, so look rather than remember.
        connection.on_commit(_bump_after_commit)


def has_uncommitted_writes() -> bool:
    """Whether this thread's open transaction changed a watched table: its pages are its own then.

    Such a request neither reads the cache (it would miss its own changes) nor fills it (with what
    others cannot see yet, and what a rollback would make untrue). A test's transaction is not one:
    once only a test case's blocks are open, what they wrote counts as committed.
    """
    for connection in connections.all(initialized_only=True):
        if not _pending(connection):
            continue
        if not _in_test_transaction_only(connection):
            return True
        connection.run_on_commit = [e for e in connection.run_on_commit if e[1] is not _bump_after_commit]
        bump_generation()
    return False


def watch(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
    """The execute wrapper: run the statement, then note it if it changed a watched table."""
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and changes_pages(sql):
        _note_write(context["connection"])
    return result


def _install(connection: BaseDatabaseWrapper, **_: Any) -> None:
    if watch not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch)


def watch_writes() -> None:
    """Watch every database connection this process opens (called once, from an app's ``ready``).

    The unwatched models and columns are looked up here, so a wrong name stops the start, not a write.
    """
    unwatched_tables()
    unwatched_columns()
    connection_created.connect(_install, dispatch_uid="common.pagecache.watch_writes")
