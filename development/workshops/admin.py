"""The Django admin for plan workshops, scoped by district like everything else.

Workshops and sign-ups change only through their services (the capacity kept by conditional updates,
attendance audited), so ``backoffice.rules`` lets the district's officials read them here.
"""

from __future__ import annotations

from django.contrib import admin

from ..models import Workshop, WorkshopSignUp


class WorkshopSignUpInline(admin.TabularInline[WorkshopSignUp, Workshop]):
    model = WorkshopSignUp
    extra = 0
    fields = ["user", "signed_up_at", "cancelled_at", "attended"]


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin[Workshop]):
    list_display = ["title", "edition", "starts_at", "place", "language", "capacity", "seats_taken"]
    list_filter = ["edition"]
    list_select_related = ["edition"]
    inlines = [WorkshopSignUpInline]
