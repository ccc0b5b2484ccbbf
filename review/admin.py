"""The admin: an edition's review checklist is edited here; reviews are read-only history."""

from __future__ import annotations

from django.contrib import admin

from .models import ReviewCriterion


@admin.register(ReviewCriterion)
class ReviewCriterionAdmin(admin.ModelAdmin[ReviewCriterion]):
    list_display = ["name", "key", "edition", "position"]
    list_filter = ["edition"]
    ordering = ["edition", "position"]
