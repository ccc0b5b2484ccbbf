"""Texts in several languages: the edition's introduction, themes and phases (a phase gets its own text).

SQLite adds the NOT NULL ``translations`` column by rebuilding editions_edition, which drops the
ballot-rule locks on it; they are put back after the rebuild (as in 0005), both ways.
"""

from importlib import import_module

from django.db import migrations, models

import common.translated.fields

put_back_the_locks = import_module("editions.migrations.0005_edition_unspent_money").put_back_the_locks


class Migration(migrations.Migration):
    dependencies = [
        ("editions", "0005_edition_unspent_money"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, put_back_the_locks),
        migrations.AddField(
            model_name="edition",
            name="translations",
            field=common.translated.fields.TranslationsField(
                blank=True, default=dict, verbose_name="translations"
            ),
        ),
        migrations.RunPython(put_back_the_locks, migrations.RunPython.noop),
        migrations.AddField(
            model_name="phase",
            name="description",
            field=models.TextField(
                blank=True,
                help_text="The district's own words for this phase (meetings, where to get help). Optional.",
                verbose_name="what happens",
            ),
        ),
        migrations.AddField(
            model_name="phase",
            name="translations",
            field=common.translated.fields.TranslationsField(
                blank=True, default=dict, verbose_name="translations"
            ),
        ),
        migrations.AddField(
            model_name="theme",
            name="translations",
            field=common.translated.fields.TranslationsField(
                blank=True, default=dict, verbose_name="translations"
            ),
        ),
    ]
