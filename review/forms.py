"""Input of the review pages: queue filters, checklist, verdict, change request, shortlist reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from places.models import Neighbourhood
from proposals.models import PRIVATE_STATUSES, PlanStatus
from ui.fields import EuroField

from .models import CheckOutcome, ReviewCriterion, Verdict
from .selectors import QueueFilter, ReviewPage
from .services import CheckAnswer

YES_NO = [("", _("All")), ("yes", _("Yes")), ("no", _("No"))]


def _yes_no(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses"))]
        + [(value, label) for value, label in PlanStatus.choices if value not in PRIVATE_STATUSES],
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.none(),
        required=False,
        empty_label=_("All neighbourhoods"),
    )
    verdict = forms.ChoiceField(label=_("Verdict recorded"), required=False, choices=YES_NO)
    likes = forms.ChoiceField(label=_("Enough likes"), required=False, choices=YES_NO)

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [  # type: ignore[attr-defined]
            ("", _("All themes")),
            *edition.themes.order_by("name").values_list("slug", "name"),
        ]
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(  # type: ignore[attr-defined]
            district_id=edition.district_id
        ).order_by("name")

    def to_filter(self) -> QueueFilter:
        """The filter to apply: valid fields only, so a bad value narrows nothing."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        return QueueFilter(
            status=data.get("status") or "",
            theme_slug=data.get("theme") or "",
            neighbourhood=data.get("neighbourhood"),
            verdict_recorded=_yes_no(data.get("verdict") or ""),
            likes_reached=_yes_no(data.get("likes") or ""),
        )


class ChecklistForm(forms.Form):
    """One outcome and note per criterion, and the internal remarks."""

    internal_remarks = forms.CharField(
        label=_("Internal remarks"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For reviewers only. Never shown to the public or the initiators."),
    )

    def __init__(self, *args: Any, criteria: list[ReviewCriterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"outcome_{criterion.key}"] = forms.ChoiceField(
                label=criterion.label,
                required=False,
                choices=[("", _("Not checked yet")), *CheckOutcome.choices],
                widget=forms.RadioSelect,
                help_text=criterion.description,
            )
            self.fields[f"note_{criterion.key}"] = forms.CharField(
                label=_("Note on “%(criterion)s” (public)") % {"criterion": criterion.label},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        # The remarks come last, after the checklist.
        self.order_fields([*(f for f in self.fields if f != "internal_remarks"), "internal_remarks"])

    def rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"outcome_{c.key}"], self[f"note_{c.key}"]) for c in self.criteria]

    def answers(self) -> dict[str, CheckAnswer]:
        """The criteria that have an outcome; a criterion left unchecked is not sent to the service."""
        return {
            c.key: CheckAnswer(
                outcome=self.cleaned_data[f"outcome_{c.key}"], note=self.cleaned_data[f"note_{c.key}"]
            )
            for c in self.criteria
            if self.cleaned_data[f"outcome_{c.key}"]
        }


class VerdictForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Verdict"), choices=Verdict.choices, widget=forms.RadioSelect)
    public_explanation = forms.CharField(
        label=_("Public explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Everyone can read it."),
    )
    public_explanation.required_when = _(  # type: ignore[attr-defined]
        "needed for “feasible after changes” and “not feasible”"
    )
    adjusted_cost_cents = EuroField(
        label=_("Adjusted cost"),
        required=False,
        min_cents=1,
        help_text=_("Only if the plan will cost a different amount than its cost lines add up to."),
    )
    cost_change_reason = forms.CharField(
        label=_("Reason for the cost change (public)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    cost_change_reason.required_when = _("needed when you change the cost")  # type: ignore[attr-defined]


class ChangeRequestForm(forms.Form):
    message = forms.CharField(
        label=_("What should the initiators change?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The initiators receive this by e-mail."),
    )
    deadline = forms.DateTimeField(
        label=_("Deadline"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        help_text=_("Within the review phase."),
    )

    def clean_deadline(self) -> datetime:
        deadline: datetime = self.cleaned_data["deadline"]
        return deadline if timezone.is_aware(deadline) else timezone.make_aware(deadline)


class ShortlistForm(forms.Form):
    reason = forms.CharField(
        label=_("Why this plan?"),
        required=False,  # the service refuses an empty reason with its own message
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Published with the shortlist."),
    )


@dataclass(frozen=True)
class ReviewForms:
    """The three forms of a plan's review page; only the one the posted ``action`` names is bound."""

    checklist: ChecklistForm
    verdict: VerdictForm
    changes: ChangeRequestForm

    @classmethod
    def of(cls, page: ReviewPage, *, posted: QueryDict | None, action: str) -> ReviewForms:
        review = page.review
        checklist = ChecklistForm(
            posted if action == "checks" else None,
            criteria=[row.criterion for row in page.checklist],
            initial={
                "internal_remarks": review.internal_remarks if review else "",
                **{f"outcome_{r.criterion.key}": r.check.outcome for r in page.checklist if r.check},
                **{f"note_{r.criterion.key}": r.check.note for r in page.checklist if r.check},
            },
        )
        verdict = VerdictForm(
            posted if action == "verdict" else None,
            initial={
                "verdict": review.verdict if review else "",
                "public_explanation": review.public_explanation if review else "",
                "adjusted_cost_cents": review.adjusted_cost_cents if review else None,
                "cost_change_reason": review.cost_change_reason if review else "",
            },
        )
        return cls(checklist, verdict, ChangeRequestForm(posted if action == "changes" else None))
