"""`manage.py publish_due_results --by EMAIL`: results whose publication date has come take effect."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from common.errors import ServiceError
from outcomes.models import Count, CountStatus
from outcomes.selectors import published_count
from outcomes.services import publish_result


class Command(BaseCommand):
    help = (
        "For cron: once a counted result's publication date has come, mark its winning plans selected "
        "and tell every initiator on the ballot. Runs each result once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--by", required=True, metavar="EMAIL", help="the official recorded in the audit log"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(email__iexact=options["by"]).first()
        if user is None:
            raise CommandError(f"No user with e-mail address {options['by']!r}.")
        due = Count.objects.filter(is_current=True, status=CountStatus.DONE, published_at__isnull=True)
        published = 0
        for count in due.select_related("edition"):
            if published_count(count.edition) != count:
                continue
            try:
                publish_result(count=count, by=user)
            except ServiceError as error:
                self.stderr.write(f"{count.edition.slug}: {error.message}")
                continue
            published += 1
            self.stdout.write(f"{count.edition.slug}: published")
        self.stdout.write(self.style.SUCCESS(f"{published} result(s) published."))
