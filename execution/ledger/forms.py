"""Forms of the money ledger: a payment, a district decision, an expense with its receipt, the import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach.forms import CsvUploadForm
from ui.fields import DayInput, EuroField

from ..models import LedgerDecisionKind, Project, ProjectLine, ScheduledPayment


class LineChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.description)


def _lines(project: Project) -> Any:
    return ProjectLine.objects.filter(project=project).order_by("position", "pk")


class PaymentForm(forms.Form):
    prefix = "payment"
    line = LineChoiceField(label=_("Cost line"), queryset=ProjectLine.objects.none())
    amount = EuroField(label=_("Amount in euros"), min_cents=1)
    paid_on = forms.DateField(label=_("Paid on"), widget=DayInput)
    reference = forms.CharField(
        label=_("Reference"),
        max_length=60,
        help_text=_("The payment or invoice number in the finance system."),
    )
    scheduled = forms.ModelChoiceField(
        label=_("Settles the scheduled payment"), queryset=ScheduledPayment.objects.none(), required=False
    )

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"paid_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = _lines(project)  # type: ignore[attr-defined]
        self.fields["scheduled"].queryset = ScheduledPayment.objects.filter(  # type: ignore[attr-defined]
            project=project, dropped_at__isnull=True, payments__isnull=True
        )


class DecisionForm(forms.Form):
    """One form for the three decisions; which lines it asks for depends on ``kind``."""

    from_line = LineChoiceField(label=_("From the cost line"), queryset=ProjectLine.objects.none())
    to_line = LineChoiceField(label=_("To the cost line"), queryset=ProjectLine.objects.none())
    amount = EuroField(label=_("Amount in euros"), min_cents=1)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Published with the decision."),
    )

    def __init__(self, *args: Any, project: Project, kind: LedgerDecisionKind, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", str(kind))
        super().__init__(*args, **kwargs)
        self.kind = kind
        for name in ("from_line", "to_line"):
            self.fields[name].queryset = _lines(project)  # type: ignore[attr-defined]
        if kind == LedgerDecisionKind.TOP_UP:
            del self.fields["from_line"]
            self.fields["to_line"].label = _("Cost line")
        elif kind == LedgerDecisionKind.RETURN:
            del self.fields["to_line"]
            self.fields["from_line"].label = _("Cost line")


class ExpenseForm(forms.Form):
    line = LineChoiceField(label=_("Cost line"), queryset=ProjectLine.objects.none())
    amount = EuroField(label=_("Amount in euros"), min_cents=1)
    spent_on = forms.DateField(label=_("Date of the receipt"), widget=DayInput)
    description = forms.CharField(label=_("What was bought"), max_length=200)
    receipt = forms.FileField(
        label=_("Receipt"),
        help_text=_(
            "Take a photo of the receipt, or choose a photo or PDF. Only you and the district see it."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/*,application/pdf", "capture": "environment"}
        ),
    )

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"spent_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = _lines(project)  # type: ignore[attr-defined]


class PaymentImportForm(CsvUploadForm):
    file = forms.FileField(
        label=_("Payments from the finance system (CSV)"),
        help_text=_(
            "Columns: projectnummer, kostenpost (its number or description), bedrag, datum and kenmerk; "
            "separated by commas or semicolons."
        ),
    )
