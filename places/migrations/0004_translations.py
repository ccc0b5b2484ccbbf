"""Texts in several languages: the `translations` column (issue 17)."""

import common.translated.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0003_merge_0002_helpdesk_helplocation_0002_postcode_areas'),
    ]

    operations = [
        migrations.AddField(
            model_name='district',
            name='translations',
            field=common.translated.fields.TranslationsField(blank=True, default=dict, verbose_name='translations'),
        ),
    ]
