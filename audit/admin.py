"""The audit log in the admin: administrators read it; nobody adds, changes or deletes entries."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from accounts.models import Role
from accounts.roles import roles_of

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin[AuditEntry]):
    list_display = ["at", "actor", "action", "object_label", "edition"]
    list_filter = ["action", "object_type", "edition"]
    search_fields = ["object_label", "actor__email", "action"]
    date_hierarchy = "at"
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def _is_administrator(self, request: HttpRequest) -> bool:
        user = request.user
        if not user.is_authenticated or not user.is_active:
            return False
        return user.is_superuser or any(role == Role.ADMINISTRATOR for _, role in roles_of(user))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._is_administrator(request)

    def has_view_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return self._is_administrator(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest):  # type: ignore[no-untyped-def]
        queryset = super().get_queryset(request).select_related("actor", "edition")
        user = request.user
        if user.is_superuser:
            return queryset
        districts = [district for district, role in roles_of(user) if role == Role.ADMINISTRATOR]  # type: ignore[arg-type]
        return queryset.filter(edition__district__in=districts)
