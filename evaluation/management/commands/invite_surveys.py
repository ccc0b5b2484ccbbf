"""``manage.py invite_surveys [--edition slug]``: invite everyone eligible for an open survey, once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from editions.models import Edition
from evaluation.surveys.services import invite_surveys


class Command(BaseCommand):
    help = "Invite initiators, officials and panel members to the open surveys they may answer (once each)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--edition", help="only this edition (its slug)")

    def handle(self, *args: Any, **options: Any) -> None:
        edition = None
        if options["edition"]:
            edition = Edition.objects.filter(slug=options["edition"]).first()
            if edition is None:
                raise CommandError(f"No edition with the slug {options['edition']!r}.")
        counts = invite_surveys(edition=edition)
        total = sum(counts.values())
        for kind, count in sorted(counts.items()):
            self.stdout.write(f"{kind}: {count}")
        self.stdout.write(f"Invitations sent: {total}")
