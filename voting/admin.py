"""Admin: the edition's ballot rules become read-only once ballots exist; voting rows are read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext

from editions.models import BALLOT_RULE_FIELDS, Edition
from review.admin import EditionWithChecklistAdmin

from .services.rules import ballot_rules_locked

# voting sits above review and editions, so it extends the edition's admin page (see review.admin).
admin.site.unregister(Edition)


@admin.register(Edition)
class EditionWithVoteAdmin(EditionWithChecklistAdmin):
    def get_readonly_fields(self, request: HttpRequest, obj: Edition | None = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and ballot_rules_locked(obj):
            fields += [f for f in BALLOT_RULE_FIELDS if f not in fields]
        return fields

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> Any:
        edition = self.get_object(request, object_id)
        if edition is not None and request.method == "GET" and ballot_rules_locked(edition):
            messages.info(
                request,
                gettext("The ballot format and counting rule can no longer change: ballots have been cast."),
            )
        return super().change_view(request, object_id, form_url, extra_context)
