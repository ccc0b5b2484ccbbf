"""Admin for editions: themes, sub-budgets and the phase chain, validated as a whole."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from .models import Edition, Phase, SubBudget, Theme
from .services import PhaseDates, phase_chain_errors


class PhaseFormSet(BaseInlineFormSet):  # type: ignore[type-arg]
    def clean(self) -> None:
        super().clean()
        phases = [
            PhaseDates(kind=f.cleaned_data["kind"], starts_at=f.cleaned_data["starts_at"], ends_at=f.cleaned_data["ends_at"])
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("starts_at")
            and f.cleaned_data.get("ends_at")
        ]
        errors = phase_chain_errors(phases)
        if errors:
            raise ValidationError(errors)


class PhaseInline(admin.TabularInline[Phase, Edition]):
    model = Phase
    formset = PhaseFormSet
    extra = 0


class ThemeInline(admin.TabularInline[Theme, Edition]):
    model = Theme
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


class SubBudgetInline(admin.TabularInline[SubBudget, Edition]):
    model = SubBudget
    extra = 0


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin[Edition]):
    list_display = ["name", "district", "year", "total_budget_cents", "decision_model", "aggregation_rule", "is_published"]
    list_filter = ["district", "year", "decision_model", "ballot_format", "aggregation_rule", "is_published"]
    search_fields = ["name", "slug", "district__name"]
    list_select_related = ["district"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ThemeInline, SubBudgetInline, PhaseInline]

    def get_changeform_initial_data(self, request: Any) -> dict[str, Any]:
        return {"min_age": 16}
