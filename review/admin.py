"""The review in the admin: the edition's review checklist, and the pre-checks of drafts.

The checklist is an inline of the edition's page, composed into the one Edition admin by
``backoffice.editions``; pre-checks are records that the district's officials read.
"""

from __future__ import annotations

from django.contrib import admin

from editions.models import Edition

from .models import PreCheck, PreCheckNote, ReviewCriterion


class ReviewCriterionInline(admin.TabularInline[ReviewCriterion, Edition]):
    model = ReviewCriterion
    extra = 0
    fields = ["position", "key", "name", "description"]
    prepopulated_fields = {"key": ["name"]}
    ordering = ["position", "pk"]


class PreCheckNoteInline(admin.TabularInline[PreCheckNote, PreCheck]):
    model = PreCheckNote
    extra = 0
    fields = ["criterion", "outcome", "note"]


@admin.register(PreCheck)
class PreCheckAdmin(admin.ModelAdmin[PreCheck]):
    """A pre-check changes only through ``review.prechecks`` (one open per draft, answered once, audited)."""

    list_display = ["plan", "asked_at", "due_at", "answered_at"]
    list_select_related = ["plan"]
    inlines = [PreCheckNoteInline]
