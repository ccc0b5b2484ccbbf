"""Admin for plans and their cost lines.

A plan's status changes only through the services (the state machine in ``proposals.status``),
and a submitted plan's content only through its initiators (so every change leaves a revision) or
the review (cost adjustments): here the status is never editable and a submitted plan is read-only.
"""

from django import forms
from django.contrib import admin
from django.db.models import QuerySet, Sum
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ui.fields import EuroField
from ui.templatetags.money import format_money

from .models import CostLine, Plan, PlanStatus

STATE_FIELDS = ("status", "submitted_at", "reviewed_cost_cents", "changes_due_at")


def _is_draft(plan: Plan | None) -> bool:
    return plan is None or plan.status == PlanStatus.DRAFT


class CostLineForm(forms.ModelForm):  # type: ignore[type-arg]
    amount_cents = EuroField(label=_("Amount (euro)"), min_cents=1)

    class Meta:
        model = CostLine
        fields = ["description", "amount_cents", "position"]


class CostLineInline(admin.TabularInline[CostLine, Plan]):
    model = CostLine
    form = CostLineForm
    extra = 1

    def has_add_permission(self, request: HttpRequest, obj: Plan | None = None) -> bool:
        return _is_draft(obj) and super().has_add_permission(request, obj)

    # An inline's permission methods receive the parent plan (the stubs say the inline's model).
    def has_change_permission(self, request: HttpRequest, obj: Plan | None = None) -> bool:  # type: ignore[override]
        return _is_draft(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Plan | None = None) -> bool:  # type: ignore[override]
        return _is_draft(obj) and super().has_delete_permission(request, obj)


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin[Plan]):
    list_display = [
        "title",
        "edition",
        "neighbourhood",
        "theme",
        "status",
        "cost",
        "public_name",
        "submitted_at",
    ]
    list_filter = ["status", "edition", "edition__district", "theme__name"]
    search_fields = ["title", "summary", "public_name", "initiator__email"]
    list_select_related = ["edition", "neighbourhood", "theme"]
    autocomplete_fields = ["initiator"]
    date_hierarchy = "submitted_at"
    inlines = [CostLineInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Plan | None = None) -> list[str]:
        if _is_draft(obj):
            return list(STATE_FIELDS)
        return [field.name for field in Plan._meta.fields if field.editable or field.name in STATE_FIELDS]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Plan]:
        return super().get_queryset(request).annotate(cost_cents=Sum("cost_lines__amount_cents"))

    @admin.display(description=_("cost"), ordering="cost_cents")
    def cost(self, plan: Plan) -> str:
        return format_money(getattr(plan, "cost_cents", 0) or 0)
