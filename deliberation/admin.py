"""Admin for the panel's draws and members: read-only, since a draw is a record, not a form.

The panel's part of the Edition admin is ``panel_ballots_cast``: the panel's ballots lock the ballot
rules too (composed into the one Edition admin by ``backoffice.editions``).
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from editions.models import Edition

from .models import Draw, PanelBallot, PanelMember


def panel_ballots_cast(edition: Edition) -> bool:
    """Whether the edition's panel has cast a ballot (its ballot rules are then locked)."""
    return PanelBallot.objects.filter(vote__edition=edition).exists()


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
