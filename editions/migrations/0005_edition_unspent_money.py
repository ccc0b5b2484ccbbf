"""Where unspent money goes; on SQLite the ballot-rule locks are put back after the table's rebuild.

SQLite adds a NOT NULL column by rebuilding editions_edition, which drops the triggers on it: the
locks of voting 0002 and deliberation 0004 (an edition's ballot rules are locked once ballots exist).
They are put back after the rebuild, and after the rebuild that undoing this migration makes.
"""

from importlib import import_module

from django.db import migrations, models

LOCKS = (
    "voting.migrations.0002_lock_ballot_rules",
    "deliberation.migrations.0004_lock_ballot_rules_on_panel_ballots",
)


def put_back_the_locks(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return  # PostgreSQL adds the column in place and keeps its triggers
    for module in LOCKS:
        lock = import_module(module).LOCK
        for statement in [*lock.reverse["sqlite"], *lock.forward["sqlite"]]:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("editions", "0004_hybrid_order_and_panel_phase"),
        ("voting", "0002_lock_ballot_rules"),
        ("deliberation", "0004_lock_ballot_rules_on_panel_ballots"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, put_back_the_locks),
        migrations.AddField(
            model_name="edition",
            name="unspent_money",
            field=models.CharField(
                choices=[
                    ("edition_pot", "Back to the district's pot for this edition's plans"),
                    ("next_edition", "Carried over to the next edition"),
                    ("district", "Returned to the district's general budget"),
                ],
                default="district",
                help_text="Where the money goes that the chosen plans leave unspent. The results page shows it.",
                max_length=20,
                verbose_name="unspent money",
            ),
        ),
        migrations.RunPython(put_back_the_locks, migrations.RunPython.noop),
    ]
