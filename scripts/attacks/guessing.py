"""Code guessing and accounts (issue 12 §3): wrong codes, spoofed addresses, password guessing, registration.

Against a running instance, from this machine (every request comes from one address):

- ``wrong codes then a valid one``: N wrong voting codes through the API, then the real code of
  ``--option code=…`` in ``--option edition=<slug>`` (default the demo's Zuidoost vote). The wrong
  ones must end in 429; the real one must still be accepted. It is sent with a ballot that names no
  real part of the vote, so the answer is 422 ("your ballot is wrong") when the code got through,
  and nothing is cast.
- ``X-Forwarded-For spoofing``: wrong codes each claiming another client address. With
  ``--option proxies=0`` (the server's TRUSTED_PROXY_COUNT) the header is ignored; with 1, only the
  address the proxy appended counts. Either way the 429 must come: spoofing buys no fresh bucket.
- ``password guessing``: wrong passwords for one account on /inloggen/ and /beheer/login/; the
  site must say it stopped checking, and with ``--option login_email=… --option login_password=…``
  (an account you may lock for a quarter of an hour) the right password must then fail too, on
  the site and in the admin.
- ``registration with a known address``: registering ``--option known_email=…`` (default a demo
  account) and a fresh address must give the same page, and log in neither.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from .common import Attack, Finding, Target

DEMO_EDITION = "buurtbudget-zuidoost-2026"
DEMO_KNOWN_EMAIL = "esther.mensah@demo.buurtbudget.nl"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class _Browser:
    """Cookies and CSRF tokens, no redirects followed: the bare answers, as an attacker sees them."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def request(
        self, method: str, path: str, *, data: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str]:
        req = urllib.request.Request(self.base_url + path, data=data, method=method, headers=headers or {})
        try:
            with self.opener.open(req, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode(errors="replace")

    def form(self, path: str, fields: dict[str, str], **headers: str) -> tuple[int, dict[str, str], str]:
        """GET the form for its CSRF token, then POST ``fields`` to it."""
        _, _, page = self.request("GET", path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        body = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token.group(1) if token else ""})
        return self.request(
            "POST",
            path,
            data=body.encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": self.base_url + path,
                **headers,
            },
        )

    def logged_in(self) -> bool:
        """Whether the account page opens (it redirects to the login page otherwise)."""
        return self.request("GET", "/account/")[0] == 200


def _random_code() -> str:
    """A well-formed code no voter has (the check symbol may be wrong: then it is 'malformed')."""
    raw = "".join(secrets.choice(CROCKFORD) for _ in range(17))
    return "-".join(raw[i : i + 4] for i in range(0, 17, 4))


def _cast(target: Target, code: str, **headers: str) -> int:
    edition = target.options.get("edition", DEMO_EDITION)
    body = json.dumps({"code": code, "ballot": {"no-such-part": []}}).encode()
    status, _, _ = _Browser(target.base_url).request(
        "POST",
        f"/api/v1/editions/{edition}/ballots",
        data=body,
        headers={"Content-Type": "application/json", **headers},
    )
    return status


def wrong_codes_then_a_valid_one(target: Target) -> list[Finding]:
    tries = int(target.options.get("n", "40"))
    answers = [_cast(target, _random_code()) for _ in range(tries)]
    refused = answers.count(429)
    findings = [
        Finding(
            attack=f"{tries} wrong voting codes from one address",
            held=refused > 0 and all(a in (403, 429) for a in answers),
            detail=f"answers: {answers.count(403)}× 403, {refused}× 429, "
            f"others {sorted(set(answers) - {403, 429})}",
        )
    ]
    code = target.options.get("code")
    if not code:
        findings.append(
            Finding(
                attack="a valid code after the wrong ones",
                held=False,
                skipped=True,
                detail="give --option code=<an unused voting code> (make demo prints some)",
            )
        )
        return findings
    status = _cast(target, code)
    findings.append(
        Finding(
            attack="a valid code from the same address after it went over the limit",
            held=status in (200, 201, 422),
            detail=f"answer {status} (422: code accepted, wrong ballot refused, nothing cast)",
        )
    )
    return findings


def spoofed_forwarded_for(target: Target) -> list[Finding]:
    proxies = int(target.options.get("proxies", "0"))
    tries = int(target.options.get("n", "40"))
    answers = []
    for n in range(tries):
        claimed = f"203.0.113.{n % 250}"
        # Behind one proxy we play the proxy too: it appends the (fixed) address it saw.
        header = claimed if proxies == 0 else f"{claimed}, 198.51.100.77"
        answers.append(_cast(target, _random_code(), **{"X-Forwarded-For": header}))
    return [
        Finding(
            attack=f"wrong codes each claiming another X-Forwarded-For address (proxies={proxies})",
            held=429 in answers,
            detail=f"first 429 after {answers.index(429) if 429 in answers else 'never'} of {tries} tries",
        )
    ]


THROTTLED_WORDS = ("Too many wrong passwords", "te veel verkeerde wachtwoorden")


def password_guessing(target: Target) -> list[Finding]:
    findings = []
    victim = target.options.get("login_email") or f"attack-{secrets.token_hex(4)}@example.org"
    tries = int(target.options.get("login_tries", "12"))
    browser = _Browser(target.base_url)
    page = ""
    for n in range(tries):
        _, _, page = browser.form(
            "/account/inloggen/", {"username": victim, "password": f"guess-{n}-{secrets.token_hex(3)}"}
        )
    findings.append(
        Finding(
            attack=f"{tries} wrong passwords for one account on /account/inloggen/",
            held=any(words in page for words in THROTTLED_WORDS),
            detail="the form says it stopped checking"
            if any(w in page for w in THROTTLED_WORDS)
            else "no throttling message",
        )
    )
    admin = _Browser(target.base_url)
    for n in range(tries):
        admin.form("/beheer/login/", {"username": victim, "password": f"guess-{n}", "next": "/beheer/"})
    password = target.options.get("login_password")
    if not password:
        findings.append(
            Finding(
                attack="the right password after the wrong ones (site and /beheer/)",
                held=False,
                skipped=True,
                detail="give --option login_email=… --option login_password=… of an account you may lock",
            )
        )
        return findings
    for path, fields in (
        ("/account/inloggen/", {"username": victim, "password": password}),
        ("/beheer/login/", {"username": victim, "password": password, "next": "/beheer/"}),
    ):
        probe = _Browser(target.base_url)
        status, _, _ = probe.form(path, fields)
        findings.append(
            Finding(
                attack=f"the right password after {tries} wrong ones on {path}",
                held=not probe.logged_in(),
                detail=f"answer {status}, {'logged in' if probe.logged_in() else 'not logged in'}",
            )
        )
    return findings


def registration_with_a_known_address(target: Target) -> list[Finding]:
    known = target.options.get("known_email", DEMO_KNOWN_EMAIL)
    fresh = f"nieuw-{secrets.token_hex(4)}@example.org"
    answers = []
    for address in (known, fresh):
        browser = _Browser(target.base_url)
        password = "Een-lang-wachtwoord-" + secrets.token_hex(4)
        status, _, page = browser.form(
            "/account/registreren/",
            {"email": address, "display_name": "Test", "password1": password, "password2": password},
        )
        body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page.replace(address, "ADDRESS"))
        answers.append((status, body, browser.logged_in()))
    same = answers[0][:2] == answers[1][:2]
    return [
        Finding(
            attack="registering a known address and a fresh one",
            held=same and not answers[0][2] and not answers[1][2],
            detail=(
                f"answers {answers[0][0]} and {answers[1][0]}, pages "
                f"{'identical' if same else 'DIFFERENT'}, logged in: {answers[0][2]}/{answers[1][2]}"
            ),
        )
    ]


ATTACKS: list[Attack] = [
    spoofed_forwarded_for,
    wrong_codes_then_a_valid_one,
    password_guessing,
    registration_with_a_known_address,
]
