"""Ballots are sealed to the edition's key (BallotBox); paper entries can drop their readings."""

from importlib import import_module

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def refuse_ballots_in_the_clear(apps, schema_editor):
    """Ballots stored in the clear cannot be sealed here (no key exists yet): stop rather than lose them."""
    if apps.get_model("voting", "Ballot").objects.exists():
        raise RuntimeError(
            "voting_ballot holds ballots in the clear. Count and publish (or delete) them with the "
            "previous version before sealing ballots; a demo database is simply loaded again."
        )


def _sqlite_trigger(forwards):
    """SQLite rebuilds voting_ballot to drop its column: its edition trigger (0002) must step aside."""
    rules = import_module("voting.migrations.0002_lock_ballot_rules")

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in rules.SQLITE if forwards else rules.SQLITE_REVERSE:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ('editions', '0004_hybrid_order_and_panel_phase'),
        ('voting', '0002_lock_ballot_rules'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(refuse_ballots_in_the_clear, migrations.RunPython.noop),
        migrations.RunPython(_sqlite_trigger(False), _sqlite_trigger(True)),
        migrations.RemoveField(
            model_name='ballot',
            name='content',
        ),
        migrations.AddField(
            model_name='ballot',
            name='sealed',
            field=models.BinaryField(default=b''),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='paperentry',
            name='content_hash',
            field=models.CharField(blank=True, max_length=64, verbose_name='content hash'),
        ),
        migrations.AlterField(
            model_name='paperentry',
            name='first_content',
            field=models.JSONField(blank=True, null=True, verbose_name='first entry'),
        ),
        migrations.AlterField(
            model_name='paperentry',
            name='voter',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='paper_entries', to='voting.voter'),
        ),
        migrations.CreateModel(
            name='BallotBox',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('public_key', models.BinaryField(verbose_name='public key')),
                ('threshold', models.PositiveSmallIntegerField(verbose_name='shares needed')),
                ('share_count', models.PositiveSmallIntegerField(verbose_name='shares')),
                ('share_hashes', models.JSONField(default=list)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='set up at')),
                ('ballots_destroyed_at', models.DateTimeField(blank=True, null=True, verbose_name='sealed ballots destroyed at')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='set up by')),
                ('edition', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='ballot_box', to='editions.edition')),
            ],
            options={
                'verbose_name': 'ballot box',
                'verbose_name_plural': 'ballot boxes',
                'constraints': [models.CheckConstraint(condition=models.Q(('threshold__gte', 1), ('threshold__lte', models.F('share_count'))), name='voting_ballot_box_threshold_within_shares')],
            },
        ),
        migrations.RunPython(_sqlite_trigger(True), _sqlite_trigger(False)),
    ]
