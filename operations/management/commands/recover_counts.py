"""``manage.py recover_counts``: queue again the counts whose worker died (the scheduler runs it)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from operations.workers.recovery import recover_counts


class Command(BaseCommand):
    help = (
        "Queue again every count left running by a worker that died (or queued without a task). "
        "The count restarts from the ballots opened when it started and gives the same result."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        recovered = recover_counts()
        for item in recovered:
            self.stdout.write(f"{item.edition_slug}: count {item.count_id} queued again (was {item.was})")
        self.stdout.write(f"{len(recovered)} count(s) queued again.")
