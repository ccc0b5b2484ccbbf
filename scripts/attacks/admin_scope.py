"""Management pages honour districts (issue 12 §1): a district's official tries another district's rows.

Logs in to /beheer/ as ``--option admin_email=… --option admin_password=…`` (default the demo's
official of Noord) and, for ids around the ones its own lists show, tries to open and save other
districts' editions (whose form holds the phases), their phase-date page, plans and accounts; to
list accounts outside its district; to add a municipality or district; and to read the audit log.
Every attempt must be refused (403, 404, or a redirect to the admin's index: "no such row").
"""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from .common import Attack, Finding, Target

DEMO_EMAIL = "ambtenaar.noord@demo.buurtbudget.nl"
DEMO_PASSWORD = "mijn-buurt-beslist"
ADMIN = "/beheer/"
DEMO_STAFF_MAILBOXES = ("ambtenaar", "toetser", "commissie", "gespreksleider", "beheerder")
PROBE_BEYOND = 40  # ids tried past the highest id the official's own list shows


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class _Browser:
    """Cookies and CSRF tokens, no redirects followed: the bare answers, as an attacker sees them."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
        )

    def request(self, method: str, path: str, data: dict[str, str] | None = None) -> tuple[int, str, str]:
        body, headers = None, {}
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Referer": self.base_url + path}
        req = urllib.request.Request(self.base_url + path, data=body, method=method, headers=headers)
        try:
            with self.opener.open(req, timeout=30) as response:
                return (
                    response.status,
                    response.headers.get("Location", ""),
                    response.read().decode(errors="replace"),
                )
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), error.read().decode(errors="replace")

    def post_form(self, path: str, fields: dict[str, str]) -> tuple[int, str, str]:
        """GET ``path`` for a CSRF token (from any page of the admin), then POST ``fields``."""
        _, _, page = self.request("GET", path)
        if "csrfmiddlewaretoken" not in page:
            _, _, page = self.request("GET", ADMIN)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        return self.request("POST", path, {**fields, "csrfmiddlewaretoken": token.group(1) if token else ""})


def _refused(status: int, location: str) -> bool:
    # A row outside the official's rows: 403/404, or the admin's redirect to its index ("no such row").
    return status in (403, 404) or (status == 302 and location.rstrip("/").endswith(ADMIN.rstrip("/")))


def _rows(page: str, model_path: str, district: str) -> tuple[set[int], set[int]]:
    """The ids a change list shows: those whose row names the official's district, and the others."""
    own_name = re.compile(rf"(?<![\w-]){re.escape(district)}(?![\w-])", re.IGNORECASE)
    own: set[int] = set()
    other: set[int] = set()
    for row in (chunk.split("</tr>")[0] for chunk in page.split("<tr")[1:]):
        found = re.search(rf"{re.escape(ADMIN + model_path)}(\d+)/change/", row)
        if found:
            (own if own_name.search(re.sub(r"<[^>]+>", " ", row)) else other).add(int(found.group(1)))
    return own, other


def _login(target: Target) -> tuple[_Browser | None, Finding]:
    email = target.options.get("admin_email", DEMO_EMAIL)
    password = target.options.get("admin_password", DEMO_PASSWORD)
    browser = _Browser(target.base_url)
    browser.post_form(ADMIN + "login/", {"username": email, "password": password, "next": ADMIN})
    status, _, page = browser.request("GET", ADMIN)
    if status != 200 or "logout" not in page:
        return None, Finding(
            f"log in to {ADMIN} as {email}", held=False, skipped=True, detail=f"status {status}"
        )
    return browser, Finding(
        f"log in to {ADMIN} as {email}", held=True, detail="logged in (the attacker's own access)"
    )


def _foreign(browser: _Browser, model_path: str, district: str) -> tuple[set[int], list[int]]:
    """The official's own ids, and other districts' ids: listed under another district, or unlisted."""
    _, _, listing = browser.request("GET", ADMIN + model_path + "?all=")
    own, listed_elsewhere = _rows(listing, model_path, district)
    highest = max(own | listed_elsewhere, default=0) + PROBE_BEYOND
    unlisted = [i for i in range(1, highest + 1) if i not in own and i not in listed_elsewhere]
    return own, sorted(listed_elsewhere) + unlisted


def _probe(
    browser: _Browser, model_path: str, label: str, district: str, *, save: dict[str, str] | None = None
) -> list[Finding]:
    """Open (and, with ``save``, post to) other districts' rows near the official's own."""
    own, foreign = _foreign(browser, model_path, district)
    opened = [
        i for i in foreign if not _refused(*browser.request("GET", f"{ADMIN}{model_path}{i}/change/")[:2])
    ]
    findings = [
        Finding(
            f"open another district's {label}",
            held=not opened,
            detail=f"{len(own)} own, {len(foreign)} other ids tried"
            + (f"; opened {opened[:10]}" if opened else "; every one refused"),
        )
    ]
    if save is not None:
        processed = []
        for i in foreign[:PROBE_BEYOND]:
            status, location, _ = browser.post_form(f"{ADMIN}{model_path}{i}/change/", save)
            if not _refused(status, location):
                processed.append((i, status))
        findings.append(
            Finding(
                f"save another district's {label}",
                held=not processed,
                detail=f"{min(len(foreign), PROBE_BEYOND)} posts"
                + (f"; not refused (form processed): {processed[:10]}" if processed else "; all refused"),
            )
        )
    return findings


def _close_early(browser: _Browser, district: str) -> Finding:
    """Post a "close early" to the phase-date page of every other district's edition."""
    _, foreign = _foreign(browser, "editions/edition/", district)
    reached = []
    for i in foreign:
        path = f"{ADMIN}editions/edition/{i}/phase-dates/"
        status, location, _ = browser.post_form(
            path, {"phase": "decision", "change": "close_early", "reason": "x"}
        )
        if status == 200 or (status == 302 and location.endswith(path)):
            reached.append(i)
    return Finding(
        "close another district's phase early (phase-date page)",
        held=not reached,
        detail=f"{len(foreign)} editions tried"
        + (f"; reached {reached[:10]}" if reached else "; all refused"),
    )


def _user_addresses(browser: _Browser, email: str) -> Finding:
    """List the accounts: an address of another district's staff is a leak."""
    status, _, users = browser.request("GET", ADMIN + "accounts/user/?all=")
    addresses = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", users)) if status == 200 else set()
    # Demo staff are <role>.<district>@demo…: another district's name in an address is a leak.
    own_slug = email.split("@")[0].partition(".")[2]
    elsewhere = sorted(
        a
        for a in addresses
        if a == "beheer@demo.buurtbudget.nl"
        or (
            a.endswith("@demo.buurtbudget.nl")
            and a.split(".")[0] in DEMO_STAFF_MAILBOXES
            and a.split("@")[0].partition(".")[2] != own_slug
        )
    )
    return Finding(
        "list every user's e-mail address",
        held=status in (403, 302) or not elsewhere,
        detail=f"status {status}, {len(addresses)} addresses listed"
        + (f"; from elsewhere: {elsewhere[:5]}" if elsewhere else ", none of another district"),
    )


def _national_rows(browser: _Browser) -> list[Finding]:
    """Add a municipality or a district, and read the audit log: none of them an official's."""
    findings = []
    for path, label in (
        ("places/municipality/add/", "add a municipality"),
        ("places/district/add/", "add a district"),
    ):
        status, location, _ = browser.request("GET", ADMIN + path)
        findings.append(Finding(label, held=_refused(status, location), detail=f"status {status}"))
    status, _, _ = browser.request("GET", ADMIN + "audit/auditentry/")
    findings.append(
        Finding("read the audit log as an official", held=status in (403, 302), detail=f"status {status}")
    )
    return findings


def admin_scope(target: Target) -> list[Finding]:
    browser, login = _login(target)
    if browser is None:
        return [login]
    email = target.options.get("admin_email", DEMO_EMAIL)
    # Demo staff are <role>.<district slug>@…; another account names its district with --option district=….
    district = target.options.get("district", email.split("@")[0].partition(".")[2].replace("-", " "))
    findings = [login]
    findings += _probe(
        browser,
        "editions/edition/",
        "edition (with its phases)",
        district,
        save={"name": "Gekaapt", "_save": "1"},
    )
    findings.append(_close_early(browser, district))
    findings += _probe(browser, "proposals/plan/", "plan", district, save={"title": "Gekaapt", "_save": "1"})
    findings.append(_user_addresses(browser, email))
    findings += _national_rows(browser)
    return findings


ATTACKS: list[Attack] = [admin_scope]
