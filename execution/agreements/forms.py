"""The forms of the agreement pages: a version's milestones and payments as rows, its reasons, and
the district's set-up of a project. Rows left empty are ignored; without JavaScript, "more rows"
posts the rows typed so far and adds empty ones."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import User
from ui.fields import DayInput, EuroField

from ..access import district_officials
from ..models import DeliveryMode, PaymentKind, Project, ProjectLine
from .selectors import Version
from .terms import MilestoneTerm, PaymentTerm

EXTRA_ROWS = 3
MAX_ROWS = 40
DATE = DayInput()


class MilestoneForm(forms.Form):
    key = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(
        label=pgettext_lazy("agreement", "What will be done"), max_length=200, required=False
    )
    planned_on = forms.DateField(
        label=pgettext_lazy("agreement", "Planned date"), required=False, widget=DATE
    )
    amount = EuroField(label=pgettext_lazy("agreement", "Money tied to it, in euros"), required=False)
    line = forms.TypedChoiceField(
        label=pgettext_lazy("agreement", "Cost line"), required=False, coerce=int, empty_value=None
    )

    def is_empty(self) -> bool:
        data = self.cleaned_data
        return (
            not (data.get("title") or "").strip()
            and not data.get("planned_on")
            and data.get("amount") is None
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.is_empty() and not data.get("planned_on") and "planned_on" not in self.errors:
            self.add_error("planned_on", pgettext_lazy("agreement", "Give the planned date."))
        return data


class PaymentForm(forms.Form):
    kind = forms.ChoiceField(
        label=pgettext_lazy("agreement", "Kind"), required=False, choices=[("", "—"), *PaymentKind.choices]
    )
    line = forms.TypedChoiceField(
        label=pgettext_lazy("agreement", "Cost line"), required=False, coerce=int, empty_value=None
    )
    amount = EuroField(label=pgettext_lazy("agreement", "Amount in euros"), required=False)
    milestone = forms.TypedChoiceField(
        label=pgettext_lazy("agreement", "Paid on milestone"), required=False, coerce=int, empty_value=None
    )
    due_on = forms.DateField(label=pgettext_lazy("agreement", "Due on"), required=False, widget=DATE)

    def is_empty(self) -> bool:
        data = self.cleaned_data
        return not data.get("kind") and data.get("amount") is None and not data.get("due_on")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.is_empty():
            return data
        for name, message in (
            ("kind", pgettext_lazy("agreement", "Choose the kind.")),
            ("line", pgettext_lazy("agreement", "Choose the cost line.")),
        ):
            if not data.get(name) and name not in self.errors:
                self.add_error(name, message)
        if data.get("amount") is None and "amount" not in self.errors:
            self.add_error("amount", pgettext_lazy("agreement", "Give the amount."))
        return data


class ReasonsForm(forms.Form):
    conditions = forms.CharField(
        label=pgettext_lazy("agreement", "Conditions"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    change_reason = forms.CharField(
        label=pgettext_lazy("agreement", "What changes and why"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=pgettext_lazy("agreement", "Published with the new version."),
    )


class AcceptForm(forms.Form):
    acceptance_reason = forms.CharField(
        label=pgettext_lazy("agreement", "Why you accept this change"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=pgettext_lazy("agreement", "Published with the new version."),
    )


class DeclineForm(forms.Form):
    decline_reason = forms.CharField(
        label=pgettext_lazy("agreement", "Why you decline this version"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=pgettext_lazy("agreement", "The other side reads it and can propose a new version."),
    )


MilestoneFormSet = forms.formset_factory(MilestoneForm, extra=0, max_num=MAX_ROWS, absolute_max=MAX_ROWS)
PaymentFormSet = forms.formset_factory(PaymentForm, extra=0, max_num=MAX_ROWS, absolute_max=MAX_ROWS)


@dataclass
class ProposalForms:
    """The three parts of a proposal, posted together."""

    project: Project
    milestones: forms.BaseFormSet  # type: ignore[type-arg]
    payments: forms.BaseFormSet  # type: ignore[type-arg]
    reasons: ReasonsForm

    @classmethod
    def of(
        cls, project: Project, *, data: Mapping[str, Any] | None = None, start: Version | None = None
    ) -> ProposalForms:
        """Bound to ``data`` (with more empty rows when asked), else starting from ``start``."""
        if data is not None and "more_rows" in data:
            data = _with_more_rows(data)
        milestones = MilestoneFormSet(data, prefix="milestone", initial=_milestone_rows(start))
        payments = PaymentFormSet(data, prefix="payment", initial=_payment_rows(start))
        if data is None:
            milestones.extra = payments.extra = EXTRA_ROWS
        lines = [("", "—"), *ProjectLine.objects.filter(project=project).values_list("pk", "description")]
        for row in milestones:
            cast(forms.ChoiceField, row.fields["line"]).choices = lines
        rows = [
            ("", "—"),
            *(
                (i, pgettext_lazy("agreement", "Milestone %(number)s") % {"number": i + 1})
                for i in range(len(milestones))
            ),
        ]
        for payment in payments:
            cast(forms.ChoiceField, payment.fields["line"]).choices = lines
            cast(forms.ChoiceField, payment.fields["milestone"]).choices = rows
        reasons = ReasonsForm(data, initial={"conditions": start.agreement.conditions if start else ""})
        return cls(project, milestones, payments, reasons)

    def is_valid(self) -> bool:
        return all([self.milestones.is_valid(), self.payments.is_valid(), self.reasons.is_valid()])

    def terms(self) -> tuple[list[MilestoneTerm], list[PaymentTerm]]:
        """The typed rows as terms; a payment's milestone row becomes its place among the kept rows."""
        position: dict[int, int] = {}
        milestones: list[MilestoneTerm] = []
        for index, form in enumerate(self.milestones):
            if form.is_empty():
                continue
            data = form.cleaned_data
            position[index] = len(milestones)
            milestones.append(
                MilestoneTerm(
                    title=data["title"] or "",
                    planned_on=data["planned_on"],
                    amount_cents=data["amount"] or 0,
                    line_id=data["line"],
                    key=data["key"],
                )
            )
        payments = [
            PaymentTerm(
                kind=form.cleaned_data["kind"],
                line_id=form.cleaned_data["line"],
                amount_cents=form.cleaned_data["amount"],
                milestone=_position(form.cleaned_data["milestone"], position),
                due_on=form.cleaned_data["due_on"],
            )
            for form in self.payments
            if not form.is_empty()
        ]
        return milestones, payments

    @property
    def has_errors(self) -> bool:
        return bool(
            self.milestones.total_error_count() or self.payments.total_error_count() or self.reasons.errors
        )


def _position(row: int | None, position: dict[int, int]) -> int | None:
    """The milestone's place in the proposal; an empty row's gives -1, which the service refuses."""
    if row is None:
        return None
    return position.get(row, -1)


def _with_more_rows(data: Mapping[str, Any]) -> Mapping[str, Any]:
    copied = cast(Any, data).copy()
    for prefix in ("milestone", "payment"):
        total = int(copied.get(f"{prefix}-TOTAL_FORMS") or 0)
        copied[f"{prefix}-TOTAL_FORMS"] = str(min(total + EXTRA_ROWS, MAX_ROWS))
    return cast(Mapping[str, Any], copied)


def _milestone_rows(start: Version | None) -> list[dict[str, Any]]:
    if start is None:
        return []
    terms = start.agreement.terms
    return [
        {
            "key": m["key"],
            "title": m["title"],
            "planned_on": m["planned_on"],
            "amount": m["amount_cents"] or None,
            "line": m["line"],
        }
        for m in terms["milestones"]
    ]


def _payment_rows(start: Version | None) -> list[dict[str, Any]]:
    if start is None:
        return []
    terms = start.agreement.terms
    rows = {m["key"]: index for index, m in enumerate(terms["milestones"])}
    return [
        {
            "kind": p["kind"],
            "line": p["line"],
            "amount": p["amount_cents"],
            "milestone": rows.get(p["milestone"]) if p["milestone"] is not None else None,
            "due_on": p["due_on"],
        }
        for p in terms["payments"]
    ]


class SetUpForm(forms.Form):
    """The district's choices for a project: contact person, grant recipient, delivery per line."""

    contact = forms.ModelChoiceField(
        label=pgettext_lazy("agreement", "District contact person"),
        queryset=User.objects.none(),
        required=False,
    )
    grantee = forms.CharField(
        label=pgettext_lazy("agreement", "Grant recipient"),
        max_length=200,
        required=False,
        help_text=_("The association or foundation that receives the grant; empty: the initiators."),
    )

    def __init__(self, project: Project, data: Mapping[str, Any] | None = None) -> None:
        initial: dict[str, Any] = {"contact": project.contact_id, "grantee": project.grantee}
        self.lines = list(ProjectLine.objects.filter(project=project).order_by("position", "pk"))
        initial.update({f"line_{line.pk}": line.delivery for line in self.lines})
        super().__init__(data, initial=initial)
        cast("forms.ModelChoiceField[User]", self.fields["contact"]).queryset = district_officials(project)
        for line in self.lines:
            self.fields[f"line_{line.pk}"] = forms.ChoiceField(
                label=_("“%(line)s” is carried out as") % {"line": line.description},
                choices=DeliveryMode.choices,
                widget=forms.RadioSelect,
            )

    def delivery(self) -> dict[int, DeliveryMode]:
        return {line.pk: DeliveryMode(self.cleaned_data[f"line_{line.pk}"]) for line in self.lines}
