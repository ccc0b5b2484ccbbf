"""The database itself refuses UPDATE, DELETE (and on PostgreSQL TRUNCATE) of audit entries.

The one way around it is deliberate and visible: a maintenance switch (a row in
``audit_maintenance`` on SQLite, the session setting ``buurtbudget.audit_maintenance = 'on'`` on
PostgreSQL). Only the test suite's database flush uses it; no application code does.
"""

from django.db import migrations

from common.db_triggers import VendorSql

TABLE = "audit_auditentry"

SQLITE = [
    "CREATE TABLE audit_maintenance (on_purpose integer NOT NULL);",
    f"""CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON {TABLE}
        WHEN NOT EXISTS (SELECT 1 FROM audit_maintenance)
        BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;""",
    f"""CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON {TABLE}
        WHEN NOT EXISTS (SELECT 1 FROM audit_maintenance)
        BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_entry_no_update;",
    "DROP TRIGGER IF EXISTS audit_entry_no_delete;",
    "DROP TABLE IF EXISTS audit_maintenance;",
]

POSTGRES = [
    """CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
        BEGIN
            IF coalesce(current_setting('buurtbudget.audit_maintenance', true), '') = 'on' THEN
                RETURN coalesce(NEW, OLD);
            END IF;
            RAISE EXCEPTION 'audit entries are append-only';
        END; $$ LANGUAGE plpgsql;""",
    f"""CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();""",
    f"""CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();""",
]
POSTGRES_REVERSE = [
    f"DROP TRIGGER IF EXISTS audit_entry_no_change ON {TABLE};",
    f"DROP TRIGGER IF EXISTS audit_entry_no_truncate ON {TABLE};",
    "DROP FUNCTION IF EXISTS audit_entry_append_only();",
]


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        VendorSql(
            forward={"sqlite": SQLITE, "postgresql": POSTGRES},
            reverse={"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE},
        ).operation()
    ]
