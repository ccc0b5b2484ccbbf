# The address list moved to outreach (same table, see outreach 0001): a voter's address points
# there and voting forgets the model, in the migration state only. It waits for deliberation's
# invitations to point there too, so no state ever refers to a model that is gone.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('deliberation', '0005_invitation_address_in_outreach'),
        ('outreach', '0001_initial'),
        ('voting', '0003_sealed_ballot_box'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='voter',
                    name='address',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='voters', to='outreach.address'),
                ),
                migrations.DeleteModel(
                    name='Address',
                ),
            ],
            database_operations=[],
        ),
    ]
