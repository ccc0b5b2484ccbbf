"""Recruitment forms: the resident's sign-up (with a field per feature) and the facilitator's forms."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.translated.forms import TranslationsFormMixin
from outreach.forms import CsvUploadForm

from ..models import Feature
from .features import AGE, NEIGHBOURHOOD, feature_name, value_label

OUTSIDE = "elders"
FEATURE_PREFIX = "feature_"


class SignUpForm(forms.Form):
    """Consent first, then contact details, birth year, one select per feature and availability.

    The age band is not asked: it follows from the birth year. With a response code the
    neighbourhood is not asked either: the invited address decides it.
    """

    consent = forms.BooleanField(
        label=_("I have read how my details are used and I agree."),
        required=True,
        error_messages={"required": _("You can only sign up if you agree to how your details are used.")},
    )
    code = forms.CharField(
        label=_("Response code from your letter (XXXX-XXXX-XXXX-XXXX-X)"),
        max_length=40,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    name = forms.CharField(
        label=_("Name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Telephone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel"}),
    )
    birth_year = forms.IntegerField(
        label=_("Birth year"),
        help_text=_("Only used to check the minimum age and to choose your age group; it is not stored."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "bday-year"}),
    )

    def __init__(
        self, *args: Any, features: Sequence[Feature], district_name: str, code_required: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.code_required = code_required
        if code_required:
            self.fields["code"].required = True
        self.feature_keys: list[str] = []
        for feature in features:
            if feature.key == AGE:
                continue
            choices: list[tuple[str, str]] = [("", str(_("Choose…")))]
            choices += [(v.key, value_label(feature.key, v)) for v in feature.values.all()]
            help_text: Any = ""
            required = True
            if feature.key == NEIGHBOURHOOD:
                choices.append((OUTSIDE, _("Somewhere outside %(district)s") % {"district": district_name}))
                help_text = _("If you have a response code, the address on your letter decides this.")
                # With a code the invited address decides the neighbourhood.
                required = not (code_required or (self.data.get("code") or "").strip())
            self.fields[FEATURE_PREFIX + feature.key] = forms.ChoiceField(
                label=feature_name(feature), choices=choices, required=required, help_text=help_text
            )
            self.feature_keys.append(feature.key)
        self.fields["available"] = forms.TypedChoiceField(
            label=_("Can you come to the work sessions on these dates?"),
            choices=[("ja", _("Yes")), ("nee", _("No, not to all of them"))],
            coerce=lambda value: value == "ja",
            widget=forms.RadioSelect,
        )

    def clean_birth_year(self) -> int:
        year = int(self.cleaned_data["birth_year"])
        if not 1900 <= year <= timezone.now().year:
            raise forms.ValidationError(_("Enter your birth year as four digits, for example 1980."))
        return year

    def features(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(FEATURE_PREFIX + key) or "" for key in self.feature_keys}


class FeatureForm(TranslationsFormMixin, forms.Form):
    """A feature the facilitator adds, with one value per line ("Huur: 5400" gives a population figure),
    and its name in other languages (the values' labels are translated on the quota page)."""

    translations_model = Feature

    name = forms.CharField(label=_("Name of the feature"), max_length=80)
    values = forms.CharField(
        label=_("Values, one per line"),
        help_text=_("Optionally followed by a colon and the number of residents, for example “Huur: 5400”."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_values(self) -> list[tuple[str, int]]:
        parsed = []
        for line in self.cleaned_data["values"].splitlines():
            label, _sep, number = line.partition(":")
            label = " ".join(label.split())
            if not label:
                continue
            digits = number.replace(".", "").replace(" ", "").strip()
            if digits and not digits.isdigit():
                raise forms.ValidationError(
                    _("“%(line)s”: the number after the colon must be a whole number.")
                    % {"line": line.strip()}
                )
            parsed.append((label[:120], int(digits) if digits else 0))
        return parsed


class InvitationForm(forms.Form):
    count = forms.IntegerField(label=_("Number of addresses to invite"), min_value=1, max_value=5000)
    seed = forms.IntegerField(
        label=_("Seed"),
        required=False,
        min_value=0,
        help_text=_(
            "Empty: a random seed. It is kept in the audit log so the draw of addresses can be redone."
        ),
    )


class PoolImportForm(CsvUploadForm):
    prefix = "pool"
    file = forms.FileField(
        label=_("People for the pool (CSV)"),
        help_text=_(
            "One column per feature (by its name, e.g. buurt, leeftijd, geslacht), and optionally "
            "naam, e-mail, telefoon and beschikbaar (ja/nee); separated by commas or semicolons."
        ),
    )
    consent = forms.BooleanField(
        label=_("Everyone in this file agreed, in writing, to the consent text of the sign-up page."),
        required=False,
    )
