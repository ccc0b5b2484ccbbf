"""The one Edition admin, composed from what each app adds to an edition's page.

Each app exports its part (``editions.admin``: the edition's fields, list and inlines;
``review.admin``: the checklist inline; ``voting.admin`` and ``deliberation.admin``: whether ballots
lock the ballot rules); this top layer composes them, and ``backoffice.admin`` registers the result
once, whatever the order of ``INSTALLED_APPS``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from deliberation.admin import panel_ballots_cast
from editions import admin as editions_admin
from editions.models import BALLOT_RULE_FIELDS, Edition
from review.admin import ReviewCriterionInline
from voting.admin import BALLOTS_CAST_NOTICE, ballots_cast

# Ballots of either decision model fix the rules they were cast under (the database refuses too).
RULE_LOCKS: tuple[Callable[[Edition], bool], ...] = (ballots_cast, panel_ballots_cast)


class EditionAdmin(editions_admin.EditionAdmin):
    inlines = [*editions_admin.EditionAdmin.inlines, ReviewCriterionInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Edition | None = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and any(locked(obj) for locked in RULE_LOCKS):
            fields += [f for f in BALLOT_RULE_FIELDS if f not in fields]
        return fields

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> Any:
        edition = self.get_object(request, object_id)
        if edition is not None and request.method == "GET" and ballots_cast(edition):
            messages.info(request, str(BALLOTS_CAST_NOTICE))
        return super().change_view(request, object_id, form_url, extra_context)
