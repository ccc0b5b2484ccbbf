"""The database refuses to change an edition's ballot format or counting rule once ballots exist.

The admin and the services refuse first with a translated message; this is the guarantee behind
them, whatever writes to the table.
"""

from django.db import migrations

FIELDS = ["ballot_format", "ballot_max_choices", "ballot_points", "aggregation_rule", "rule_satisfaction"]
CHANGED_SQLITE = " OR ".join(f"OLD.{f} IS NOT NEW.{f}" for f in FIELDS)
CHANGED_PG = " OR ".join(f"OLD.{f} IS DISTINCT FROM NEW.{f}" for f in FIELDS)
CAST = (
    "EXISTS (SELECT 1 FROM voting_ballot WHERE edition_id = NEW.id)"
    " OR EXISTS (SELECT 1 FROM voting_paperentry WHERE edition_id = NEW.id)"
)

SQLITE = [
    f"""CREATE TRIGGER voting_lock_ballot_rules BEFORE UPDATE ON editions_edition
        WHEN ({CHANGED_SQLITE}) AND ({CAST})
        BEGIN SELECT RAISE(ABORT, 'ballot rules are locked: ballots exist'); END;""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS voting_lock_ballot_rules;"]

POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION voting_lock_ballot_rules() RETURNS trigger AS $$
        BEGIN
            IF ({CHANGED_PG}) AND ({CAST}) THEN
                RAISE EXCEPTION 'ballot rules are locked: ballots exist'
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER voting_lock_ballot_rules BEFORE UPDATE ON editions_edition
        FOR EACH ROW EXECUTE FUNCTION voting_lock_ballot_rules();""",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS voting_lock_ballot_rules ON editions_edition;",
    "DROP FUNCTION IF EXISTS voting_lock_ballot_rules();",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("voting", "0001_initial"), ("editions", "0003_edition_ballot_points_edition_results_publish_at_and_more")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
