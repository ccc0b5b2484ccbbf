"""``kiosk`` on every page: the layout drops the menu and enlarges the text on a kiosk device."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .mode import kiosk_of


def kiosk(request: HttpRequest) -> dict[str, Any]:
    return {"kiosk": kiosk_of(request)}
