"""Values every page's layout needs: the language switch."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .languages import alternates


def site(request: HttpRequest) -> dict[str, Any]:
    return {"language_alternates": alternates(request.get_full_path())}
