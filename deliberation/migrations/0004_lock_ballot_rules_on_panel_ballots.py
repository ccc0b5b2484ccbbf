"""The database refuses to change an edition's ballot format or counting rule once the panel has voted.

The same guarantee as voting's migration 0002, for the ballots of the panel's rounds: a round's
ballots are counted with the edition's format and rule, so these must not change under them.
"""

from django.db import migrations

FIELDS = ["ballot_format", "ballot_max_choices", "ballot_points", "aggregation_rule", "rule_satisfaction"]
CHANGED_SQLITE = " OR ".join(f"OLD.{f} IS NOT NEW.{f}" for f in FIELDS)
CHANGED_PG = " OR ".join(f"OLD.{f} IS DISTINCT FROM NEW.{f}" for f in FIELDS)
CAST = (
    "EXISTS (SELECT 1 FROM deliberation_panelballot b JOIN deliberation_panelvote v ON b.vote_id = v.id"
    " WHERE v.edition_id = NEW.id)"
)

SQLITE = [
    f"""CREATE TRIGGER deliberation_lock_ballot_rules BEFORE UPDATE ON editions_edition
        WHEN ({CHANGED_SQLITE}) AND ({CAST})
        BEGIN SELECT RAISE(ABORT, 'ballot rules are locked: the panel has voted'); END;""",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS deliberation_lock_ballot_rules;"]

POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION deliberation_lock_ballot_rules() RETURNS trigger AS $$
        BEGIN
            IF ({CHANGED_PG}) AND ({CAST}) THEN
                RAISE EXCEPTION 'ballot rules are locked: the panel has voted'
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER deliberation_lock_ballot_rules BEFORE UPDATE ON editions_edition
        FOR EACH ROW EXECUTE FUNCTION deliberation_lock_ballot_rules();""",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS deliberation_lock_ballot_rules ON editions_edition;",
    "DROP FUNCTION IF EXISTS deliberation_lock_ballot_rules();",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("deliberation", "0003_draw_in_background")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
