"""The review's part of the Edition admin: the edition's review checklist, below its phases.

It is an inline of the edition's page, composed into the one Edition admin by ``backoffice.editions``.
"""

from __future__ import annotations

from django.contrib import admin

from editions.models import Edition

from .models import ReviewCriterion


class ReviewCriterionInline(admin.TabularInline[ReviewCriterion, Edition]):
    model = ReviewCriterion
    extra = 0
    fields = ["position", "key", "name", "description"]
    prepopulated_fields = {"key": ["name"]}
    ordering = ["position", "pk"]
