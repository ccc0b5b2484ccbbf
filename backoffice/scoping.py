"""The part of every admin class that the rules decide: permissions, rows, choices and the audit log.

``ScopedAdminSite`` (backoffice.site) builds every registered admin — and each of its inlines — as
``Scoped(AppAdmin, RulesReplaceModelPermissions)``: the app's own admin keeps its restrictions (a
submitted plan is read-only, a draw is a record), the rule of ``backoffice.rules`` is asked first,
and Django's per-model permissions (groups) no longer decide anything: the method resolution order
puts ``RulesReplaceModelPermissions`` just above Django's ``BaseModelAdmin``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.contrib import admin
from django.contrib.admin.filters import RelatedOnlyFieldListFilter
from django.contrib.admin.utils import get_fields_from_path
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.forms import BaseModelFormSet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from audit.services import record

from .rules import allows, edition_of, rule_for, visible_rows

# Values the audit log never holds, only that they changed: secrets (a password hash) and a person's
# contact details (the log is append-only, so nothing in it could ever be purged).
UNLOGGED_FIELDS = frozenset({"password", "email", "display_name", "phone"})
HIDDEN = "••••••"


class RulesReplaceModelPermissions(admin.options.BaseModelAdmin):  # type: ignore[type-arg]
    """Sits under the app's admin: what used to ask Django's model permissions asks nothing more."""

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return True

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return True


def snapshot(row: models.Model) -> dict[str, str | None]:
    """The row's stored values as text (foreign keys as ids), for the audit log's before and after."""
    values: dict[str, str | None] = {}
    for field in row._meta.concrete_fields:
        value = field.value_from_object(row)
        if isinstance(value, datetime) and timezone.is_aware(value):
            # The same moment reads the same whether it came from the form (local) or the database.
            values[field.attname] = value.astimezone(UTC).isoformat()
        else:
            values[field.attname] = None if value is None else field.value_to_string(row)
    return values


def difference(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that changed; ``UNLOGGED_FIELDS`` are shown as changed, never stored."""
    changed = [key for key in sorted(set(before) | set(after)) if before.get(key) != after.get(key)]

    def shown(values: dict[str, Any], key: str) -> Any:
        return HIDDEN if key in UNLOGGED_FIELDS and values.get(key) else values.get(key)

    return (
        {key: shown(before, key) for key in changed if key in before},
        {key: shown(after, key) for key in changed if key in after},
    )


def _request_user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


class AuditedAdminMixin:
    """Every add, change and delete through the admin lands in the audit log, before → after."""

    def _audit(
        self,
        request: HttpRequest,
        row: models.Model,
        action: str,
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> None:
        audited: set[tuple[str, str]] = request.__dict__.setdefault("_admin_audited", set())
        audited.add((row._meta.label_lower, str(row.pk)))
        shown_before, shown_after = difference(before, after)
        if not shown_before and not shown_after:
            return
        edition = None if action == "admin.delete" and rule_is_edition(row) else edition_of(row)
        record(
            actor=_request_user(request),
            action=action,
            target=row,
            edition=edition,
            before=shown_before,
            after=shown_after,
        )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        before = snapshot(type(obj)._default_manager.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        self._audit(request, obj, "admin.change" if change else "admin.add", before, snapshot(obj))

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        model = formset.model
        stored = [f.instance.pk for f in formset.initial_forms if f.instance.pk is not None]
        before = {row.pk: snapshot(row) for row in model._default_manager.filter(pk__in=stored)}
        # Logged before they go (a deleted row loses its id); a failed save rolls the entry back too.
        for deleted in formset.deleted_forms:
            if deleted.instance.pk in before:
                self._audit(request, deleted.instance, "admin.delete", before[deleted.instance.pk], {})
        super().save_formset(request, form, formset, change)  # type: ignore[misc]
        for row in formset.new_objects:
            self._audit(request, row, "admin.add", {}, snapshot(row))
        for row, _fields in formset.changed_objects:
            self._audit(request, row, "admin.change", before.get(row.pk, {}), snapshot(row))

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        before = snapshot(obj)
        self._audit(request, obj, "admin.delete", before, {})
        super().delete_model(request, obj)  # type: ignore[misc]

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for row in queryset:
            self._audit(request, row, "admin.delete", snapshot(row), {})
        super().delete_queryset(request, queryset)  # type: ignore[misc]

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        # Changes that bypass save_model (a user's password form) are logged here, named by the admin.
        audited = request.__dict__.get("_admin_audited", set())
        if (obj._meta.label_lower, str(obj.pk)) not in audited:
            record(
                actor=_request_user(request),
                action="admin.change",
                target=obj,
                edition=edition_of(obj),
                after={"admin": message},
            )
        return super().log_change(request, obj, message)  # type: ignore[misc]


def rule_is_edition(row: models.Model) -> bool:
    rule = rule_for(type(row))
    return rule is not None and rule.edition == "pk"


class ScopedChoicesMixin:
    """Choices in forms and filters offer only rows the user could pick in their own districts."""

    model: type[models.Model]

    def _limit(self, request: HttpRequest, field: Any) -> Any:
        if field is not None and hasattr(field, "queryset") and not request.user.is_superuser:
            field.queryset = visible_rows(request.user, field.queryset)
        return field

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        return self._limit(request, super().formfield_for_foreignkey(db_field, request, **kwargs))  # type: ignore[misc]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        return self._limit(request, super().formfield_for_manytomany(db_field, request, **kwargs))  # type: ignore[misc]


class ScopedModelAdminMixin(AuditedAdminMixin, ScopedChoicesMixin):
    """Put first in a registered admin's bases by the site: the rule decides before the app's admin."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return allows(request.user, self.model, "view") or allows(request.user, self.model, "change")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return allows(request.user, self.model, "view", obj) and super().has_view_permission(request, obj)  # type: ignore[misc]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return allows(request.user, self.model, "add") and super().has_add_permission(request)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return allows(request.user, self.model, "change", obj) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        rule = rule_for(self.model)
        if obj is not None and rule is not None and rule.is_frozen(obj):
            return False
        return allows(request.user, self.model, "delete", obj) and super().has_delete_permission(request, obj)  # type: ignore[misc]

    def get_queryset(self, request: HttpRequest) -> Any:
        return visible_rows(request.user, super().get_queryset(request))  # type: ignore[misc]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))  # type: ignore[misc]
        rule = rule_for(self.model)
        if obj is not None and rule is not None and rule.is_frozen(obj):
            fields += [name for name in rule.frozen if name not in fields]
        return fields

    def get_list_filter(self, request: HttpRequest) -> Any:
        filters = super().get_list_filter(request)  # type: ignore[misc]
        if request.user.is_superuser:
            return filters
        return [_related_only(self.model, entry) for entry in filters]


def _related_only(model: type[models.Model], entry: Any) -> Any:
    """A filter on a relation lists only the related rows in the visible rows, not every district's."""
    if not isinstance(entry, str):
        return entry
    try:
        field = get_fields_from_path(model, entry)[-1]
    except (FieldDoesNotExist, admin.utils.NotRelationField):
        return entry
    return (entry, RelatedOnlyFieldListFilter) if field.is_relation else entry


class ScopedInlineMixin(AuditedAdminMixin, ScopedChoicesMixin):
    """Put first in an inline's bases: the inline's rule, judged in the district of the parent row."""

    parent_model: type[models.Model]

    def _allows(self, request: HttpRequest, operation: Any, parent: Any) -> bool:
        # The inline's rows belong to the parent's district: judge the parent row under the
        # inline's requirement (the inline model's rule), which is the same district.
        if not allows(request.user, self.model, operation):
            return False
        return parent is None or allows(request.user, self.parent_model, "view", parent)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allows(request, "view", obj) and super().has_view_permission(request, obj)  # type: ignore[misc]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allows(request, "add", obj) and super().has_add_permission(request, obj)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allows(request, "change", obj) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allows(request, "delete", obj) and super().has_delete_permission(request, obj)  # type: ignore[misc]

    def get_queryset(self, request: HttpRequest) -> Any:
        return visible_rows(request.user, super().get_queryset(request))  # type: ignore[misc]

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)  # type: ignore[misc]
        rule = rule_for(self.model)
        if rule is None or rule.frozen_when is None:
            return formset
        return type(f"Frozen{formset.__name__}", (FrozenRowsFormSetMixin, formset), {"frozen_rule": rule})


class FrozenRowsFormSetMixin(BaseModelFormSet):  # type: ignore[type-arg]
    """Rows with entries (a phase with ballots) keep their frozen fields and cannot be removed here."""

    frozen_rule: Any

    def _construct_form(self, i: int, **kwargs: Any) -> Any:
        form = super()._construct_form(i, **kwargs)  # type: ignore[misc]
        if form.instance.pk is not None and self.frozen_rule.is_frozen(form.instance):
            for name in self.frozen_rule.frozen:
                if name in form.fields:
                    form.fields[name].disabled = True
        return form

    def clean(self) -> None:
        # Before the formset's own checks, which would complain about the chain without the row.
        for form in self.initial_forms:
            removed = self.can_delete and self._should_delete_form(form)  # type: ignore[attr-defined]
            if removed and self.frozen_rule.is_frozen(form.instance):
                raise ValidationError(
                    gettext("“%(row)s” already has entries, so it cannot be removed here.")
                    % {"row": form.instance}
                )
        super().clean()
