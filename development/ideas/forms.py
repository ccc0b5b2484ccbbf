"""Input of the idea pages: the idea, the list's filters, joining, comments, reasons and drafting."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from editions.models import Edition, Theme
from places.models import Neighbourhood

from ..models import IdeaMemberRole, IdeaNeed, Workshop
from .services.posting import IdeaInput


class IdeaForm(forms.Form):
    """The idea; the service checks it against the edition (area, workshops) and gives the refusal."""

    title = forms.CharField(label=_("Title"), max_length=120)
    text = forms.CharField(
        label=_("Your idea in a few sentences"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What would you like to do, where, and for whom?"),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.none(),
        empty_label=_("Choose a neighbourhood"),
    )
    needs = forms.MultipleChoiceField(
        label=_("What help do you need?"),
        choices=IdeaNeed.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    needs_note = forms.CharField(label=_("What help, in your own words"), max_length=300, required=False)
    public_name = forms.CharField(
        label=_("Name shown with the idea"),
        max_length=80,
        required=False,
        help_text=_("Leave it empty to use the name of your account. Your e-mail address is never shown."),
    )
    workshop = forms.ModelChoiceField(
        label=_("Did the idea come from a plan workshop?"),
        queryset=Workshop.objects.none(),
        required=False,
        empty_label=_("No"),
    )

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(  # type: ignore[attr-defined]
            district_id=edition.district_id
        ).order_by("name")
        workshops = Workshop.objects.filter(edition=edition, cancelled_at__isnull=True)
        if workshops.exists():
            self.fields["workshop"].queryset = workshops  # type: ignore[attr-defined]
        else:
            del self.fields["workshop"]

    def idea_input(self) -> IdeaInput:
        data = self.cleaned_data
        return IdeaInput(
            title=data["title"],
            text=data["text"],
            neighbourhood=data["neighbourhood"],
            needs=data.get("needs") or [],
            needs_note=data.get("needs_note", ""),
            public_name=data.get("public_name", ""),
            workshop=data.get("workshop"),
        )


class IdeaFilterForm(forms.Form):
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.none(),
        required=False,
        empty_label=_("All neighbourhoods"),
    )
    need = forms.ChoiceField(
        label=_("Help needed"), required=False, choices=[("", _("Any help")), *IdeaNeed.choices]
    )

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(  # type: ignore[attr-defined]
            district_id=edition.district_id
        ).order_by("name")

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        return {"neighbourhood": self.cleaned_data["neighbourhood"], "need": self.cleaned_data["need"]}


class JoinForm(forms.Form):
    role = forms.ChoiceField(
        label=_("I would like to join as"), choices=IdeaMemberRole.choices, widget=forms.RadioSelect
    )
    offer = forms.CharField(
        label=_("What I offer"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: two hours a week, a van, experience with permits."),
    )
    public_name = forms.CharField(
        label=_("Name shown with the idea"),
        max_length=80,
        required=False,
        help_text=_("Leave it empty to use the name of your account. Your e-mail address is never shown."),
    )


class IdeaCommentForm(forms.Form):
    body = forms.CharField(required=False, max_length=2000)


class ReasonForm(forms.Form):
    reason = forms.CharField(required=False, max_length=300)


class DraftForm(forms.Form):
    """The one click that makes a plan; the theme only when the edition has several."""

    theme = forms.ModelChoiceField(queryset=Theme.objects.none(), required=False)

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(edition=edition)  # type: ignore[attr-defined]
