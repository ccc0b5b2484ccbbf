"""The admin site: every model registered on it is scoped by its rule (backoffice.rules) and audited.

Apps register as usual (``@admin.register(Plan)``); the site builds the class it keeps from the
app's class with the scoping mixin in front and Django's model permissions replaced behind, and does
the same for each inline. A model without a rule still registers, but only superusers reach it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib import admin
from django.db import models, transaction
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import URLPattern, URLResolver, path

from audit.services import record

from .forms import AdminLoginForm
from .scoping import RulesReplaceModelPermissions, ScopedInlineMixin, ScopedModelAdminMixin


def scoped_inline(inline_class: type[Any]) -> type[Any]:
    if issubclass(inline_class, ScopedInlineMixin):
        return inline_class
    return type(
        inline_class.__name__,
        (ScopedInlineMixin, inline_class, RulesReplaceModelPermissions),
        {"__module__": inline_class.__module__, "__doc__": inline_class.__doc__},
    )


def scoped_admin(admin_class: type[Any]) -> type[Any]:
    if issubclass(admin_class, ScopedModelAdminMixin):
        return admin_class
    return type(
        admin_class.__name__,
        (ScopedModelAdminMixin, admin_class, RulesReplaceModelPermissions),
        {
            "__module__": admin_class.__module__,
            "__doc__": admin_class.__doc__,
            "inlines": [scoped_inline(inline) for inline in admin_class.inlines],
        },
    )


class ScopedAdminSite(admin.AdminSite):
    login_form = AdminLoginForm

    def register(
        self,
        model_or_iterable: type[models.Model] | Iterable[type[models.Model]],
        admin_class: type[Any] | None = None,
        **options: Any,
    ) -> None:
        super().register(model_or_iterable, scoped_admin(admin_class or admin.ModelAdmin), **options)

    def get_urls(self) -> list[URLResolver | URLPattern]:
        from .views import phase_dates

        return [
            path(
                "editions/edition/<int:edition_id>/phase-dates/",
                self.admin_view(phase_dates),
                name="editions_edition_phase_dates",
            ),
            *super().get_urls(),
        ]

    def password_change(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> TemplateResponse:
        """The admin's own "change my password" page: the change and its audit entry commit together."""
        with transaction.atomic():
            response = super().password_change(request, extra_context)
            if response.status_code == 302:  # the form was valid and the password is changed
                user = request.user
                record(
                    actor=user,  # type: ignore[arg-type]
                    action="admin.password_change",
                    target=user,  # type: ignore[arg-type]
                    edition=None,
                    after={"password": "changed"},
                )
        return response
