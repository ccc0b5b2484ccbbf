"""A PostgreSQL outage under gunicorn with production settings (issue 19 §2), on a private cluster.

gunicorn (2 workers × 4 threads, ``CONN_MAX_AGE=600``) serves a vote from a PostgreSQL cluster of its
own (port 5442), which is stopped and started again. While it is down, casts and pages answer 503
with Retry-After (JSON on the API), never 500. Once it is back not a single request fails: the issue
saw one failed cast per persistent connection (16) before connections were health-checked.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
CLUSTER, PG_PORT, APP_PORT = "resil", 5442, 8612
DATABASE_URL = f"postgres://postgres@127.0.0.1:{PG_PORT}/resil"
VOTING_KEY = "outage-test-voting-key"
THREADS = 8  # gunicorn's 2 workers × 4 threads: as many persistent connections

pytestmark = pytest.mark.skipif(
    shutil.which("pg_createcluster") is None or not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL's cluster tools: runs on the PostgreSQL pass",
)


def pg(*args: str) -> None:
    subprocess.run(list(args), check=True, capture_output=True)


def wait_for_postgres() -> None:
    deadline = time.monotonic() + 60
    while subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(PG_PORT)]).returncode != 0:
        assert time.monotonic() < deadline, "the private PostgreSQL did not come up"
        time.sleep(0.2)


@dataclass
class Served:
    slug: str
    plan: int
    codes: list[str]


def _environment() -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "BUURTBUDGET_VOTING_KEY": VOTING_KEY,
        "DJANGO_SECRET_KEY": "outage-test-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "CONN_MAX_AGE": "600",
        "BUURTBUDGET_TRUSTED_PROXIES": "1",
    }


def _manage(settings: str, *args: str) -> str:
    env = {**_environment(), "DJANGO_SETTINGS_MODULE": settings}
    done = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    subprocess.run(["pg_dropcluster", "15", CLUSTER, "--stop"], capture_output=True)
    pg("pg_createcluster", "15", CLUSTER, "--port", str(PG_PORT), "--", "--auth=trust")
    gunicorn = None
    try:
        pg("pg_ctlcluster", "15", CLUSTER, "start")
        wait_for_postgres()
        with psycopg.connect(f"postgres://postgres@127.0.0.1:{PG_PORT}/postgres", autocommit=True) as admin:
            admin.execute("CREATE DATABASE resil")
        world = json.loads(
            _manage(
                "config.settings.test", "shell", "-c", "from tests.deploy.outage_world import main; main(60)"
            ).splitlines()[-1]
        )
        if not (ROOT / "staticfiles" / "staticfiles.json").exists():  # production pages need the manifest
            _manage("config.settings.prod", "collectstatic", "--noinput", "--verbosity=0")
        log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
        with log.open("wb") as out:
            gunicorn = subprocess.Popen(
                [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi:application", f"--bind=127.0.0.1:{APP_PORT}",
                 "--workers=2", "--threads=4", "--worker-class=gthread", "--log-level=warning"],
                cwd=ROOT, env={**_environment(), "DJANGO_SETTINGS_MODULE": "config.settings.prod"},
                stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
        deadline = time.monotonic() + 60
        while get("/healthz")[0] != 200:
            assert gunicorn.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.3)
        yield Served(slug=world["slug"], plan=world["plan"], codes=world["codes"])
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        subprocess.run(["pg_dropcluster", "15", CLUSTER, "--stop"], capture_output=True)


def _request(request: urllib.request.Request) -> tuple[int, dict[str, str], bytes]:
    request.add_header("X-Forwarded-Proto", "https")  # as the TLS-terminating proxy sets it
    request.add_header("X-Forwarded-For", "192.0.2.10")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
    except OSError:
        return 0, {}, b""


def get(path: str) -> tuple[int, dict[str, str], bytes]:
    return _request(urllib.request.Request(f"http://127.0.0.1:{APP_PORT}{path}"))


def cast(served: Served, code: str) -> tuple[int, dict[str, str], bytes]:
    body = json.dumps({"code": code, "ballot": {"main": [served.plan]}}).encode()
    return _request(
        urllib.request.Request(
            f"http://127.0.0.1:{APP_PORT}/api/v1/editions/{served.slug}/ballots",
            data=body,
            headers={"Content-Type": "application/json"},
        )
    )


def at_once(served: Served, codes: list[str]) -> list[tuple[int, dict[str, str], bytes]]:
    with ThreadPoolExecutor(max_workers=THREADS * 2) as pool:
        return list(pool.map(lambda code: cast(served, code), codes))


def test_casts_and_pages_answer_503_while_down_and_none_fails_once_back(served: Served) -> None:
    codes = served.codes
    before = at_once(served, codes[:20])  # every thread of both workers now holds a connection
    assert [status for status, _, _ in before] == [201] * 20
    assert get(f"/stemmen/{served.slug}/")[0] == 200

    pg("pg_ctlcluster", "15", CLUSTER, "stop", "-m", "fast")
    down = at_once(served, codes[20:30])
    for status, headers, body in down:
        assert status == 503, body[:300]
        assert int(headers["Retry-After"]) > 0
        assert json.loads(body)["error"] == "service_unavailable"
    for path in (f"/stemmen/{served.slug}/", f"/en/stemmen/{served.slug}/", "/api/v1/editions/x/ballot"):
        status, headers, body = get(path)
        assert status == 503 and headers.get("Retry-After"), (path, status, body[:300])

    pg("pg_ctlcluster", "15", CLUSTER, "start")
    wait_for_postgres()
    after = at_once(served, codes[20:60])
    assert [status for status, _, _ in after] == [201] * 40, [(s, b[:200]) for s, _, b in after if s != 201]
    assert get(f"/stemmen/{served.slug}/")[0] == 200
    with psycopg.connect(DATABASE_URL) as check:
        (ballots,) = check.execute("SELECT count(*) FROM voting_ballot").fetchone()  # type: ignore[misc]
    assert ballots == 60  # every acknowledged cast is stored, the ones answered 503 were retried after
