"""``manage.py check_connection_budget``: refuse to start when the connections would not fit.

Exit status 0 when they fit (a warning on stderr within 10 % of the limit), 1 when over it, so
gunicorn's ``on_starting`` (operations/budget/gunicorn.py) and systemd's ExecStartPre can stop a start
that would end in "too many clients". operations/budget/connections.py names the variables.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from operations.budget.connections import Verdict, demand_from_environment, judge, supply


class Command(BaseCommand):
    help = "Check that every process's database connections fit the server's limit (exit 1 if not)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet", action="store_true", help="print nothing when the budget fits")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            demand = demand_from_environment()
        except ValueError as error:
            raise CommandError(str(error)) from None
        available = supply()
        verdict = judge(demand, available)
        line = f"database connections: {demand.explain()}; the limit is {available.source}"
        if verdict == Verdict.OVER:
            raise CommandError(
                f"{line}. Too many: lower WEB_CONCURRENCY, GUNICORN_THREADS or the nodes, raise the "
                "limit, or put PgBouncer in front (docs/deploy.md)."
            )
        if verdict == Verdict.TIGHT:
            self.stderr.write(f"warning: {line}: within 10 % of the limit.")
        elif not options["quiet"]:
            self.stdout.write(f"{line}: fits.")
