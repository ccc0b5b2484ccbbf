"""Publish the verdicts of every edition whose publication date has passed; run it from cron."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from accounts.models import User
from review.services import publish_due_verdicts


class Command(BaseCommand):
    help = (
        "Publish the recorded verdicts of every edition whose publication date has passed. "
        "The publication is audited in the name of --by (a reviewer, official or administrator)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--by",
            required=True,
            metavar="EMAIL",
            help="The account the publications are recorded for in the audit log.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        by = User.objects.filter(email=options["by"].strip().lower(), is_active=True).first()
        if by is None:
            raise CommandError(f"No active account with e-mail address {options['by']}.")
        # Messages in the log in English, whatever the server's locale.
        with translation.override("en"):
            outcomes = publish_due_verdicts(by=by)
            for outcome in outcomes:
                if outcome.result is not None:
                    count = outcome.result.publication.verdict_count
                    self.stdout.write(f"{outcome.edition.slug}: published {count} verdicts")
                elif outcome.error is not None:
                    self.stderr.write(f"{outcome.edition.slug}: not published: {outcome.error.message}")
        if not outcomes:
            self.stdout.write("No verdicts are due.")
        if any(o.error is not None for o in outcomes):
            raise CommandError("Some editions could not be published; see above.")
