"""The Django admin for the development track's coaching, scoped by district like everything else.

Partners, their coaches, coachings and steps change only through their services (which check who
may coach, keep one active coaching per idea or plan, notify and audit), so ``backoffice.rules``
lets the district's officials read them here and nobody change them. The log's entries are not
shown at all: the log is read on the coaching's own page, by the people it belongs to.
"""

from __future__ import annotations

from django.contrib import admin

from ..models import Coaching, CoachingStep, Partner, PartnerCoach


class PartnerCoachInline(admin.TabularInline[PartnerCoach, Partner]):
    model = PartnerCoach
    extra = 0
    fields = ["user", "added_by", "added_at"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin[Partner]):
    list_display = ["name", "district", "named_at", "ended_at"]
    list_filter = ["district"]
    list_select_related = ["district"]
    search_fields = ["name"]
    inlines = [PartnerCoachInline]


class CoachingStepInline(admin.TabularInline[CoachingStep, Coaching]):
    model = CoachingStep
    extra = 0
    fields = ["step", "permit", "note", "done_by", "done_at"]


@admin.register(Coaching)
class CoachingAdmin(admin.ModelAdmin[Coaching]):
    list_display = ["pk", "idea", "plan", "coach", "partner", "assigned_at", "ended_at"]
    list_select_related = ["idea", "plan", "coach", "partner"]
    inlines = [CoachingStepInline]
