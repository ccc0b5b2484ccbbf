"""Admin for plans and their cost lines."""

from django import forms
from django.contrib import admin
from django.db.models import QuerySet, Sum
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ui.fields import EuroField
from ui.templatetags.money import format_money

from .models import CostLine, Plan


class CostLineForm(forms.ModelForm):  # type: ignore[type-arg]
    amount_cents = EuroField(label=_("Amount (euro)"), min_cents=1)

    class Meta:
        model = CostLine
        fields = ["description", "amount_cents", "position"]


class CostLineInline(admin.TabularInline[CostLine, Plan]):
    model = CostLine
    form = CostLineForm
    extra = 1


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

    def get_queryset(self, request: HttpRequest) -> QuerySet[Plan]:
        return super().get_queryset(request).annotate(cost_cents=Sum("cost_lines__amount_cents"))

    @admin.display(description=_("cost"), ordering="cost_cents")
    def cost(self, plan: Plan) -> str:
        return format_money(getattr(plan, "cost_cents", 0) or 0)
