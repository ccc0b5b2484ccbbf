"""Locust profiles of voting day: residents browsing the public pages and residents voting.

Run by ``bench/reliability/load.py`` (which prepares the world, starts locust headless and reports);
locust imports this file in its own process (gevent), so it imports nothing of Django or the app and
learns what to visit from a targets file the runner wrote (``LOAD_TARGETS``, JSON):

``{"pages": {"home": [path], "edition": [...], "plan_list": [...], "plan": [...], "result": [...]},
"vote": {"start": path, "ballot": path, "api": path, "ballots": [{"main": [plan ids]}]},
"codes": path of the voting codes file (one a line), "forwarded": bool}``

Two profiles (``LOAD_PROFILE``):

- ``mixed`` (issue 18 §3, issue 19 §4): of every five residents four browse (home, an edition, its
  plan list, plans, a result: 1–3 s think time between pages) and one votes: two of three through the
  web form (code page → code → ballot → cast), one of three through the JSON API (a kiosk or a city's
  own front end), each vote with a fresh code, then a pause of 1–3 s before the next resident.
- ``burst`` ("the letters just arrived"): nine of ten arrive to vote at once and glance at one page at
  most; the runner spawns them all within a few seconds.

Every request is written to ``LOAD_SAMPLES`` (CSV: time, group, name, status, milliseconds, failed: a
wrong answer, e.g. a 200 without a receipt) when the run ends, and the codes whose cast was
acknowledged (2xx) to ``LOAD_ACKNOWLEDGED``: the runner computes the percentiles per group and checks
the database against the acknowledged codes. Against a node reached without the proxy
(``forwarded``), each simulated resident sends ``X-Forwarded-Proto: https`` and its own
``X-Forwarded-For`` as the proxy would (production settings trust one proxy).
"""

from __future__ import annotations

import json
import os
import random
import re
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from locust import FastHttpUser, between, events, task
from locust.contrib.fasthttp import FastResponse

TARGETS: dict[str, Any] = json.loads(Path(os.environ["LOAD_TARGETS"]).read_text())
PROFILE = os.environ.get("LOAD_PROFILE", "mixed")
CA_FILE = os.environ.get("LOAD_CA_FILE", "")
PAGES: dict[str, list[str]] = TARGETS["pages"]
VOTE: dict[str, Any] = TARGETS["vote"]
FORWARDED = bool(TARGETS.get("forwarded"))

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CSRF_COOKIE = re.compile(r"csrftoken=([^;]+)")
TOKEN_INPUT = re.compile(r'name="token" value="([^"]+)"')


class Codes:
    """The voting codes, each handed out once (a fresh resident per vote), shared by all users."""

    def __init__(self, path: Path) -> None:
        self._codes: Iterator[str] = iter([c for c in path.read_text().split() if c])
        self._lock = threading.Lock()

    def take(self) -> str | None:
        with self._lock:
            return next(self._codes, None)


CODES = Codes(Path(TARGETS["codes"]))
SAMPLES: list[tuple[float, str, str, int, float, bool]] = []
ACKNOWLEDGED: list[str] = []


def _record(
    request_type: str, name: str, response_time: float, response: Any, exception: Any, **kwargs: Any
) -> None:
    """Keep every request: the runner wants percentiles per group (votes, pages), not per name."""
    status = getattr(response, "status_code", 0) or 0
    group = "vote" if name.startswith(("vote:", "api:")) else "page"
    SAMPLES.append((time.time(), group, name, int(status), float(response_time), exception is not None))


def _write(environment: Any, **kwargs: Any) -> None:
    samples = os.environ.get("LOAD_SAMPLES")
    if samples:
        with open(samples, "w", encoding="utf-8") as out:
            out.write("time,group,name,status,ms,failed\n")
            for at, group, name, status, ms, failed in SAMPLES:
                out.write(f"{at:.3f},{group},{name},{status},{ms:.1f},{int(failed)}\n")
    acknowledged = os.environ.get("LOAD_ACKNOWLEDGED")
    if acknowledged:
        Path(acknowledged).write_text("".join(f"{code}\n" for code in ACKNOWLEDGED), encoding="utf-8")


events.request.add_listener(_record)
events.quitting.add_listener(_write)


def _ssl_context(**_: Any) -> ssl.SSLContext:
    """Verify the proxy's certificate against the run's CA (never an unchecked connection)."""
    return ssl.create_default_context(cafile=CA_FILE or None)


class Resident(FastHttpUser):
    """What every simulated resident shares: its own client address, and the page walk."""

    abstract = True
    network_timeout = 30.0
    connection_timeout = 10.0
    insecure = False
    ssl_context_factory = staticmethod(_ssl_context)

    def on_start(self) -> None:
        self.forwarded: dict[str, str] = {}
        if FORWARDED:
            address = f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
            self.forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": address}

    def origin(self) -> str:
        """Where the pages come from as the browser sees it: HTTPS (the proxy's scheme, when it is played)."""
        host = (self.host or "").rstrip("/")
        return "https://" + host.split("://", 1)[1] if FORWARDED else host

    def get_page(self, kind: str) -> None:
        paths = PAGES.get(kind) or []
        if paths:
            self.client.get(random.choice(paths), name=f"page: {kind}", headers=self.forwarded)


class Browser(Resident):
    """A resident reading: home, an edition, its plans, a plan or two, a result."""

    weight = 4 if PROFILE == "mixed" else 1
    wait_time = between(1, 3)

    @task(2)
    def home(self) -> None:
        self.get_page("home")

    @task(2)
    def edition(self) -> None:
        self.get_page("edition")

    @task(3)
    def plan_list(self) -> None:
        self.get_page("plan_list")

    @task(5)
    def plan(self) -> None:
        self.get_page("plan")

    @task(2)
    def result(self) -> None:
        self.get_page("result")


class Voter(Resident):
    """A resident with a letter: votes once with its fresh code (web form or API), then makes way for
    the next one. In the burst profile they hardly browse and hardly wait."""

    weight = 1 if PROFILE == "mixed" else 9
    wait_time = between(1, 3) if PROFILE == "mixed" else between(0.2, 1)

    @task
    def vote(self) -> None:
        code = CODES.take()
        if code is None:  # every code is used: this resident only reads from now on
            self.get_page("plan")
            return
        if PROFILE == "burst" and random.random() < 0.3:
            self.get_page("edition")
        ballot = random.choice(VOTE["ballots"])
        if random.random() < 2 / 3:
            self.vote_on_the_web(code, ballot)
        else:
            self.vote_through_the_api(code, ballot)

    def vote_on_the_web(self, code: str, ballot: dict[str, list[int]]) -> None:
        start, cast = VOTE["start"], VOTE["ballot"]
        headers = dict(self.forwarded)
        with self.client.get(start, name="vote: code page", headers=headers, catch_response=True) as page:
            form_token, cookie = _csrf(page)
            if not form_token or not cookie:
                page.failure("no CSRF token on the code page")
                return
        # The cookie is sent by hand: it is Secure, and a node reached without the proxy speaks http.
        headers |= {"Cookie": f"csrftoken={cookie}", "Referer": self.origin() + start}
        with self.client.post(
            start,
            name="vote: code",
            headers=headers,
            data={"csrfmiddlewaretoken": form_token, "code": code},
            catch_response=True,
        ) as answer:
            match = TOKEN_INPUT.search(answer.text or "")
            if answer.status_code != 200 or not match:
                answer.failure(f"no ballot for a valid code ({answer.status_code})")
                return
        # An approval ballot's checkboxes share one name per section (s-<section>), one value per plan.
        fields = [("csrfmiddlewaretoken", form_token), ("token", match.group(1))]
        fields += [(f"s-{key}", str(pk)) for key, chosen in ballot.items() for pk in chosen]
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = urlencode(fields)
        with self.client.post(
            cast, name="vote: cast", headers=headers, data=body, catch_response=True
        ) as sent:
            if sent.status_code == 200 and 'id="receipt-number"' in (sent.text or ""):
                ACKNOWLEDGED.append(code)
            elif sent.status_code == 200:
                sent.failure("the cast answered 200 without a receipt")

    def vote_through_the_api(self, code: str, ballot: dict[str, list[int]]) -> None:
        headers = self.forwarded | {"Content-Type": "application/json"}
        body = json.dumps({"code": code, "ballot": ballot})
        with self.client.post(
            VOTE["api"], name="api: cast", headers=headers, data=body, catch_response=True
        ) as sent:
            if sent.status_code == 201:
                ACKNOWLEDGED.append(code)
            elif sent.status_code == 200:  # a fresh code cannot replace anything: count it as wrong
                ACKNOWLEDGED.append(code)
                sent.failure("a fresh code's ballot replaced an earlier one")


def _csrf(page: FastResponse) -> tuple[str, str]:
    """The form's masked CSRF token and the csrftoken cookie the page set."""
    form = CSRF_INPUT.search(page.text or "")
    set_cookie = page.headers.get("Set-Cookie", "") if page.headers is not None else ""
    cookie = CSRF_COOKIE.search(str(set_cookie))
    return (form.group(1) if form else "", cookie.group(1) if cookie else "")
