"""Migration operations that install database triggers, written once for SQLite and PostgreSQL.

A trigger is the guarantee behind a rule the services already check with a translated message
(audit entries are append-only, an edition's ballot rules are locked once ballots exist): it holds
whatever writes to the table. Each vendor gets its own statements; other vendors get none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import migrations

Statements = Mapping[str, Sequence[str]]


def _run(statements_by_vendor: Statements) -> Callable[[Any, Any], None]:
    def run(apps: Any, schema_editor: Any) -> None:
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


@dataclass(frozen=True)
class VendorSql:
    """Statements per database vendor ("sqlite", "postgresql") to install something, and to undo it."""

    forward: Statements
    reverse: Statements

    def operation(self) -> migrations.RunPython:
        """The migration operation running the statements written for the database's vendor."""
        return migrations.RunPython(_run(self.forward), _run(self.reverse))


def column_lock(*, name: str, table: str, columns: Sequence[str], when: str, message: str) -> VendorSql:
    """A trigger ``name`` refusing an UPDATE of ``table`` changing any of ``columns`` while ``when`` holds.

    ``when`` is an SQL condition on the row (``NEW``); ``message`` is the database's refusal.
    """
    changed_sqlite = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
    changed_pg = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
    sqlite = [
        f"""CREATE TRIGGER {name} BEFORE UPDATE ON {table}
        WHEN ({changed_sqlite}) AND ({when})
        BEGIN SELECT RAISE(ABORT, '{message}'); END;""",
    ]
    postgres = [
        f"""CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
        BEGIN
            IF ({changed_pg}) AND ({when}) THEN
                RAISE EXCEPTION '{message}'
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END; $$ LANGUAGE plpgsql;""",
        f"""CREATE TRIGGER {name} BEFORE UPDATE ON {table}
        FOR EACH ROW EXECUTE FUNCTION {name}();""",
    ]
    return VendorSql(
        forward={"sqlite": sqlite, "postgresql": postgres},
        reverse={
            "sqlite": [f"DROP TRIGGER IF EXISTS {name};"],
            "postgresql": [
                f"DROP TRIGGER IF EXISTS {name} ON {table};",
                f"DROP FUNCTION IF EXISTS {name}();",
            ],
        },
    )
