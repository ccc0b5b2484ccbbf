"""Reads of a plan's revision history for its public page and the reviewer's diff."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from proposals.models import Plan, PlanRevision
from ui.templatetags.money import format_money

# The public content a revision keeps, in the order a reader meets it; the labels name a change.
FIELD_LABELS: dict[str, Promise] = {
    "title": _("title"),
    "summary": _("summary"),
    "description": _("description"),
    "theme": _("theme"),
    "neighbourhood": _("neighbourhood"),
    "address": _("address or place"),
    "point": _("map point"),
    "for_whom": _("for whom"),
    "public_name": _("name shown publicly"),
    "cost_lines": _("cost lines"),
    "images": _("images"),
}

# Texts that can be long: their change is also shown word by word.
_LONG_TEXT_CHARS = 60
_TOKENS = re.compile(r"\s+|[^\s]+")


def snapshot_of(plan: Plan) -> dict[str, Any]:
    """The plan's public content as plain JSON values: what a revision stores and what diffs compare."""
    point = f"{plan.latitude}, {plan.longitude}" if plan.latitude is not None else ""
    return {
        "title": plan.title,
        "summary": plan.summary,
        "description": plan.description,
        "theme": plan.theme.name,
        "neighbourhood": plan.neighbourhood.name if plan.neighbourhood else "",
        "address": plan.address,
        "point": point,
        "for_whom": plan.for_whom,
        "public_name": plan.public_name,
        "cost_lines": [
            {"description": line.description, "amount_cents": line.amount_cents}
            for line in plan.cost_lines.order_by("position", "pk")
        ],
        "images": [image.alt_text for image in plan.images.order_by("position", "pk")],
    }


def changed_fields(*, before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The names of the fields whose value differs, in the order of ``FIELD_LABELS``."""
    return [name for name in FIELD_LABELS if before.get(name) != after.get(name)]


def revision_history(*, plan: Plan) -> list[PlanRevision]:
    """Every revision, oldest first; number 1 is the plan as submitted."""
    return list(PlanRevision.objects.filter(plan=plan).select_related("author").order_by("number"))


def revision_of(*, plan: Plan, number: int) -> PlanRevision | None:
    return PlanRevision.objects.filter(plan=plan, number=number).first()


@dataclass(frozen=True)
class DiffPart:
    kind: Literal["same", "added", "removed"]
    text: str


@dataclass(frozen=True)
class FieldChange:
    """One field's change between two revisions; ``parts`` is a word-level diff for long texts."""

    field: str
    label: Promise
    old: str
    new: str
    parts: tuple[DiffPart, ...] = ()


def display_value(field: str, value: Any) -> str:
    """A snapshot value as text a reader understands (cost lines one per line, with amounts)."""
    if field == "cost_lines":
        lines = [f"{line['description']}: {format_money(line['amount_cents'])}" for line in value or []]
        total = sum(line["amount_cents"] for line in value or [])
        return "\n".join([*lines, f"{_('Total')}: {format_money(total)}"]) if lines else ""
    if field == "images":
        return "\n".join(value or [])
    return "" if value is None else str(value)


def word_diff(old: str, new: str) -> tuple[DiffPart, ...]:
    """Word-by-word differences between two texts (whitespace kept, so line breaks survive)."""
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    parts: list[DiffPart] = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(DiffPart("same", "".join(old_tokens[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            parts.append(DiffPart("removed", "".join(old_tokens[i1:i2])))
        if tag in ("insert", "replace"):
            parts.append(DiffPart("added", "".join(new_tokens[j1:j2])))
    return tuple(parts)


def revision_diff(*, older: PlanRevision, newer: PlanRevision) -> list[FieldChange]:
    """Per field that differs between the two snapshots: the old and new value, and a word diff when long."""
    changes = []
    for field in changed_fields(before=older.snapshot, after=newer.snapshot):
        old = display_value(field, older.snapshot.get(field))
        new = display_value(field, newer.snapshot.get(field))
        is_long = max(len(old), len(new)) > _LONG_TEXT_CHARS or "\n" in old or "\n" in new
        changes.append(
            FieldChange(
                field=field,
                label=FIELD_LABELS[field],
                old=old,
                new=new,
                parts=word_diff(old, new) if is_long else (),
            )
        )
    return changes


def snapshot_fields(revision: PlanRevision) -> list[tuple[Promise, str]]:
    """(label, value) of every field of a revision that has a value, for showing a version whole."""
    return [
        (label, display_value(field, revision.snapshot.get(field)))
        for field, label in FIELD_LABELS.items()
        if revision.snapshot.get(field)
    ]


def changed_labels(revision: PlanRevision) -> list[Promise]:
    """The labels of the fields a revision changed, for "what changed" lists."""
    return [FIELD_LABELS[name] for name in revision.changed_fields if name in FIELD_LABELS]
