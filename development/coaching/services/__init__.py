"""Writes of coaching: the district's partners (``partners``), assigning coaches (``assignment``) and
the shared log with the coach's steps (``log``). Each function is one transaction."""

from .assignment import assign_coach, end_coaching
from .log import mark_step, undo_step, write_note
from .partners import add_partner_coach, end_partner, name_partner

__all__ = [
    "add_partner_coach",
    "assign_coach",
    "end_coaching",
    "end_partner",
    "mark_step",
    "name_partner",
    "undo_step",
    "write_note",
]
