"""Input of the paper ballot pages: finding the voter, the ballot as plain inputs, the review's decision."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ballots.rules import BallotRules
from ballots.sections import Section, plan_numbers
from editions.models import BallotFormat


class FindByCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Voting code"),
        max_length=40,
        help_text=_("As printed on the letter, for example K7QM-3XRD-9TBW-HP2C-V."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class FindByRegisterForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=200)
    birth_date = forms.DateField(
        label=_("Date of birth"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        help_text=_("For example 31-03-1990."),
    )
    postcode = forms.CharField(label=_("Postcode"), max_length=10)


def _field_name(kind: str, section: Section, plan_id: int | None = None) -> str:
    return f"{kind}-{section.key}" if plan_id is None else f"{kind}-{section.key}-{plan_id}"


class PaperBallotForm(forms.Form):
    """The edition's ballot as plain inputs: checkboxes, or a rank or points per plan."""

    def __init__(self, *args: Any, sections: Sequence[Section], rules: BallotRules, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sections = sections
        self.rules = rules
        self.names: dict[str, list[str]] = {section.key: [] for section in sections}
        number = plan_numbers(tuple(sections))  # as printed on the paper ballot
        for section in sections:
            if rules.format in (BallotFormat.APPROVAL, BallotFormat.KNAPSACK):
                self.names[section.key].append(_field_name("plans", section))
                self.fields[_field_name("plans", section)] = forms.MultipleChoiceField(
                    label=section.label,
                    required=False,
                    choices=[(str(p.pk), f"{number[p.pk]}. {p.title}") for p in section.plans],
                    widget=forms.CheckboxSelectMultiple,
                )
                continue
            for plan in section.plans:
                title = f"{number[plan.pk]}. {plan.title}"
                label = f"{title} ({section.label})" if len(sections) > 1 else title
                kind = "rank" if rules.format == BallotFormat.RANKING else "points"
                self.names[section.key].append(_field_name(kind, section, plan.pk))
                self.fields[_field_name(kind, section, plan.pk)] = forms.IntegerField(
                    label=label, required=False, min_value=1 if kind == "rank" else 0, max_value=999
                )

    def groups(self) -> list[tuple[Section, list[forms.BoundField]]]:
        """The form's fields per ballot section, for the template."""
        return [(section, [self[name] for name in self.names[section.key]]) for section in self.sections]

    def ballot(self) -> dict[str, Any]:
        """The ballot in the services' shape; call after ``is_valid()``."""
        data = self.cleaned_data
        ballot: dict[str, Any] = {}
        for section in self.sections:
            if self.rules.format in (BallotFormat.APPROVAL, BallotFormat.KNAPSACK):
                chosen = data.get(_field_name("plans", section)) or []
                if chosen:
                    ballot[section.key] = [int(pk) for pk in chosen]
            elif self.rules.format == BallotFormat.RANKING:
                ranks = [
                    (data[_field_name("rank", section, p.pk)], p.pk)
                    for p in section.plans
                    if data.get(_field_name("rank", section, p.pk)) is not None
                ]
                if ranks:
                    ballot[section.key] = [pk for _, pk in sorted(ranks)]
            else:
                points = {
                    p.pk: data[_field_name("points", section, p.pk)]
                    for p in section.plans
                    if data.get(_field_name("points", section, p.pk))
                }
                if points:
                    ballot[section.key] = points
        return ballot

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.rules.format == BallotFormat.RANKING:
            for section in self.sections:
                ranks = [
                    data.get(_field_name("rank", section, p.pk))
                    for p in section.plans
                    if data.get(_field_name("rank", section, p.pk)) is not None
                ]
                if len(ranks) != len(set(ranks)):
                    raise forms.ValidationError(
                        _("In %(section)s, each rank can be given to one plan only."),
                        params={"section": section.label},
                    )
        return data


class ResolveForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            ("first", _("Count the first entry")),
            ("second", _("Count the second entry")),
            ("void", _("Declare the ballot void")),
        ],
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why this reading is right, after looking at the paper ballot."),
    )

    def __init__(self, *args: Any, void_only: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if void_only:
            field = self.fields["decision"]
            field.choices = [c for c in field.choices if c[0] == "void"]  # type: ignore[attr-defined]
