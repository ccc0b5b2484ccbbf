"""The development track: the days a pre-check may take, and the optional ideas phase.

SQLite adds the NOT NULL column by rebuilding editions_edition, which drops the ballot-rule locks
on it; they are put back as in 0005.
"""

from importlib import import_module

from django.db import migrations, models

put_back_the_locks = import_module("editions.migrations.0005_edition_unspent_money").put_back_the_locks


class Migration(migrations.Migration):

    dependencies = [
        ('editions', '0006_translations'),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, put_back_the_locks),
        migrations.AddField(
            model_name='edition',
            name='precheck_days',
            field=models.PositiveSmallIntegerField(default=10, help_text="The district answers an initiator's request for a pre-check within this many days.", verbose_name='days to answer a pre-check'),
        ),
        migrations.AlterField(
            model_name='phase',
            name='kind',
            field=models.CharField(choices=[('information', 'Information'), ('ideas', 'Ideas'), ('plans', 'Plans'), ('support', 'Support'), ('review', 'Feasibility review'), ('shortlist', 'Shortlist'), ('decision', 'Decision'), ('panel', "Panel's decision"), ('result', 'Result'), ('execution', 'Execution'), ('evaluation', 'Evaluation')], max_length=20, verbose_name='phase'),
        ),
        migrations.RunPython(put_back_the_locks, migrations.RunPython.noop),
    ]
