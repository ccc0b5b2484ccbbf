"""The admin: an edition's review checklist is edited on the edition's page, below its phases."""

from __future__ import annotations

from django.contrib import admin

from editions.admin import EditionAdmin
from editions.models import Edition

from .models import ReviewCriterion


class ReviewCriterionInline(admin.TabularInline[ReviewCriterion, Edition]):
    model = ReviewCriterion
    extra = 0
    fields = ["position", "key", "name", "description"]
    prepopulated_fields = {"key": ["name"]}
    ordering = ["position", "pk"]


# review sits above editions, so it extends the edition's admin page instead of editions knowing
# about review (the pattern Django documents for extending another app's admin).
admin.site.unregister(Edition)


@admin.register(Edition)
class EditionWithChecklistAdmin(EditionAdmin):
    inlines = [*EditionAdmin.inlines, ReviewCriterionInline]
