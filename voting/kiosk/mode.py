"""The kiosk cookie: signed, httponly, naming the one edition the device votes in.

It lives apart from the session on purpose: the session is emptied after every cast and after a
minute without a touch, while the device stays a kiosk until an official switches it back.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils import translation

COOKIE = "buurtbudget_kiosk"
SALT = "voting.kiosk"
# The screen goes back to the empty code page after this long without a touch (no-JS: after this
# long, whatever happens), and a ballot shown longer ago than BALLOT_SECONDS is refused when cast:
# the server cannot see a voter's clicks, so its limit is the longest a ballot may reasonably take.
IDLE_SECONDS = 60
BALLOT_SECONDS = 10 * 60
LONGEST_SECONDS = 60 * 60 * 24 * 62  # the cookie outlives no vote: a vote phase is shorter than this


@dataclass(frozen=True)
class Kiosk:
    """The kiosk a device is: its edition, and the empty code page it returns to (in Dutch)."""

    edition_pk: int
    slug: str

    @property
    def start_url(self) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            return reverse("voting:start", kwargs={"slug": self.slug})

    @property
    def idle_seconds(self) -> int:
        return IDLE_SECONDS


def kiosk_of(request: HttpRequest) -> Kiosk | None:
    """The kiosk this device is, or None (no cookie, or one tampered with or too old)."""
    raw = request.COOKIES.get(COOKIE)
    if not raw:
        return None
    try:
        edition_pk, slug = signing.loads(raw, salt=SALT, max_age=LONGEST_SECONDS)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(edition_pk, int) or not isinstance(slug, str):
        return None
    return Kiosk(edition_pk=edition_pk, slug=slug)


def is_kiosk_for(request: HttpRequest, edition_pk: int) -> bool:
    kiosk = kiosk_of(request)
    return kiosk is not None and kiosk.edition_pk == edition_pk


def set_kiosk(response: HttpResponseBase, kiosk: Kiosk, *, max_age: int) -> None:
    response.set_cookie(
        COOKIE,
        signing.dumps([kiosk.edition_pk, kiosk.slug], salt=SALT),
        max_age=max(60, min(max_age, LONGEST_SECONDS)),
        httponly=True,
        samesite="Strict",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def clear_kiosk(response: HttpResponseBase) -> None:
    response.delete_cookie(COOKIE, samesite="Strict")
