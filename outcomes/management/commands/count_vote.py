"""`manage.py count_vote <edition-slug> --by EMAIL`: count a closed vote now, in this process.

The key shares are read from standard input, one per line (asked for without echo on a terminal),
never from the command line, where other users of the machine could see them.
"""

from __future__ import annotations

import getpass
import sys
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from common.errors import ServiceError
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from outcomes.models import CountStatus
from outcomes.services import compute_outcome, start_count
from voting.selectors import ballot_box_of


class Command(BaseCommand):
    help = "Count the closed vote of an edition synchronously; the key shares come from standard input."
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("edition", help="the edition's slug")
        parser.add_argument("--by", required=True, metavar="EMAIL", help="the official who runs the count")

    def handle(self, *args: Any, **options: Any) -> None:
        edition = Edition.objects.filter(slug=options["edition"]).first()
        if edition is None:
            raise CommandError(f"No edition with slug {options['edition']!r}.")
        user = User.objects.filter(email__iexact=options["by"]).first()
        if user is None:
            raise CommandError(f"No user with e-mail address {options['by']!r}.")
        if not can(user, Action.RUN_COUNT, edition):
            raise CommandError(f"{user.email} may not run the count of {edition.slug} now.")
        try:
            shares = self._shares(edition, options.get("stdin") or sys.stdin)
            count = compute_outcome(
                count=start_count(edition=edition, by=user, shares=shares, background=False)
            )
        except ServiceError as error:
            raise CommandError(error.message) from error
        if count.status != CountStatus.DONE:
            raise CommandError(count.error)
        for section in count.sections.all():
            chosen = ", ".join(str(pid) for pid in section.selected) or "-"
            self.stdout.write(f"{section.label}: {chosen} (sha256 {section.sha256})")
        self.stdout.write(self.style.SUCCESS(f"Count {count.pk} is done."))

    def _shares(self, edition: Edition, stdin: TextIO) -> list[str]:
        box = ballot_box_of(edition)
        if box is None:
            return []
        if stdin.isatty():
            return [getpass.getpass(f"Key share {i} of {box.threshold}: ") for i in box.share_inputs]
        return [line.strip() for line in stdin if line.strip()]
