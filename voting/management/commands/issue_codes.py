"""Issue voting codes for every address without them and write the letters PDF, in this process."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from common.errors import ServiceError
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from voting.services.letters import batch_path, issue_codes


class Command(BaseCommand):
    help = (
        "Issue a voting code to every eligible resident of the addresses that have none yet, and write "
        "their letters to one PDF under PRIVATE_FILES_ROOT/letters/. Runs here rather than as a "
        "background task; audited in the name of --by (an official of the edition's district)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("edition", metavar="SLUG", help="The edition's slug.")
        parser.add_argument("--by", required=True, metavar="EMAIL", help="The official doing this.")

    def handle(self, *args: Any, **options: Any) -> None:
        edition = Edition.objects.filter(slug=options["edition"]).first()
        if edition is None:
            raise CommandError(f"No edition with the slug {options['edition']!r}.")
        by = User.objects.filter(email=options["by"].strip().lower(), is_active=True).first()
        if by is None or not can(by, Action.MANAGE_EDITION, edition):
            raise CommandError(f"{options['by']} is not an active official of {edition.district}.")
        started = time.perf_counter()
        try:
            batch = issue_codes(edition=edition, by=by, in_background=False)
        except ServiceError as error:
            raise CommandError(error.message) from None
        seconds = time.perf_counter() - started
        self.stdout.write(f"{batch.letter_count} letters in {seconds:.1f} s: {batch_path(batch)}")
