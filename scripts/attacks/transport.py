"""Browser and transport attacks (issue 12 §4) against a running instance.

- headers: every page read (public, a resident's, a 404) carries a CSP without 'unsafe-inline', a
  Permissions-Policy, nosniff and no framing; a resident's personal pages are ``no-store``; over HTTPS
  HSTS covers subdomains.
- forged scheme: a client's own ``X-Forwarded-Proto: https`` over plain HTTP does not get past the
  HTTPS redirect (skipped when the instance does not redirect at all, like the demo).
- junk: every path found by crawling the site (as a visitor and as the resident) gets NUL bytes,
  over-long values and wrong types in its query string, with the parameter names of its GET forms:
  a NUL or an over-long value must be a 400, nothing may be a 5xx; so must a NUL in the session cookie.
- oversized body: a POST announcing 64 MB (and sending a few bytes) is refused at once.
- PNG bomb: the resident uploads a 48 KB PNG of 7070×7070 pixels to a draft plan: a form error,
  no 500, no image added, answered quickly.

Options: ``resident_email``, ``resident_password`` (the demo's resident by default), ``max_pages``.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import io
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from html.parser import HTMLParser

from .common import Attack, Finding, Target

DEMO_RESIDENT = ("bewoner@demo.buurtbudget.nl", "mijn-buurt-beslist")
PUBLIC_PAGES = ["/", "/en/", "/plannen/", "/hoe-werkt-het/", "/toegankelijkheid/", "/account/inloggen/"]
PERSONAL_PAGES = ["/plannen/mijn-plannen/", "/account/", "/account/meldingen/"]
SKIPPED_PREFIXES = ("/static/", "/media/", "/beheer/", "/account/uitloggen/")
COMMON_NAMES = ["edition", "q", "page", "pagina", "theme", "neighbourhood", "status", "sort", "next"]


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    url: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Session:
    """A cookie-keeping client; ``follow=False`` answers redirects as they are."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        cookies = urllib.request.HTTPCookieProcessor(self.jar)
        self.following = urllib.request.build_opener(cookies)
        self.direct = urllib.request.build_opener(cookies, _NoRedirect)

    def request(
        self,
        path: str,
        *,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        follow: bool = True,
    ) -> Answer:
        url = path if path.startswith("http") else self.base_url + path
        request = urllib.request.Request(url, data=data, headers=headers or {})
        opener = self.following if follow else self.direct
        try:
            with opener.open(request, timeout=60) as response:
                return Answer(response.status, dict(response.headers.items()), response.read(), response.url)
        except urllib.error.HTTPError as error:
            return Answer(error.code, dict(error.headers.items()), error.read(), url)

    def csrf_token(self, html: bytes) -> str:
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        return found.group(1).decode() if found else ""

    def post_form(self, path: str, fields: dict[str, str], page: bytes) -> Answer:
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.csrf_token(page), **fields}).encode()
        return self.request(
            path,
            data=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": self.base_url + path},
        )

    def log_in(self, email: str, password: str) -> bool:
        page = self.request("/account/inloggen/")
        answer = self.post_form("/account/inloggen/", {"username": email, "password": password}, page.body)
        return any(cookie.name == "sessionid" for cookie in self.jar) and answer.status < 400


class _Links(HTMLParser):
    """Same-site links and the names of GET forms' fields on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: set[str] = set()
        self.names: set[str] = set()
        self._in_get_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.add(values["href"] or "")
        elif tag == "form":
            self._in_get_form = (values.get("method") or "get").lower() == "get"
        elif tag in ("input", "select", "textarea") and self._in_get_form and values.get("name"):
            self.names.add(values["name"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_get_form = False


def crawl(session: Session, start: list[str], max_pages: int) -> tuple[list[str], set[str]]:
    """Paths reachable from ``start`` on the same site, and the GET form field names seen."""
    seen: list[str] = []
    names: set[str] = set()
    queue = list(start)
    while queue and len(seen) < max_pages:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.append(path)
        answer = session.request(path)
        if not answer.headers.get("Content-Type", "").startswith("text/html"):
            continue
        parser = _Links()
        parser.feed(answer.body.decode("utf-8", "replace"))
        names |= parser.names
        for link in parser.links:
            parsed = urllib.parse.urlsplit(urllib.parse.urljoin(session.base_url + path, link))
            if parsed.netloc != urllib.parse.urlsplit(session.base_url).netloc:
                continue
            if parsed.path.startswith(SKIPPED_PREFIXES) or parsed.path in seen or parsed.path in queue:
                continue
            queue.append(parsed.path)
    return seen, names


def _resident(target: Target) -> tuple[str, str]:
    return (
        target.options.get("resident_email", DEMO_RESIDENT[0]),
        target.options.get("resident_password", DEMO_RESIDENT[1]),
    )


def _header_problems(answer: Answer, *, personal: bool, https: bool) -> list[str]:
    headers = {key.lower(): value for key, value in answer.headers.items()}
    problems = []
    csp = headers.get("content-security-policy", "")
    if not csp or "unsafe-inline" in csp or "unsafe-eval" in csp or "frame-ancestors 'none'" not in csp:
        problems.append(f"CSP {csp!r}")
    if "camera=()" not in headers.get("permissions-policy", ""):
        problems.append("no Permissions-Policy")
    if headers.get("x-content-type-options") != "nosniff":
        problems.append("no nosniff")
    if personal and "no-store" not in headers.get("cache-control", ""):
        problems.append(f"Cache-Control {headers.get('cache-control')!r}")
    if https and "includesubdomains" not in headers.get("strict-transport-security", "").lower():
        problems.append(f"HSTS {headers.get('strict-transport-security')!r}")
    return problems


def security_headers(target: Target) -> list[Finding]:
    https = target.base_url.startswith("https://")
    visitor = Session(target.base_url)
    findings = []
    for path in [*PUBLIC_PAGES, "/deze-pagina-bestaat-niet/"]:
        problems = _header_problems(visitor.request(path), personal=False, https=https)
        findings.append(Finding(f"headers on {path}", held=not problems, detail="; ".join(problems)))
    resident = Session(target.base_url)
    if not resident.log_in(*_resident(target)):
        findings.append(Finding("headers on personal pages", held=True, detail="login failed", skipped=True))
        return findings
    for path in ["/", *PERSONAL_PAGES]:
        problems = _header_problems(resident.request(path), personal=True, https=https)
        name = f"headers and no-store on {path} (logged in)"
        findings.append(Finding(name, held=not problems, detail="; ".join(problems)))
    return findings


def forged_scheme(target: Target) -> list[Finding]:
    http_url = re.sub(r"^https://", "http://", target.base_url)
    session = Session(http_url)
    plain = session.request("/hoe-werkt-het/", follow=False)
    if plain.status not in (301, 302) or not plain.headers.get("Location", "").startswith("https://"):
        return [
            Finding(
                "X-Forwarded-Proto: https from a client",
                held=True,
                detail=f"plain HTTP is not redirected ({plain.status}): not a production set-up",
                skipped=True,
            )
        ]
    forged = session.request("/hoe-werkt-het/", headers={"X-Forwarded-Proto": "https"}, follow=False)
    held = forged.status in (301, 302) and forged.headers.get("Location", "").startswith("https://")
    return [
        Finding(
            "X-Forwarded-Proto: https from a client",
            held=held,
            detail=f"plain HTTP with the forged header: {forged.status} {forged.headers.get('Location', '')}",
        )
    ]


def junk_queries(target: Target) -> list[Finding]:
    max_pages = int(target.options.get("max_pages", "150"))
    visitor = Session(target.base_url)
    paths, names = crawl(visitor, PUBLIC_PAGES, max_pages)
    resident = Session(target.base_url)
    sessions = [("visitor", visitor, paths)]
    if resident.log_in(*_resident(target)):
        resident_paths, resident_names = crawl(resident, ["/", *PERSONAL_PAGES], max_pages)
        names |= resident_names
        sessions.append(("resident", resident, resident_paths))
    names |= set(COMMON_NAMES)
    names.discard("csrfmiddlewaretoken")

    def query(value: str) -> str:
        return "?" + "&".join(f"{urllib.parse.quote(name)}={value}" for name in sorted(names))

    refused = {"NUL": query("%00"), "over-long": query("x" * 1001)}
    tolerated = {
        "words": query("abc"),
        "huge number": query("99999999999999999999"),
        "undecodable": query("%FF%FE"),
        "repeated": query("1") + "&" + query("2")[1:],
    }
    failures: list[str] = []
    asked = 0
    for label, session, session_paths in sessions:
        for path in session_paths:
            for junk, suffix in refused.items():
                asked += 1
                status = session.request(path + suffix, follow=False).status
                if status != 400:
                    failures.append(f"{label} {path} {junk}: {status}")
            for junk, suffix in tolerated.items():
                asked += 1
                status = session.request(path + suffix, follow=False).status
                if status >= 500:
                    failures.append(f"{label} {path} {junk}: {status}")
    nul_cookie = {"Cookie": 'sessionid="abcdefghij\\000klmnop"'}  # Django unquotes it to a NUL byte
    for path in PUBLIC_PAGES:
        asked += 1
        status = Session(target.base_url).request(path, headers=nul_cookie, follow=False).status
        if status != 400:
            failures.append(f"NUL in the session cookie {path}: {status}")
    example = visitor.request("/plannen/?edition=%00", follow=False).status
    example_name = "/plannen/?edition=%00 (the issue's example)"
    findings = [Finding(example_name, held=example == 400, detail=str(example))]
    findings.append(
        Finding(
            f"junk query strings: {asked} requests to {sum(len(p) for _, _, p in sessions)} crawled pages, "
            f"{len(names)} parameter names",
            held=not failures,
            detail="; ".join(failures[:10]),
        )
    )
    return findings


def oversized_body(target: Target) -> list[Finding]:
    parsed = urllib.parse.urlsplit(target.base_url)
    connection_class = http.client.HTTPSConnection if parsed.scheme == "https" else http.client.HTTPConnection
    connection = connection_class(parsed.netloc, timeout=20)
    started = time.monotonic()
    try:
        connection.putrequest("POST", "/account/inloggen/")
        connection.putheader("Content-Type", "application/x-www-form-urlencoded")
        connection.putheader("Content-Length", str(64 * 1024 * 1024))
        connection.endheaders()
        connection.send(b"username=a&password=b")
        status = connection.getresponse().status
    except (OSError, http.client.HTTPException) as error:
        return [Finding("a 64 MB body announced", held=False, detail=f"no answer: {error}")]
    finally:
        connection.close()
    took = time.monotonic() - started
    return [
        Finding(
            "a 64 MB body announced, a few bytes sent",
            held=status in (400, 413) and took < 10,
            detail=f"{status} after {took:.2f} s (refused without waiting for the body)",
        )
    ]


def png_bomb(side: int = 7070) -> bytes:
    """A PNG of side × side black pixels at one bit each, its rows compressed together: ~48 KB."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = side.to_bytes(4, "big") * 2 + bytes([1, 0, 0, 0, 0])  # 1 bit, greyscale
    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    compressor = zlib.compressobj(9)
    data = compressor.compress(row * side) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def _multipart(fields: dict[str, str], name: str, filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = "----buurtbudget-attack-boundary"
    out = io.BytesIO()
    for key, value in fields.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    out.write(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        "Content-Type: image/png\r\n\r\n".encode()
    )
    out.write(content)
    out.write(f"\r\n--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def image_bomb(target: Target) -> list[Finding]:
    session = Session(target.base_url)
    if not session.log_in(*_resident(target)):
        return [Finding("PNG bomb upload", held=True, detail="resident login failed", skipped=True)]
    mine = session.request("/plannen/mijn-plannen/")
    plans = sorted(set(re.findall(rb"/plannen/(\d+)/bewerken/", mine.body)))
    for pk in plans:
        path = f"/plannen/{pk.decode()}/bewerken/afbeeldingen/"
        page = session.request(path)
        if page.status != 200 or b'enctype="multipart/form-data"' not in page.body:
            continue
        images_before = page.body.count(b"/afbeeldingen/") if page.body else 0
        bomb = png_bomb()
        fields = {"csrfmiddlewaretoken": session.csrf_token(page.body), "alt_text": "Een leeg plein"}
        body, content_type = _multipart(fields, "image", "plein.png", bomb)
        started = time.monotonic()
        answer = session.request(
            path, data=body, headers={"Content-Type": content_type, "Referer": target.base_url + path}
        )
        took = time.monotonic() - started
        after = session.request(path)
        refused = answer.status == 200 and b"megapixels" in answer.body
        unchanged = after.body.count(b"/afbeeldingen/") == images_before
        return [
            Finding(
                f"a {len(bomb) // 1024} KB PNG of 7070×7070 pixels uploaded to plan {pk.decode()}",
                held=refused and unchanged and took < 5,
                detail=f"{answer.status} in {took:.2f} s; refused: {refused}; images unchanged: {unchanged}",
            )
        ]
    return [Finding("PNG bomb upload", held=True, detail="the resident has no draft plan", skipped=True)]


ATTACKS: list[Attack] = [security_headers, forged_scheme, junk_queries, oversized_body, image_bomb]
