"""The form of a lesson: finding, the figure that shows it, the recommendation, and its adoption."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from editions.models import Edition

from ..models import AdoptableSetting, Lesson
from ..report.figures import ANCHORS
from .selectors import later_editions
from .services import LessonText


class LessonForm(forms.Form):
    finding = forms.CharField(
        label=_("What was found"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    evidence = forms.ChoiceField(label=_("The figure that shows it"), required=False)
    evidence_note = forms.CharField(label=_("What the figure shows"), max_length=300, required=False)
    recommendation = forms.CharField(
        label=_("What the next edition should do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    adopted_in = forms.ModelChoiceField(
        label=_("Adopted in"),
        queryset=Edition.objects.none(),
        required=False,
        empty_label=_("Not (yet) adopted"),
    )
    adopted_setting = forms.ChoiceField(
        label=_("Setting it changed"), choices=AdoptableSetting.choices, required=False
    )
    adopted_note = forms.CharField(label=_("How it was adopted"), max_length=300, required=False)

    def __init__(self, *args: Any, edition: Edition, lesson: Lesson | None = None, **kwargs: Any) -> None:
        if lesson is not None and not args and "initial" not in kwargs:
            kwargs["initial"] = {
                "finding": lesson.finding,
                "evidence": lesson.evidence,
                "evidence_note": lesson.evidence_note,
                "recommendation": lesson.recommendation,
                "adopted_in": lesson.adopted_in_id,
                "adopted_setting": lesson.adopted_setting,
                "adopted_note": lesson.adopted_note,
            }
        super().__init__(*args, **kwargs)
        anchors = [(key, str(title)) for key, title in ANCHORS.items()]
        self.fields["evidence"].choices = [("", _("No figure")), *anchors]  # type: ignore[attr-defined]
        self.fields["adopted_in"].queryset = later_editions(edition)  # type: ignore[attr-defined]

    def text(self) -> LessonText:
        data = self.cleaned_data
        return LessonText(
            finding=data["finding"],
            recommendation=data["recommendation"],
            evidence=data["evidence"] or "",
            evidence_note=data["evidence_note"],
            adopted_in=data["adopted_in"],
            adopted_setting=data["adopted_setting"] or "",
            adopted_note=data["adopted_note"],
        )
