"""The Django admin for the development track's ideas, scoped by district like everything else.

Ideas change only through their services (the phase, the initiator, support and joining, becoming a
plan), so ``backoffice.rules`` lets the district's officials read them here and nobody change them.
"""

from __future__ import annotations

from django.contrib import admin

from ..models import Idea


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin[Idea]):
    list_display = ["title", "edition", "neighbourhood", "public_name", "created_at", "plan", "hidden_at"]
    list_filter = ["edition"]
    list_select_related = ["edition", "neighbourhood", "plan"]
    search_fields = ["title"]
