"""Forms for writing a plan step by step: parsing and field messages; the rules live in the services."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from common.translated.forms import TranslationsFormMixin
from editions.models import Edition, Theme
from places.models import Neighbourhood
from places.postcodes.selectors import streets_of
from proposals.errors import PlanError
from proposals.models import Plan
from proposals.services.submission import CostLineInput
from ui.fields import EuroField

MAX_COST_LINES = 30


class RevisionNoteMixin(forms.Form):
    """Adds "what changed and why" when a submitted plan is edited (shown with the revision)."""

    def add_note_field(self) -> None:
        self.fields["note"] = forms.CharField(
            label=_("What did you change, and why?"),
            required=False,
            max_length=300,
            help_text=_("Shown with the change on the plan's public page."),
        )

    @property
    def note(self) -> str:
        return str(self.cleaned_data.get("note") or "")


class WhatForm(TranslationsFormMixin, RevisionNoteMixin):
    """Title, summary, description and theme; the title and summary may be given in other languages too."""

    translations_model = Plan
    translated_fields = ("title", "summary")

    title = forms.CharField(
        label=_("Title"), max_length=120, help_text=_("Short and clear, for example “Benches in the park”.")
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences: what you want to do. Shown in plan lists."),
    )
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What do you want to do, why, and what will be better afterwards?"),
    )
    theme: forms.ModelChoiceField[Theme] = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.none(), empty_label=_("Choose a theme")
    )

    def __init__(self, *args: Any, edition: Edition, revising: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        theme = self.fields["theme"]
        theme.queryset = edition.themes.order_by("name")  # type: ignore[attr-defined]
        theme.error_messages["invalid_choice"] = PlanError("theme_not_in_edition").message
        theme.error_messages["required"] = PlanError("theme_not_in_edition").message
        if revising:
            self.add_note_field()

    def plan_fields(self) -> dict[str, Any]:
        fields = {name: self.cleaned_data[name] for name in ("title", "summary", "description", "theme")}
        return {**fields, "translations": self.cleaned_translations()}


class WhereForm(RevisionNoteMixin):
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.all(),
        required=False,
        empty_label=_("The whole district"),
    )
    # The district's streets are offered as suggestions (a <datalist>: no JavaScript needed); any
    # text is still allowed, e.g. "the square behind the library". No coordinates to type.
    address = forms.CharField(
        label=_("Address or place"),
        max_length=200,
        required=False,
        help_text=_(
            "Start typing the street: the streets of the district are suggested. "
            "Or describe the place, such as “the square behind the library”."
        ),
        widget=forms.TextInput(attrs={"list": "address-streets", "autocomplete": "off"}),
    )
    for_whom = forms.CharField(
        label=_("For whom"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who benefits from the plan, and who helps to carry it out?"),
    )

    def __init__(self, *args: Any, edition: Edition, revising: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the district's neighbourhoods are offered; any other one is refused by the service
        # with a message that names it.
        field = self.fields["neighbourhood"]
        field.widget.choices = [
            ("", _("The whole district")),
            *((n.pk, n.name) for n in edition.district.neighbourhoods.order_by("name")),
        ]
        self.streets = streets_of(district_id=edition.district_id)
        if not self.streets:
            del self.fields["address"].widget.attrs["list"]
        if revising:
            self.add_note_field()

    def plan_fields(self) -> dict[str, Any]:
        names = ("neighbourhood", "address", "for_whom")
        return {name: self.cleaned_data[name] for name in names}


class AmountField(EuroField):
    """A cost line's amount: a negative one gets the plan's own message rather than "not an amount"."""

    def to_python(self, value: Any) -> int | None:
        if isinstance(value, str) and value.strip().startswith(("-", "−")):
            raise forms.ValidationError(PlanError("non_positive_amount").message, code="non_positive")
        return super().to_python(value)


class CostLineForm(forms.Form):
    description = forms.CharField(label=_("What for"), max_length=200, required=False)
    amount = AmountField(label=_("Amount in euros"), required=False)

    def line(self) -> CostLineInput | None:
        """The typed line, or None for a row left empty (which removes it)."""
        description = (self.cleaned_data.get("description") or "").strip()
        amount = self.cleaned_data.get("amount")
        if not description and amount is None:
            return None
        return CostLineInput(description=description, amount_cents=amount)


class BaseCostLineFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    def lines(self) -> list[CostLineInput]:
        return [line for form in self.forms if (line := form.line()) is not None]


CostLineFormSet = forms.formset_factory(
    CostLineForm,
    formset=BaseCostLineFormSet,
    extra=0,
    max_num=MAX_COST_LINES,
    validate_max=True,
    absolute_max=MAX_COST_LINES,
)


def cost_line_formset(
    data: Mapping[str, Any] | None = None, *, initial: list[dict[str, Any]] | None = None
) -> BaseCostLineFormSet:
    return cast(BaseCostLineFormSet, CostLineFormSet(data, initial=initial))


def cost_lines_plus_one(data: QueryDict) -> tuple[BaseCostLineFormSet, int]:
    """Without JavaScript, "add a line": the rows typed so far plus an empty one; nothing is saved.

    The formset is validated at once, so rows typed so far show their mistakes; the number is the
    new row's index (where the focus goes).
    """
    data = data.copy()
    total = int(data.get("form-TOTAL_FORMS") or 0)
    data["form-TOTAL_FORMS"] = str(min(total + 1, CostLineFormSet.max_num))
    formset = cost_line_formset(data)
    formset.errors  # noqa: B018 -- validates now
    return formset, total


def typed_total(formset: BaseCostLineFormSet) -> int:
    """The sum of the amounts typed so far that could be read."""
    return sum(form.cleaned_data.get("amount") or 0 for form in formset.forms if form.is_valid())


class CostNoteForm(forms.Form):
    """The costs step's note: when a submitted plan is edited, what changed and why."""

    def __init__(self, *args: Any, revising: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if revising:
            self.fields["note"] = forms.CharField(
                label=_("What did you change, and why?"), required=False, max_length=300
            )


def cost_line_initial(plan: Plan) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = [
        {"description": line.description, "amount": line.amount_cents} for line in plan.cost_lines.all()
    ]
    return lines or [{}]


class ImageForm(forms.Form):
    image = forms.FileField(
        label=_("Image"),
        error_messages={"required": _("Choose an image to upload.")},
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("A JPEG, PNG or WebP picture; we make it smaller and remove location data."),
    )
    alt_text = forms.CharField(
        label=_("What does the image show?"),
        max_length=200,
        help_text=_(
            "For people who cannot see the image, for example “The empty square, seen from the school”."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["alt_text"].error_messages["required"] = PlanError("image_needs_description").message


class PeopleForm(RevisionNoteMixin):
    public_name = forms.CharField(
        label=_("Name shown with the plan"),
        max_length=80,
        help_text=_(
            "Your first name, full name or the name of your group. Your e-mail address is never shown."
        ),
    )

    def __init__(self, *args: Any, revising: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if revising:
            self.add_note_field()

    def plan_fields(self) -> dict[str, Any]:
        return {"public_name": self.cleaned_data["public_name"]}


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of a co-initiator"),
        help_text=_("They get an e-mail with a link to accept or decline."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class SubmitForm(forms.Form):
    age_confirmed = forms.BooleanField()

    def __init__(self, *args: Any, edition: Edition, resubmitting: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["age_confirmed"]
        field.label = _("I am %(age)s or older") % {"age": edition.min_age}
        field.error_messages["required"] = PlanError("too_young", min_age=edition.min_age).message
        # Sending a plan back to the reviewers asks nothing new; the age was confirmed at submission.
        field.required = not resubmitting
