"""A private file as a download: an attachment that no browser or proxy keeps a copy of."""

from __future__ import annotations

from pathlib import Path

from django.http import FileResponse


def private_download(path: Path, *, filename: str, content_type: str) -> FileResponse:
    """Stream ``path`` as ``filename``; ``no-store``, because such files (letters with codes) are
    destroyed after printing and must not survive in a cache."""
    response = FileResponse(path.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
    response["Cache-Control"] = "no-store"
    return response
