"""`manage.py purge_personal_data [--dry-run] [--kind KEY ...]`: the daily retention purge."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from privacy.retention.purge import PURGES, purge_personal_data


class Command(BaseCommand):
    help = (
        "Delete or empty the personal data whose retention period has passed (privacy/retention). "
        "Safe to run again; the scheduler runs it daily. --dry-run only counts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count what would go; change nothing")
        parser.add_argument(
            "--kind", action="append", default=[], choices=sorted(PURGES), help="only this kind (repeatable)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run: bool = options["dry_run"]
        try:
            report = purge_personal_data(dry_run=dry_run, kinds=tuple(options["kind"]))
        except ValueError as error:
            raise CommandError(str(error)) from None
        verb = "would be removed" if dry_run else "removed"
        for purged in report:
            if purged.total:
                tables = ", ".join(f"{label} {count}" for label, count in sorted(purged.rows.items()))
                self.stdout.write(f"{purged.kind}: {purged.total} {verb} ({tables})")
        total = sum(purged.total for purged in report)
        summary = f"{'Dry run: ' if dry_run else ''}{total} row(s) {verb}, {len(report)} kind(s) checked."
        self.stdout.write(self.style.SUCCESS(summary))
