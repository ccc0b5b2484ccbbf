"""Admin for the learning programme: its records, read by the officials of the edition's district.

Lessons, running costs and the precomputed figures change only through their services (which check
the figure anchors and the adopting edition, and audit), so the rules in ``backoffice.rules`` let
nobody add, change or delete them here. Survey answers and tickets are not shown here at all: their
results are only ever shown in groups of at least ten.
"""

from __future__ import annotations

from django.contrib import admin

from .models import EditionEvidence, Lesson, ProcessCost


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin[Lesson]):
    list_display = ["__str__", "edition", "evidence", "adopted_in", "adopted_setting", "position"]
    list_filter = ["edition", "adopted_setting"]
    list_select_related = ["edition", "adopted_in"]
    search_fields = ["finding", "recommendation"]


@admin.register(ProcessCost)
class ProcessCostAdmin(admin.ModelAdmin[ProcessCost]):
    list_display = ["description", "edition", "staff_hours", "amount_cents", "entered_at"]
    list_filter = ["edition"]
    list_select_related = ["edition"]


@admin.register(EditionEvidence)
class EditionEvidenceAdmin(admin.ModelAdmin[EditionEvidence]):
    list_display = ["edition", "computed_at", "version"]
    list_select_related = ["edition"]
