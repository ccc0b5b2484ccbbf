"""`manage.py remind_workshops`: remind everyone signed up for a plan workshop the day before."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from development.workshops.reminders import send_workshop_reminders


class Command(BaseCommand):
    help = (
        "For cron (daily): remind everyone signed up for a plan workshop that starts tomorrow. "
        "Each workshop is reminded once."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_workshop_reminders()
        for workshop in sent:
            starts = timezone.localtime(workshop.starts_at).strftime("%Y-%m-%d %H:%M")
            self.stdout.write(f"{workshop.title} ({starts})")
        self.stdout.write(self.style.SUCCESS(f"{len(sent)} workshop(s) reminded."))
