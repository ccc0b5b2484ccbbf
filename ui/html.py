"""Compact HTML: the templates' indentation is not worth sending to a phone."""

from __future__ import annotations

import re

from django.http import HttpResponse

_INDENTATION = re.compile(rb"\n[ \t\r\n]+")


def without_indentation(response: HttpResponse) -> HttpResponse:
    """``response`` with each line's leading whitespace and blank lines removed.

    Whitespace stays whitespace (a newline), so text and inline elements read the same; a page with
    ``<pre>`` or ``<textarea>``, where whitespace is content, is left as it is.
    """
    content = response.content
    if b"<pre" not in content and b"<textarea" not in content:
        response.content = _INDENTATION.sub(b"\n", content)
    return response
