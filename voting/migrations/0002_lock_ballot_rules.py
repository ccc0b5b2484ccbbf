"""The database refuses to change an edition's ballot format or counting rule once ballots exist.

The admin and the services refuse first with a translated message; this is the guarantee behind
them, whatever writes to the table.
"""

from django.db import migrations

from common.db_triggers import column_lock

FIELDS = ["ballot_format", "ballot_max_choices", "ballot_points", "aggregation_rule", "rule_satisfaction"]
CAST = (
    "EXISTS (SELECT 1 FROM voting_ballot WHERE edition_id = NEW.id)"
    " OR EXISTS (SELECT 1 FROM voting_paperentry WHERE edition_id = NEW.id)"
)

LOCK = column_lock(
    name="voting_lock_ballot_rules",
    table="editions_edition",
    columns=FIELDS,
    when=CAST,
    message="ballot rules are locked: ballots exist",
)
# Migration voting 0003 takes the SQLite trigger down and up again around a table rebuild.
SQLITE, SQLITE_REVERSE = LOCK.forward["sqlite"], LOCK.reverse["sqlite"]


class Migration(migrations.Migration):
    dependencies = [("voting", "0001_initial"), ("editions", "0003_edition_ballot_points_edition_results_publish_at_and_more")]

    operations = [LOCK.operation()]
