"""Forms for plans, by topic: list filters, submission, discussion."""

from .discussion import CommentForm, ReasonForm
from .filters import PlanFilterForm
from .submission import CostLineFormSet, ImageForm, InviteForm, PeopleForm, SubmitForm, WhatForm, WhereForm

__all__ = [
    "CommentForm",
    "CostLineFormSet",
    "ImageForm",
    "InviteForm",
    "PeopleForm",
    "PlanFilterForm",
    "ReasonForm",
    "SubmitForm",
    "WhatForm",
    "WhereForm",
]
