"""The "your part" form: the plans a voter says they voted for (checkboxes, one field over all sections)."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.utils.translation import gettext_lazy as _


class YourPartForm(forms.Form):
    plan = forms.TypedMultipleChoiceField(
        coerce=int,
        error_messages={
            "required": _("Tick at least one plan you voted for."),
            "invalid_choice": _("Tick only plans of this result."),
        },
    )

    def __init__(self, *args: object, plans: Iterable[tuple[int, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["plan"].choices = [(str(pk), title) for pk, title in plans]  # type: ignore[attr-defined]

    @property
    def chosen(self) -> set[int]:
        """The ticked plan ids once the form is valid (else nothing)."""
        return set(self.cleaned_data.get("plan", [])) if self.is_valid() else set()
