"""The editions' part of the Edition admin: amounts typed in euros, themes, sub-budgets and the phase
chain validated whole.

``EditionAdmin`` is not registered here: the one Edition admin is composed from what each app adds
to an edition's page and registered once, in ``backoffice.editions``.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.translated.admin import TranslatedAdminMixin, TranslatedStackedInline
from ui.fields import EuroField
from ui.templatetags.money import format_money

from .models import NEGATIVE_DAYS, TOO_MANY_DAYS, Edition, Phase, SubBudget, Theme
from .services import PhaseDates, phase_chain_errors


def _live_forms(formset: BaseInlineFormSet) -> list[forms.Form]:  # type: ignore[type-arg]
    return [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


class PhaseFormSet(BaseInlineFormSet):  # type: ignore[type-arg]
    def clean(self) -> None:
        super().clean()
        phases = [
            PhaseDates(kind=data["kind"], starts_at=data["starts_at"], ends_at=data["ends_at"])
            for data in (f.cleaned_data for f in _live_forms(self))
            if data.get("kind") and data.get("starts_at") and data.get("ends_at")
        ]
        errors = phase_chain_errors(phases, edition=self.instance)
        if errors:
            raise ValidationError(errors)


class SubBudgetForm(forms.ModelForm):  # type: ignore[type-arg]
    amount_cents = EuroField(label=gettext_lazy("Amount (euro)"), min_cents=1)

    class Meta:
        model = SubBudget
        fields = ["neighbourhood", "theme", "amount_cents"]

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if bool(cleaned.get("neighbourhood")) == bool(cleaned.get("theme")):
            raise ValidationError(_("Choose either a neighbourhood or a theme for each sub-budget."))
        return cleaned


class SubBudgetFormSet(BaseInlineFormSet):  # type: ignore[type-arg]
    def clean(self) -> None:
        super().clean()
        total = sum(f.cleaned_data.get("amount_cents") or 0 for f in _live_forms(self))
        budget = self.instance.total_budget_cents or 0
        if total > budget:
            raise ValidationError(
                _("The sub-budgets add up to %(total)s, more than the total budget of %(budget)s.")
                % {"total": format_money(total), "budget": format_money(budget)}
            )


class PhaseInline(TranslatedStackedInline):
    model = Phase
    formset = PhaseFormSet
    extra = 0


class ThemeInline(TranslatedStackedInline):
    model = Theme
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


class SubBudgetInline(admin.TabularInline[SubBudget, Edition]):
    model = SubBudget
    form = SubBudgetForm
    formset = SubBudgetFormSet
    extra = 0


class EditionForm(forms.ModelForm):  # type: ignore[type-arg]
    total_budget_cents = EuroField(label=gettext_lazy("Total budget (euro)"), min_cents=1)
    max_plan_cost_cents = EuroField(label=gettext_lazy("Maximum cost per plan (euro)"), min_cents=1)

    class Meta:
        model = Edition
        fields = [
            "district",
            "name",
            "slug",
            "year",
            "introduction",
            "total_budget_cents",
            "max_plan_cost_cents",
            "unspent_money",
            "min_age",
            "decision_model",
            "hybrid_order",
            "ballot_format",
            "ballot_max_choices",
            "ballot_points",
            "aggregation_rule",
            "rule_satisfaction",
            "support_threshold",
            "precheck_days",
            "verdicts_publish_at",
            "results_publish_at",
            "shortlist_size",
            "voter_data_days",
            "panel_contact_days",
            "is_published",
        ]
        # The form field's own bounds would otherwise answer with Django's generic sentence.
        error_messages = {
            field: {"min_value": NEGATIVE_DAYS, "max_value": TOO_MANY_DAYS}
            for field in ("voter_data_days", "panel_contact_days")
        }


class EditionAdmin(TranslatedAdminMixin, admin.ModelAdmin[Edition]):
    """The edition's own fields, list and inlines (``backoffice.editions`` adds the other apps')."""

    form = EditionForm
    list_display = [
        "name",
        "district",
        "year",
        "budget",
        "decision_model",
        "aggregation_rule",
        "is_published",
    ]
    list_filter = ["district", "year", "decision_model", "ballot_format", "aggregation_rule", "is_published"]
    search_fields = ["name", "slug", "district__name"]
    list_select_related = ["district"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ThemeInline, SubBudgetInline, PhaseInline]

    @admin.display(description=gettext_lazy("budget"), ordering="total_budget_cents")
    def budget(self, edition: Edition) -> str:
        return format_money(edition.total_budget_cents)
