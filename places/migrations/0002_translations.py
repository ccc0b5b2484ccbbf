"""Texts in several languages: the `translations` column (issue 17)."""

import common.translated.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='district',
            name='translations',
            field=common.translated.fields.TranslationsField(blank=True, default=dict, verbose_name='translations'),
        ),
    ]
