"""`manage.py load_demo`: load (or refresh) the Amsterdam demo; print the demo accounts and voting codes."""

from __future__ import annotations

import os
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.services import DemoLoadError, DemoSummary, load_demo
from editions.timeline import timeline_of


class Command(BaseCommand):
    help = (
        "Laad de Amsterdamse demo (stadsdelen, edities, plannen, demo-accounts); veilig om opnieuw te "
        "draaien. / Load the Amsterdam demo; safe to run again."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--quiet", action="store_true", help="Print nothing (for tests).")
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load the demo even with production settings (it makes a superuser with a known password).",
        )

    def handle(self, *args: Any, quiet: bool, allow_production: bool, **options: Any) -> None:
        if str(settings.SETTINGS_MODULE).endswith(".prod") and not allow_production:
            raise CommandError(
                "Weigert de demo te laden met productie-instellingen / refusing to load the demo with "
                "production settings: the demo accounts share a published password. "
                "Use --allow-production if you really mean it."
            )
        try:
            summary = load_demo()
        except DemoLoadError as exc:
            raise CommandError(str(exc)) from exc
        if not quiet:
            self.stdout.write(self._report(summary))
            codes_file = write_codes_file(summary)
            if codes_file is not None:
                self.stdout.write(self._codes(summary, codes_file))

    def _report(self, summary: DemoSummary) -> str:
        address = os.environ.get("DEMO_ADDR", "127.0.0.1:8000")
        lines = [
            "",
            self.style.SUCCESS(
                f"Buurtbudget-demo geladen / demo loaded: {len(summary.editions)} edities/editions, "
                f"{summary.plan_count} plannen/plans."
            ),
            "",
        ]
        for edition in summary.editions:
            current = timeline_of(edition).current
            phase = current.phase.get_kind_display() if current else "-"
            lines.append(f"  {edition.name:<30}  fase / phase: {phase}")
        headers = ("E-mail", "Rol / role", "Stadsdeel / district", "Beheer / admin")
        rows = [
            (account.email, account.role, account.district, "ja / yes" if account.uses_admin else "")
            for account in summary.accounts
        ]
        widths = [max(len(row[i]) for row in (headers, *rows)) for i in range(len(headers))]

        def line(cells: tuple[str, ...]) -> str:
            return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

        lines += [
            "",
            self.style.MIGRATE_HEADING("Demo-accounts"),
            f"Wachtwoord voor alle accounts / password for every account: {summary.password}",
            "",
            line(headers),
            line(tuple("-" * width for width in widths)),
            *(line(row) for row in rows),
            "",
            *(
                f"Burgerpanel / citizens' panel {panel.edition.name}: {panel.respondents} aanmeldingen / "
                f"respondents, http://{address}/panel/{panel.edition.slug}/werving/"
                for panel in summary.panels
            ),
            f"Website:                 http://{address}/",
            f"Beheer / Django admin:   http://{address}/beheer/",
            "",
        ]
        return "\n".join(lines)

    def _codes(self, summary: DemoSummary, codes_file: Path) -> str:
        lines = [self.style.MIGRATE_HEADING("Stemcodes en sleuteldelen / voting codes and key shares"), ""]
        lines += _codes_text(summary).splitlines()
        lines += [f"(ook in / also in {codes_file})", ""]
        return "\n".join(lines)


def _codes_text(summary: DemoSummary) -> str:
    lines = []
    for vote in summary.votes:
        if vote.codes:
            lines += [
                f"{vote.edition.name}: stem met een ongebruikte code / vote with an unused code",
                f"  {_local(vote.url)}",
                *(f"  {code}" for code in vote.codes),
                "",
            ]
        if vote.shares:
            address = os.environ.get("DEMO_ADDR", "127.0.0.1:8000")
            lines += [
                f"{vote.edition.name}: sleuteldelen van de stembus (2 nodig bij de telling) / "
                "ballot-box key shares (the count needs 2)",
                f"  http://{address}/uitslag/{vote.edition.slug}/tellen/",
                *(f"  {share}" for share in vote.shares),
                "",
            ]
    return "\n".join(lines)


def _local(url: str) -> str:
    """The vote's address on the demo server (``vote_url`` uses the site's configured address)."""
    address = os.environ.get("DEMO_ADDR", "127.0.0.1:8000")
    path = url.split("://", 1)[-1].split("/", 1)[-1]
    return f"http://{address}/{path}"


def write_codes_file(summary: DemoSummary) -> Path | None:
    """var/demo-codes.txt: the printed codes and the demo's key shares, for whoever missed the output
    (var/ is not in git; a real vote's key shares exist only on the officials' printed sheets)."""
    text = _codes_text(summary)
    if not text:
        return None
    path = Path(settings.BASE_DIR) / "var" / "demo-codes.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
