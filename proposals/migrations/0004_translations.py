"""Texts in several languages: the `translations` column (issue 17)."""

import common.translated.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('proposals', '0003_plan_changes_due_at'),
    ]

    operations = [
        migrations.AddField(
            model_name='plan',
            name='translations',
            field=common.translated.fields.TranslationsField(blank=True, default=dict, verbose_name='translations'),
        ),
    ]
