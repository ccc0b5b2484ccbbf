"""`manage.py refresh_evaluation [--edition slug]`: recompute the learning report's figures (hourly cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from editions.models import Edition
from evaluation.evidence.services import refresh_evidence


class Command(BaseCommand):
    help = (
        "For cron (hourly): recompute the figures of every edition's learning report (or of one), so "
        "that the reports and the comparison across editions read them without counting again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--edition", metavar="SLUG", help="only the edition with this slug")

    def handle(self, *args: Any, **options: Any) -> None:
        editions = Edition.objects.select_related("district__municipality").prefetch_related("phases")
        if options["edition"]:
            editions = editions.filter(slug=options["edition"])
            if not editions.exists():
                raise CommandError(f"No edition with the slug {options['edition']!r}.")
        count = 0
        for edition in editions.order_by("pk"):
            refresh_evidence(edition=edition)
            self.stdout.write(f"{edition.slug}: figures computed")
            count += 1
        self.stdout.write(self.style.SUCCESS(f"{count} edition(s) refreshed."))
