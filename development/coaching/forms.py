"""Forms of coaching: naming a partner, adding its coach, assigning a coach, a log entry, a step."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import User

from ..models import CoachingNote, CoachStep, Partner, PermitNeed
from .errors import CoachingError
from .services.log import NOTE_LENGTH, STEP_NOTE_LENGTH
from .services.partners import DESCRIPTION_LENGTH, NAME_LENGTH

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"]


def _message(code: str) -> dict[str, Any]:
    """The service's own message for an empty value: the form and the service say the same."""
    return {"required": CoachingError.messages[code]}


class PartnerForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=NAME_LENGTH,
        error_messages=_message("empty_partner_name"),
    )
    description = forms.CharField(
        label=_("What they do"),
        max_length=DESCRIPTION_LENGTH,
        required=False,
        help_text=_("For example: a community centre that helps residents write plans."),
    )


class PartnerCoachForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the coach"),
        help_text=_("The person needs an account on this site."),
        error_messages={"required": _("Give the e-mail address of the coach.")},
    )


class AssignForm(forms.Form):
    """A coach for one idea or draft plan: a choice among the district's possible coaches."""

    coach = forms.TypedChoiceField(
        label=pgettext_lazy("coaching", "Coach"),
        coerce=int,
        error_messages={"required": _("Choose a coach.")},
    )

    def __init__(self, *args: Any, candidates: list[tuple[User, Partner | None]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        district_staff = _("district staff")
        self.fields["coach"].choices = [  # type: ignore[attr-defined]
            ("", _("Choose a coach")),
            *(
                (user.pk, f"{user.display_name} ({partner.name if partner else district_staff})")
                for user, partner in candidates
            ),
        ]


class NoteForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of entry"), choices=CoachingNote.Kind.choices, initial=CoachingNote.Kind.NOTE
    )
    body = forms.CharField(
        label=_("Text of the entry"),
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=_message("empty_note"),
        help_text=_("Only the coach, the initiators and the district's staff can read the log."),
    )
    happens_at = forms.DateTimeField(
        label=_("Date and time of the appointment"),
        required=False,
        widget=DATETIME_WIDGET,
        input_formats=DATETIME_FORMATS,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["happens_at"].required_when = _("for an appointment")  # type: ignore[attr-defined]

    def clean_happens_at(self) -> datetime | None:
        moment: datetime | None = self.cleaned_data.get("happens_at")
        if moment is not None and timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment


class StepForm(forms.Form):
    step = forms.ChoiceField(label=_("Step"), choices=CoachStep.choices)
    permit = forms.ChoiceField(
        label=_("Is a permit needed?"),
        choices=[("", _("Choose an answer")), *PermitNeed.choices],
        required=False,
    )
    note = forms.CharField(label=_("Note"), max_length=STEP_NOTE_LENGTH, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["permit"].required_when = _("for the permit step")  # type: ignore[attr-defined]
