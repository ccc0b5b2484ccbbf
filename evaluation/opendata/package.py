"""Writing a data package: the ``datapackage.json`` descriptor (Frictionless Data Package v1) and the zip.

The package is a "data-package" (not a "tabular-data-package"): besides the CSV tables, each with its
Table Schema, it holds the pabulib ballot files, which are text but not tables.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.utils import timezone

from common import csv_safe

from .schema import Attachment, Table

LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}


def csv_bytes(table: Table) -> bytes:
    """The table as UTF-8 CSV with a header row; cells a spreadsheet would run are neutralised."""
    out = io.StringIO()
    writer = csv_safe.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows(["" if cell is None else cell for cell in row] for row in table.rows)
    return out.getvalue().encode("utf-8")


def table_resource(table: Table) -> dict[str, Any]:
    return {
        "name": table.name,
        "path": table.path,
        "profile": "tabular-data-resource",
        "title": str(table.title),
        "description": str(table.description),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": table.schema(),
    }


def file_resource(file: Attachment) -> dict[str, Any]:
    return {
        "name": file.name,
        "path": file.path,
        "profile": "data-resource",
        "title": str(file.title),
        "description": str(file.description),
        "format": file.format,
        "mediatype": file.mediatype,
        "encoding": "utf-8",
        "bytes": len(file.content),
        "hash": f"sha256:{hashlib.sha256(file.content).hexdigest()}",
    }


def package_files(tables: Sequence[Table], files: Sequence[Attachment]) -> dict[str, bytes]:
    """Each file of the package by its path in the zip (the descriptor not included)."""
    found = {table.path: csv_bytes(table) for table in tables}
    found.update({file.path: file.content for file in files})
    return found


def content_tag(descriptor: dict[str, Any], files: dict[str, bytes]) -> str:
    """A hash of everything in the package except the moment it was made: the ETag of the download."""
    digest = hashlib.sha256(json.dumps(descriptor, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    for path in sorted(files):
        digest.update(path.encode("utf-8") + b"\0" + hashlib.sha256(files[path]).digest())
    return digest.hexdigest()


def zip_bytes(descriptor: dict[str, Any], files: dict[str, bytes], *, at: datetime) -> bytes:
    """The zip: ``datapackage.json`` first, then the files, each dated ``at`` (Europe/Amsterdam)."""
    local = timezone.localtime(at)
    stamp = (local.year, local.month, local.day, local.hour, local.minute, local.second)
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path, content in {"datapackage.json": text.encode("utf-8"), **files}.items():
            entry = zipfile.ZipInfo(path, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, content)
    return out.getvalue()
