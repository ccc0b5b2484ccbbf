"""Admin for the panel's draws and members: read-only, since a draw is a record, not a form."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from editions.models import BALLOT_RULE_FIELDS, Edition
from voting.admin import EditionWithVoteAdmin

from .models import Draw, PanelBallot, PanelMember

# deliberation sits above voting: the panel's ballots lock the ballot rules too (see voting.admin).
admin.site.unregister(Edition)


@admin.register(Edition)
class EditionWithPanelAdmin(EditionWithVoteAdmin):
    def get_readonly_fields(self, request: HttpRequest, obj: Edition | None = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and PanelBallot.objects.filter(vote__edition=obj).exists():
            fields += [f for f in BALLOT_RULE_FIELDS if f not in fields]
        return fields


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Draw)
class DrawAdmin(ReadOnlyAdmin):
    list_display = [
        "edition",
        "status",
        "algorithm",
        "panel_size",
        "seed",
        "is_current",
        "drawn_at",
        "published_at",
    ]
    list_filter = ["status", "algorithm", "is_current"]
    exclude = ["pool", "probabilities"]


@admin.register(PanelMember)
class PanelMemberAdmin(ReadOnlyAdmin):
    list_display = ["pool_id", "draw", "status", "replaces", "joined_at"]
    list_filter = ["status"]
