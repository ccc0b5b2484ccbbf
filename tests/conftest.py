"""Shared fixtures: compiled translations, frozen time, and a small world of places, people and editions."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.utils import timezone, translation

from accounts.models import Role, User
from api.editions import forget_editions
from ballots.sections import forget_sections
from editions.models import Edition
from places.models import District
from voting.services.ballot_box import forget_public_keys

from . import factories
from .chromium import browser  # noqa: F401 (the session's one chromium, for every directory)

ROOT = Path(__file__).resolve().parents[1]


def _compile_translations() -> None:
    """Compile locale/*.po into .mo when stale, as `make install` does, so Dutch pages are Dutch."""
    spec = importlib.util.spec_from_file_location(
        "compile_messages", ROOT / "scripts" / "compile_messages.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main()


_compile_translations()


def _allow_flushing_the_audit_log() -> None:
    """Let the test database's flush empty the append-only audit table (see audit/migrations/0002).

    Transactional tests (the browser ones) end with a flush; the database triggers would refuse
    it, so the flush, and only the flush, turns on the audit table's maintenance switch.
    """
    from django.db.backends.base.operations import BaseDatabaseOperations

    original = BaseDatabaseOperations.execute_sql_flush

    def execute_sql_flush(self: BaseDatabaseOperations, sql_list: Iterable[str]) -> None:
        vendor = self.connection.vendor
        if vendor == "postgresql":
            sql_list = ["SET LOCAL buurtbudget.audit_maintenance = 'on'", *sql_list]
        elif vendor == "sqlite":
            sql_list = [
                "INSERT INTO audit_maintenance VALUES (1)",
                *sql_list,
                "DELETE FROM audit_maintenance",
            ]
        original(self, sql_list)

    BaseDatabaseOperations.execute_sql_flush = execute_sql_flush  # type: ignore[method-assign]


_allow_flushing_the_audit_log()


# Tests that start their own servers on fixed ports (gunicorn, nginx, an SMTP server, PgBouncer), a
# private PostgreSQL cluster or redis-server they stop and freeze, or the whole topology: marker
# ``servers``. ``make test`` runs them with the rest; CI runs them once, after its two passes run
# side by side, so that no two of them race for a port, a cluster or the machine's two cores.
SERVERS = (
    "tests/deploy/test_backup_restore.py",
    "tests/deploy/test_database_outage.py",
    "tests/deploy/test_database_roles.py",
    "tests/deploy/test_nginx.py",
    "tests/deploy/test_pgbouncer.py",
    "tests/deploy/test_prod_local.py",
    "tests/common/observability/test_log_privacy.py",
    "tests/common/observability/test_reporting.py",
    "tests/common/test_mail.py",
    "tests/common/test_cache_outage.py",
    "tests/voting/test_without_redis.py",
    "tests/operations/test_readyz_cache_fallback.py",
    "tests/operations/test_run_worker.py",
    "tests/operations/test_connection_budget.py::test_gunicorn_does_not_start_over_the_budget",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.startswith(SERVERS):
            item.add_marker(pytest.mark.servers)


# A test that leaves an environment variable changed fails (and the environment is put back): every
# later process a test starts inherits it. A leaked PROMETHEUS_MULTIPROC_DIR once made each later
# Django process fail to start, far from the test that set it. Checked around setup and teardown
# as a whole, so that monkeypatch's undo (a fixture's teardown) is done.
_ENVIRONMENT = pytest.StashKey[dict[str, str]]()
_PYTEST_OWN = "PYTEST_CURRENT_TEST"


def _environment() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key != _PYTEST_OWN}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    item.stash[_ENVIRONMENT] = _environment()
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    result = yield
    before, after = item.stash[_ENVIRONMENT], _environment()
    if after != before:
        changed = sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))
        for key in changed:
            if key in before:
                os.environ[key] = before[key]
            else:
                del os.environ[key]
        pytest.fail(f"the test left these environment variables changed: {', '.join(changed)}")
    return result


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the default language: a request leaves its language active in the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    """Each test starts with empty rate-limit counters and no cached page (caches outlive a test)."""
    cache.clear()
    caches["pages"].clear()
    forget_sections()
    forget_editions()
    forget_public_keys()
    yield
    cache.clear()
    caches["pages"].clear()
    forget_sections()
    forget_editions()
    forget_public_keys()


@pytest.fixture
def freeze_time(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime], None]:
    """Call with a moment to make ``django.utils.timezone.now`` (and so every timeline) return it."""

    def freeze(moment: datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return freeze


@pytest.fixture
def district(db: None) -> District:
    return factories.make_district(name="Nieuw-West")


@pytest.fixture
def other_district(db: None) -> District:
    return factories.make_district(name="Zuidoost")


@pytest.fixture
def resident(db: None) -> User:
    return factories.make_user(email="anna@example.org", display_name="Anna")


@pytest.fixture
def edition(district: District) -> Edition:
    """An edition now in its plans phase, with two themes."""
    edition = factories.make_edition(district=district, name="Buurtbudget Nieuw-West 2027")
    factories.make_theme(edition=edition, name="Groen")
    factories.make_theme(edition=edition, name="Sport")
    return edition


@dataclass(frozen=True)
class People:
    """Everyone the permission rules tell apart, for one edition's district."""

    resident: User
    inactive: User
    staff: dict[Role, User]
    staff_elsewhere: dict[Role, User]
    administrator: User
    administrator_elsewhere: User
    superuser: User


@pytest.fixture
def people(district: District, other_district: District) -> People:
    staff_roles = [role for role in Role if role != Role.ADMINISTRATOR]
    return People(
        resident=factories.make_user(),
        inactive=factories.make_staff(role=Role.ADMINISTRATOR, district=district, is_active=False),
        staff={role: factories.make_staff(role=role, district=district) for role in staff_roles},
        staff_elsewhere={
            role: factories.make_staff(role=role, district=other_district) for role in staff_roles
        },
        administrator=factories.make_staff(role=Role.ADMINISTRATOR, district=district),
        administrator_elsewhere=factories.make_staff(role=Role.ADMINISTRATOR, district=other_district),
        superuser=factories.make_user(is_superuser=True, is_staff=True),
    )
