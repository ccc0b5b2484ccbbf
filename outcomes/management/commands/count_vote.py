"""`manage.py count_vote <edition-slug> --by EMAIL`: count a closed vote now, in this process."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from common.errors import ServiceError
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from outcomes.models import CountStatus
from outcomes.services import compute_outcome, start_count


class Command(BaseCommand):
    help = "Count the closed vote of an edition synchronously (for cron jobs and the demo)."

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
            count = compute_outcome(count=start_count(edition=edition, by=user, background=False))
        except ServiceError as error:
            raise CommandError(error.message) from error
        if count.status != CountStatus.DONE:
            raise CommandError(count.error)
        for section in count.sections.all():
            chosen = ", ".join(str(pid) for pid in section.selected) or "-"
            self.stdout.write(f"{section.label}: {chosen} (sha256 {section.sha256})")
        self.stdout.write(self.style.SUCCESS(f"Count {count.pk} is done."))
