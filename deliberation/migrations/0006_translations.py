"""Texts in several languages: the `translations` column (issue 17)."""

import common.translated.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('deliberation', '0005_invitation_address_in_outreach'),
    ]

    operations = [
        migrations.AddField(
            model_name='feature',
            name='translations',
            field=common.translated.fields.TranslationsField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.AddField(
            model_name='featurevalue',
            name='translations',
            field=common.translated.fields.TranslationsField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.AddField(
            model_name='worksession',
            name='translations',
            field=common.translated.fields.TranslationsField(blank=True, default=dict, verbose_name='translations'),
        ),
    ]
