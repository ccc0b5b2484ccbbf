"""`manage.py remind_projects [--quiet-days N]`: remind initiators of overdue milestones and updates."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from execution.following.reminders import QUIET_DAYS, send_reminders
from execution.models import ReminderKind


class Command(BaseCommand):
    help = (
        "For cron (daily): tell a project's initiators when a milestone's planned date has passed, and "
        "when a running project has had no news for a while. Each reminder goes out once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--quiet-days",
            type=int,
            default=QUIET_DAYS,
            metavar="N",
            help=f"ask for an update after N days without news (default {QUIET_DAYS})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["quiet_days"] < 1:
            raise CommandError("--quiet-days must be at least 1.")
        sent = send_reminders(quiet_days=options["quiet_days"])
        overdue = sum(r.kind == ReminderKind.MILESTONE_OVERDUE for r in sent)
        for reminder in sent:
            title = reminder.project.plan.title
            self.stdout.write(f"{title}: {reminder.get_kind_display()} ({reminder.due_on})")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(sent)} reminder(s) sent: {overdue} overdue milestone(s), "
                f"{len(sent) - overdue} update(s) due."
            )
        )
