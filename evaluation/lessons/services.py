"""Keeping the lessons register: add, edit, remove and reorder lessons (EVALUATE, audited)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from audit.services import record
from editions.models import Edition

from ..evidence.access import check_evaluator
from ..models import AdoptableSetting, Lesson
from ..report.figures import is_anchor
from .errors import LessonError
from .selectors import is_later


@dataclass(frozen=True)
class LessonText:
    """What a lesson says; ``evidence`` is a figure anchor of the report (or empty)."""

    finding: str
    recommendation: str
    evidence: str = ""
    evidence_note: str = ""
    adopted_in: Edition | None = None
    adopted_setting: str = ""
    adopted_note: str = ""


def _cleaned(edition: Edition, text: LessonText) -> dict[str, Any]:
    """The lesson's fields, checked; refused when something is missing or points nowhere."""
    finding, recommendation = text.finding.strip(), text.recommendation.strip()
    if not finding:
        raise LessonError("finding_required")
    if not recommendation:
        raise LessonError("recommendation_required")
    evidence = text.evidence.strip()
    if evidence and not is_anchor(evidence):
        raise LessonError("unknown_figure")
    adopted = text.adopted_in
    if adopted is not None and (
        adopted.district.municipality_id != edition.district.municipality_id
        or not is_later(adopted, than=edition)
    ):
        raise LessonError("not_later")
    if text.adopted_setting and text.adopted_setting not in AdoptableSetting.values:
        raise LessonError("unknown_setting")
    if text.adopted_setting and adopted is None:
        raise LessonError("setting_without_edition")
    return {
        "finding": finding[:2000],
        "recommendation": recommendation[:2000],
        "evidence": evidence,
        "evidence_note": text.evidence_note.strip()[:300],
        "adopted_in": adopted,
        "adopted_setting": text.adopted_setting,
        "adopted_note": text.adopted_note.strip()[:300] if adopted is not None else "",
    }


def _logged(fields: dict[str, Any]) -> dict[str, Any]:
    return {**fields, "adopted_in": fields["adopted_in"].slug if fields["adopted_in"] else None}


def add_lesson(*, edition: Edition, by: User, text: LessonText, at: datetime | None = None) -> Lesson:
    """A new lesson at the end of the edition's register."""
    check_evaluator(by, edition)
    fields = _cleaned(edition, text)
    with transaction.atomic():
        last = Lesson.objects.filter(edition=edition).aggregate(last=Max("position"))["last"]
        lesson = Lesson.objects.create(
            edition=edition,
            position=0 if last is None else last + 1,
            created_by=by,
            created_at=at or timezone.now(),
            **fields,
        )
        record(
            actor=by,
            action="evaluation.lesson_added",
            target=lesson,
            edition=edition,
            after=_logged(fields),
            at=at,
        )
    return lesson


def _check(lesson: Lesson, by: User, edition: Edition | None) -> None:
    if edition is not None and lesson.edition_id != edition.pk:
        raise LessonError("other_edition")
    check_evaluator(by, lesson.edition)


def edit_lesson(*, lesson: Lesson, by: User, text: LessonText, edition: Edition | None = None) -> Lesson:
    """Change what a lesson says (and which edition adopted it)."""
    _check(lesson, by, edition)
    fields = _cleaned(lesson.edition, text)
    before = _logged({name: getattr(lesson, name) for name in fields})
    with transaction.atomic():
        for name, value in fields.items():
            setattr(lesson, name, value)
        lesson.save(update_fields=list(fields))
        record(
            actor=by,
            action="evaluation.lesson_edited",
            target=lesson,
            edition=lesson.edition,
            before=before,
            after=_logged(fields),
        )
    return lesson


def remove_lesson(*, lesson: Lesson, by: User, edition: Edition | None = None) -> None:
    _check(lesson, by, edition)
    before = {"finding": lesson.finding, "recommendation": lesson.recommendation, "evidence": lesson.evidence}
    with transaction.atomic():
        record(
            actor=by, action="evaluation.lesson_removed", target=lesson, edition=lesson.edition, before=before
        )
        lesson.delete()


def move_lesson(*, lesson: Lesson, by: User, offset: int, edition: Edition | None = None) -> list[Lesson]:
    """Move a lesson ``offset`` places (−1: up, +1: down) in its register; positions become 0, 1, 2, …"""
    _check(lesson, by, edition)
    with transaction.atomic():
        lessons = list(
            Lesson.objects.select_for_update().filter(edition=lesson.edition_id).order_by("position", "pk")
        )
        index = next(i for i, other in enumerate(lessons) if other.pk == lesson.pk)
        target = min(max(index + offset, 0), len(lessons) - 1)
        lessons.insert(target, lessons.pop(index))
        for position, other in enumerate(lessons):
            other.position = position
        Lesson.objects.bulk_update(lessons, ["position"])
        record(
            actor=by,
            action="evaluation.lesson_moved",
            target=lesson,
            edition=lesson.edition,
            before={"position": index},
            after={"position": target},
        )
    return lessons
