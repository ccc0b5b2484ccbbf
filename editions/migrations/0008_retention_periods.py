"""Retention periods per edition (issue 18 §4): the voter register's and the panel contacts' days.

SQLite adds the columns by rebuilding editions_edition, which drops the ballot-rule locks on it; they
are put back as in 0005.
"""

from importlib import import_module

import django.core.validators
from django.db import migrations, models

put_back_the_locks = import_module("editions.migrations.0005_edition_unspent_money").put_back_the_locks


class Migration(migrations.Migration):

    dependencies = [
        ('editions', '0007_precheck_days_and_ideas_phase'),
        ('places', '0004_translations'),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, put_back_the_locks),
        migrations.AddField(
            model_name='edition',
            name='panel_contact_days',
            field=models.PositiveSmallIntegerField(default=0, help_text="Names, e-mail addresses and phone numbers of people who signed up for the panel are erased this many days after the edition's last phase ends. 0: on the day it ends.", validators=[django.core.validators.MinValueValidator(0, message='A number of days cannot be negative.'), django.core.validators.MaxValueValidator(3650, message='Keep personal data at most %(limit_value)s days.')], verbose_name='days panel contact details are kept after the edition'),
        ),
        migrations.AddField(
            model_name='edition',
            name='voter_data_days',
            field=models.PositiveSmallIntegerField(default=180, help_text='The appeal period: addresses, scrambled voting codes and who voted online or on paper are deleted this many days after the result is published.', validators=[django.core.validators.MinValueValidator(0, message='A number of days cannot be negative.'), django.core.validators.MaxValueValidator(3650, message='Keep personal data at most %(limit_value)s days.')], verbose_name='days the voter register is kept after the result'),
        ),
        migrations.AddConstraint(
            model_name='edition',
            constraint=models.CheckConstraint(condition=models.Q(('voter_data_days__lte', 3650), ('panel_contact_days__lte', 3650)), name='edition_retention_days_at_most_ten_years'),
        ),
        migrations.RunPython(put_back_the_locks, migrations.RunPython.noop),
    ]
