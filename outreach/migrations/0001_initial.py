# The address list moves from voting to outreach without copying a row: the model is created here
# in the migration state only, on the table voting made (``voting_address``, kept by ``db_table``).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('editions', '0004_hybrid_order_and_panel_phase'),
        ('places', '0001_initial'),
        ('voting', '0003_sealed_ballot_box'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Address',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('street_address', models.CharField(max_length=200, verbose_name='address')),
                        ('postcode', models.CharField(max_length=10, verbose_name='postcode')),
                        ('eligible_count', models.PositiveSmallIntegerField(verbose_name='eligible residents')),
                        ('codes_issued', models.BooleanField(default=False, verbose_name='codes issued')),
                        ('edition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='voting_addresses', to='editions.edition')),
                        ('neighbourhood', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.neighbourhood', verbose_name='neighbourhood')),
                    ],
                    options={
                        'verbose_name': 'address',
                        'verbose_name_plural': 'addresses',
                        'db_table': 'voting_address',
                        'ordering': ['postcode', 'street_address'],
                        'constraints': [models.UniqueConstraint(fields=('edition', 'postcode', 'street_address'), name='voting_address_unique'), models.CheckConstraint(condition=models.Q(('eligible_count__gte', 1)), name='voting_address_has_residents')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
