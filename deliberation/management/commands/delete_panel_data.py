"""Erase the panel's personal data of an edition (or of every ended edition); keep the anonymised draw."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from deliberation.models import Invitation, Respondent
from editions.models import Edition, Phase


class Command(BaseCommand):
    help = (
        "Erase respondents' names, e-mail addresses and phone numbers and the invitations' links to "
        "addresses; the anonymised pool and the published draw stay. Safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", nargs="?", help="the edition's slug")
        parser.add_argument("--ended", action="store_true", help="every edition whose last phase has ended")

    def handle(self, *args: Any, **options: Any) -> None:
        slug, ended = options["slug"], options["ended"]
        if bool(slug) == bool(ended):
            raise CommandError("Give an edition's slug, or --ended (not both).")
        if slug:
            edition = Edition.objects.filter(slug=slug).first()
            if edition is None:
                raise CommandError(f"No edition with slug {slug!r}.")
            editions = [edition]
        else:
            editions = [e for e in Edition.objects.order_by("slug") if _has_ended(e)]
            if not editions:
                self.stdout.write("No edition has ended: nothing to erase.")
        for edition in editions:
            respondents, invitations = erase_panel_data(edition)
            self.stdout.write(
                f"{edition.slug}: erased the contact details of {respondents} respondent(s) and the "
                f"address links of {invitations} invitation(s)."
            )


def _has_ended(edition: Edition) -> bool:
    last = Phase.objects.filter(edition=edition).order_by("-ends_at").first()
    return last is not None and last.ends_at <= timezone.now()


@transaction.atomic
def erase_panel_data(edition: Edition) -> tuple[int, int]:
    """Blank contact details and address links; returns how many rows changed (0, 0 the second time)."""
    respondents = Respondent.objects.filter(edition=edition, erased_at__isnull=True).update(
        name="", email="", phone="", erased_at=timezone.now()
    )
    invitations = Invitation.objects.filter(edition=edition, address__isnull=False).update(address=None)
    return respondents, invitations
