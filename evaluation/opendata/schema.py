"""The pieces of a data package: a table with its Table Schema and rows, and a file that is not a table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise

# Table Schema types used here: the CSV cells are written as Python prints them ("" when missing).
INTEGER = "integer"
STRING = "string"
BOOLEAN = "boolean"
DATE = "date"
NUMBER = "number"


@dataclass(frozen=True)
class Column:
    """One field of a Table Schema: its name, type and description, and the constraints it keeps."""

    name: str
    type: str
    description: str | Promise
    required: bool = False
    minimum: int | None = None
    enum: tuple[str, ...] = ()

    def descriptor(self) -> dict[str, Any]:
        found: dict[str, Any] = {"name": self.name, "type": self.type, "description": str(self.description)}
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            found["constraints"] = constraints
        if self.type == BOOLEAN:  # the tables write 1 and 0
            found["trueValues"] = ["1"]
            found["falseValues"] = ["0"]
        return found


@dataclass(frozen=True)
class ForeignKey:
    """Columns of this table that name a row of another table of the package."""

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]

    def descriptor(self) -> dict[str, Any]:
        return {
            "fields": list(self.fields),
            "reference": {"resource": self.resource, "fields": list(self.reference)},
        }


@dataclass(frozen=True)
class Table:
    """A CSV resource: ``name`` is the resource's name and the file's (``data/<name>.csv``)."""

    name: str
    title: str | Promise
    description: str | Promise
    columns: Sequence[Column]
    rows: list[list[Any]]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def path(self) -> str:
        return f"data/{self.name}.csv"

    def schema(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "description": str(self.description),
            "fields": [c.descriptor() for c in self.columns],
            "missingValues": [""],
        }
        if self.primary_key:
            found["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            found["foreignKeys"] = [k.descriptor() for k in self.foreign_keys]
        return found


@dataclass(frozen=True)
class Attachment:
    """A file of the package that is not a table (a pabulib ``.pb`` ballot file)."""

    name: str
    path: str
    title: str | Promise
    description: str | Promise
    content: bytes
    format: str = "pb"
    mediatype: str = "text/plain"
    sources: list[dict[str, str]] = field(default_factory=list)
