"""A count keeps the .pb texts of the ballots it opened with the key shares, for its worker."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('outcomes', '0004_count_panel_vote'),
    ]

    operations = [
        migrations.AddField(
            model_name='count',
            name='ballot_files',
            field=models.JSONField(blank=True, default=dict, verbose_name='ballot files'),
        ),
    ]
