"""Accounts record when their e-mail address was confirmed; every existing account counts as confirmed."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_user_email_notifications_user_language'),
    ]

    operations = [
        migrations.AddField(
            model_name='user',
            name='email_verified_at',
            field=models.DateTimeField(blank=True, default=django.utils.timezone.now, null=True, verbose_name='e-mail address confirmed at'),
        ),
    ]
