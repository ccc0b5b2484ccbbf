"""Browser fixtures: one chromium for the session, a fresh context per test, seeded site data."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page

from editions.models import Edition
from places.help.services import HelpLocationDetails, set_up_help_desk
from places.models import District
from proposals.models import Plan, PlanStatus
from proposals.selectors import public_plans
from tests import factories

DEMO_LOADER = Path(settings.BASE_DIR) / "demo" / "management" / "commands" / "load_demo.py"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A page that fails its test if the Content-Security-Policy blocked anything on it."""
    page = context.new_page()
    blocked: list[str] = []

    def watch(message: ConsoleMessage) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            blocked.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", watch)
    yield page
    assert not blocked, f"the Content-Security-Policy blocked: {blocked}"


PAGE_URL_NAMES = {
    "home": "pages:home",
    "plan list": "proposals:list",
    "about": "pages:about",
    "accessibility": "pages:accessibility",
    "login": "accounts:login",
    "register": "accounts:register",
    "login link request": "accounts:login_link_request",
    "help": "places:help",
    "privacy": "privacy:statement",
}


@dataclass(frozen=True)
class Site:
    """The live server and the objects whose pages the tests visit."""

    url: str
    district: District
    edition: Edition
    plan: Plan
    demo_output: str = ""  # what `manage.py load_demo` printed (accounts, codes); "" without the demo

    def pages(self) -> dict[str, str]:
        """Every public page by name → its Dutch path (the English one is "/en" + it)."""
        with translation.override("nl"):
            return {
                **{name: reverse(url_name) for name, url_name in PAGE_URL_NAMES.items()},
                "district": self.district.get_absolute_url(),
                "edition": self.edition.get_absolute_url(),
                "plan detail": self.plan.get_absolute_url(),
                "district help": reverse("places:help_district", kwargs={"slug": self.district.slug}),
                "not found": "/deze-pagina-bestaat-niet/",
            }


def _seed_with_factories() -> None:
    district = factories.make_district(name="Nieuw-West", description="Het westen van de stad.")
    slotervaart = factories.make_neighbourhood(district=district, name="Slotervaart")
    osdorp = factories.make_neighbourhood(district=district, name="Osdorp")
    edition = factories.make_edition(
        district=district, name="Buurtbudget Nieuw-West 2027", introduction="Samen beslissen over € 300.000."
    )
    green = factories.make_theme(edition=edition, name="Groen", description="Bomen, tuinen en geveltuinen.")
    sport = factories.make_theme(edition=edition, name="Sport en spel")
    factories.make_sub_budget(edition=edition, neighbourhood=slotervaart, amount_cents=10_000_000)
    factories.make_sub_budget(edition=edition, theme=green, amount_cents=5_000_000)
    statuses = [PlanStatus.SUBMITTED, PlanStatus.FEASIBLE, PlanStatus.IN_REVIEW, PlanStatus.NOT_FEASIBLE]
    for i in range(8):
        factories.make_plan(
            edition=edition,
            title=f"Moestuin {i + 1} aan de Sloterplas",
            theme=green if i % 2 else sport,
            neighbourhood=[slotervaart, osdorp, None][i % 3],
            status=statuses[i % len(statuses)],
            costs=[250_000 * (i + 1), 49_950],
        )
    set_up_help_desk(
        district=district,
        address="Osdorpplein 1000, 1068 TG Amsterdam",
        phone="020 555 0110",
        whatsapp="06 1234 5010",
        opening_hours="maandag tot en met vrijdag 9:00–17:00",
        translations={"en": {"opening_hours": "Monday to Friday 9:00–17:00"}},
        locations=[
            HelpLocationDetails(name="Huis van de Wijk De Aker", address="Aker 1", assisted_voting=True)
        ],
    )
    factories.make_district(name="Zuidoost")


class _DemoSnapshot:
    """The demo as the first test loaded it, kept to be put back for the later tests.

    Loading the demo takes 20-40 s (its draw alone 10 s), and every test that uses ``site`` starts
    from an emptied database. The later tests get a copy of the first load instead: on SQLite an
    in-memory database of its own (SQLite's backup API), on PostgreSQL each table's rows in COPY's
    binary form, written back with triggers and foreign-key checks off (the rows were consistent when
    copied) and the sequences moved past them. Well under a few seconds either way; tests/demo keeps
    testing the loader itself.
    """

    copy: sqlite3.Connection | None = None
    tables: dict[str, bytes] | None = None
    output = ""  # what the first load printed: the accounts and the voting codes in the letters

    @classmethod
    def _load_demo(cls) -> None:
        """Load the demo as a developer does, keeping what it prints (its codes file goes to a tmp dir)."""
        out = StringIO()
        with tempfile.TemporaryDirectory() as tmp, override_settings(BASE_DIR=Path(tmp)):
            call_command("load_demo", stdout=out)
        cls.output = out.getvalue()

    @classmethod
    def load(cls) -> None:
        connection.ensure_connection()
        if connection.vendor == "postgresql":
            cls._load_postgresql()
            return
        database = connection.connection
        if cls.copy is None:
            cls._load_demo()
            cls.copy = sqlite3.connect(":memory:", check_same_thread=False)
            database.backup(cls.copy)
        else:
            cls.copy.backup(database)
            # Emptying the database between tests recreated the content types under new ids.
            ContentType.objects.clear_cache()

    @classmethod
    def _load_postgresql(cls) -> None:
        names = connection.introspection.django_table_names(only_existing=True, include_views=False)
        quoted = [connection.ops.quote_name(name) for name in names]
        if cls.tables is None:
            cls._load_demo()
            cls.tables = {}
            with connection.cursor() as cursor:
                for table in quoted:
                    with cursor.cursor.copy(f"COPY {table} TO STDOUT (FORMAT BINARY)") as out:
                        cls.tables[table] = b"".join(bytes(chunk) for chunk in out)
            return
        with transaction.atomic(), connection.cursor() as cursor:
            # Triggers off for the restore: the audit log's append-only guard refuses a TRUNCATE.
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute(f"TRUNCATE {', '.join(quoted)} RESTART IDENTITY CASCADE")
            for table, rows in cls.tables.items():
                with cursor.cursor.copy(f"COPY {table} FROM STDIN (FORMAT BINARY)") as into:
                    into.write(rows)
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)
        ContentType.objects.clear_cache()


@pytest.fixture
def site(live_server: object, transactional_db: None) -> Site:
    """Demo data when the demo loader exists, else a small world from the factories."""
    if DEMO_LOADER.exists():
        _DemoSnapshot.load()
    else:
        _seed_with_factories()
    plan = public_plans().filter(edition__is_published=True).order_by("pk").first()
    assert plan is not None, "the seed data has no public plan"
    return Site(
        url=str(live_server).rstrip("/"),
        district=plan.edition.district,
        edition=plan.edition,
        plan=plan,
        demo_output=_DemoSnapshot.output,
    )
