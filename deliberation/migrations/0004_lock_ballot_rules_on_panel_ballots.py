"""The database refuses to change an edition's ballot format or counting rule once the panel has voted.

The same guarantee as voting's migration 0002, for the ballots of the panel's rounds: a round's
ballots are counted with the edition's format and rule, so these must not change under them.
"""

from django.db import migrations

from common.db_triggers import column_lock

FIELDS = ["ballot_format", "ballot_max_choices", "ballot_points", "aggregation_rule", "rule_satisfaction"]
CAST = (
    "EXISTS (SELECT 1 FROM deliberation_panelballot b JOIN deliberation_panelvote v ON b.vote_id = v.id"
    " WHERE v.edition_id = NEW.id)"
)

LOCK = column_lock(
    name="deliberation_lock_ballot_rules",
    table="editions_edition",
    columns=FIELDS,
    when=CAST,
    message="ballot rules are locked: the panel has voted",
)


class Migration(migrations.Migration):
    dependencies = [("deliberation", "0003_draw_in_background")]

    operations = [LOCK.operation()]
