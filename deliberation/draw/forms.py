"""Forms of the facilitator's pages: panel size, algorithm and quotas; a draw's seed; a replacement."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from common.translated.forms import TranslationsFormMixin

from ..models import FeatureValue, SelectionAlgorithm
from ..recruitment.features import FEATURE_NAMES
from .quotas import ValueQuota
from .services.draw import MAX_SEED

ALGORITHM_HELP: dict[str, Promise] = {
    SelectionAlgorithm.MAXIMIN: _(
        "Maximin makes the smallest chance anyone in the pool has as large as possible: nobody is "
        "left with a tiny chance because of their combination of features. Recommended."
    ),
    SelectionAlgorithm.NASH: _(
        "Nash maximises the product of everyone's chances: chances are spread evenly over the whole "
        "pool, at the price of a slightly lower minimum chance. It takes longer."
    ),
    SelectionAlgorithm.LEGACY: _(
        "Legacy fills the quotas person by person, as the Sortition Foundation did before. It is fast, "
        "but does not aim at fair chances; the chances shown are estimated from 200 repeated draws."
    ),
}


class PanelSetupForm(forms.Form):
    panel_size = forms.IntegerField(label=_("Panel size"), min_value=2, max_value=500)
    algorithm = forms.ChoiceField(
        label=_("Selection algorithm"), choices=SelectionAlgorithm.choices, widget=forms.RadioSelect
    )


class ValueQuotaForm(TranslationsFormMixin, forms.Form):
    """One feature value: its population figure and, optionally, the quota the facilitator sets; the
    label of a value of the facilitator's own features in other languages (the default features'
    labels come from the catalogue or are names)."""

    translations_model = FeatureValue

    population = forms.IntegerField(min_value=0, max_value=10_000_000)
    min_quota = forms.IntegerField(min_value=0, max_value=500, required=False)
    max_quota = forms.IntegerField(min_value=0, max_value=500, required=False)

    def __init__(self, *args: Any, value: FeatureValue, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"value-{value.pk}")
        kwargs.setdefault(
            "initial",
            {"population": value.population, "min_quota": value.min_quota, "max_quota": value.max_quota}
            | {"translations": value.translations},
        )
        self.translated_fields = None if value.feature.key not in FEATURE_NAMES else ()
        super().__init__(*args, **kwargs)
        self.value = value
        self.fields["population"].label = _("Population of %(value)s") % {"value": value.label}
        self.fields["min_quota"].label = _("At least (%(value)s)") % {"value": value.label}
        self.fields["max_quota"].label = _("At most (%(value)s)") % {"value": value.label}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("min_quota"), data.get("max_quota")
        if low is not None and high is not None and low > high:
            raise forms.ValidationError(
                _("%(value)s: the minimum (%(min)s) is above the maximum (%(max)s).")
                % {"value": self.value.label, "min": low, "max": high},
                code="min_above_max",
            )
        return data

    def to_quota(self) -> ValueQuota:
        return ValueQuota(
            value_id=self.value.pk,
            population=self.cleaned_data["population"],
            min_quota=self.cleaned_data["min_quota"],
            max_quota=self.cleaned_data["max_quota"],
            translations=self.cleaned_translations() if self.translation_names() else None,
        )


class DrawForm(forms.Form):
    seed = forms.IntegerField(
        label=_("Seed"),
        required=False,
        min_value=1,
        max_value=MAX_SEED,
        help_text=_(
            "Leave empty for a fresh random seed. Fill in a published seed only to re-run that draw."
        ),
    )


class ReplaceForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=200)
