"""Input of the pre-check pages: the initiator's question, the reviewer's answer per criterion."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import CheckOutcome, ReviewCriterion
from .services import MAX_NOTE_LENGTH, MAX_QUESTION_LENGTH, MAX_SUMMARY_LENGTH, NoteAnswer


class AskForm(forms.Form):
    question = forms.CharField(
        label=_("What would you like the district to look at?"),
        required=False,
        max_length=MAX_QUESTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: is this place allowed, are the costs realistic, who maintains it later?"),
    )


class AnswerForm(forms.Form):
    """A first impression and advice per criterion of the review's checklist, and the advice in short."""

    summary = forms.CharField(
        label=_("Your advice in short"),
        max_length=MAX_SUMMARY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The initiators read this first. No verdict: the review comes after they submit."),
        error_messages={"required": _("Write your advice in short: the initiators read this first.")},
    )

    def __init__(self, *args: Any, criteria: list[ReviewCriterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"outcome_{criterion.key}"] = forms.ChoiceField(
                label=criterion.label,
                choices=CheckOutcome.choices,
                widget=forms.RadioSelect,
                help_text=criterion.description,
                error_messages={
                    "required": _("Choose a first impression for “%(criterion)s”.")
                    % {"criterion": criterion.label}
                },
            )
            self.fields[f"note_{criterion.key}"] = forms.CharField(
                label=_("Advice on “%(criterion)s”") % {"criterion": criterion.label},
                required=False,
                max_length=MAX_NOTE_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        # The advice in short comes last, after the checklist.
        self.order_fields([*(f for f in self.fields if f != "summary"), "summary"])

    def rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"outcome_{c.key}"], self[f"note_{c.key}"]) for c in self.criteria]

    def notes(self) -> dict[str, NoteAnswer]:
        return {
            c.key: NoteAnswer(
                outcome=self.cleaned_data[f"outcome_{c.key}"], note=self.cleaned_data[f"note_{c.key}"]
            )
            for c in self.criteria
        }
