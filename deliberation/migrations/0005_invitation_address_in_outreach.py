# The address list moved to outreach (same table): an invitation's address points there, in the
# migration state only; the database's foreign key already points at that table.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('deliberation', '0004_lock_ballot_rules_on_panel_ballots'),
        ('outreach', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='invitation',
                    name='address',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='outreach.address'),
                ),
            ],
            database_operations=[],
        ),
    ]
