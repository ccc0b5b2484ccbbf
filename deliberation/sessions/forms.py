"""Forms of the work-session pages: details, attendance, minutes, presenters, questions and answers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.translated.forms import TranslationsFormMixin

from ..models import WorkSession
from .errors import SessionError

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"]


def _required(code: str, *, key: str = "required") -> dict[str, Any]:
    """The service's own message for an empty (or impossible) value: the form and the service say the same."""
    return {key: SessionError.messages[code]}


def _aware(moment: datetime) -> datetime:
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


class SessionForm(TranslationsFormMixin, forms.Form):
    """Title, start, end, place and agenda (title and agenda also in other languages); the service
    refuses empty texts and an end before the start."""

    translations_model = WorkSession

    title = forms.CharField(label=_("Title"), max_length=120, error_messages=_required("title_required"))
    starts_at = forms.DateTimeField(
        label=_("Starts at"),
        widget=DATETIME_WIDGET,
        input_formats=DATETIME_FORMATS,
        error_messages={"required": _("Give the date and time the session starts.")},
    )
    ends_at = forms.DateTimeField(
        label=_("Ends at"),
        widget=DATETIME_WIDGET,
        input_formats=DATETIME_FORMATS,
        error_messages={"required": _("Give the date and time the session ends.")},
    )
    place = forms.CharField(label=_("Place"), max_length=200, error_messages=_required("place_required"))
    agenda = forms.CharField(
        label=_("Agenda"),
        error_messages=_required("agenda_required"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One item per line. Public from the start, like the date and place."),
    )

    def __init__(self, *args: Any, session: WorkSession | None = None, **kwargs: Any) -> None:
        if session is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": session.title,
                    "starts_at": timezone.localtime(session.starts_at),
                    "ends_at": timezone.localtime(session.ends_at),
                    "place": session.place,
                    "agenda": session.agenda,
                    "translations": session.translations,
                },
            )
        super().__init__(*args, **kwargs)

    def clean_starts_at(self) -> datetime:
        return _aware(self.cleaned_data["starts_at"])

    def clean_ends_at(self) -> datetime:
        return _aware(self.cleaned_data["ends_at"])

    def details(self) -> dict[str, Any]:
        names = ("title", "starts_at", "ends_at", "place", "agenda")
        return {
            **{name: self.cleaned_data[name] for name in names},
            "translations": self.cleaned_translations(),
        }


class AttendanceForm(forms.Form):
    present = forms.TypedMultipleChoiceField(
        label=_("Present"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_required("not_on_panel", key="invalid_choice"),
    )

    def __init__(self, *args: Any, members: Sequence[tuple[int, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = list(members)  # type: ignore[attr-defined]


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        error_messages=_required("minutes_required"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Published with the panel's decision, without the members' names."),
    )


class InviteForm(forms.Form):
    plan = forms.TypedChoiceField(
        label=_("Plan"),
        coerce=int,
        error_messages={"required": _("Choose the plan whose initiators you invite.")},
    )

    def __init__(self, *args: Any, plans: Sequence[tuple[int, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].choices = [("", _("Choose a plan")), *plans]  # type: ignore[attr-defined]


class QuestionForm(forms.Form):
    question = forms.CharField(
        label=_("The panel's question"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_required("question_required"),
    )
    plan = forms.TypedChoiceField(label=_("About the plan"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args: Any, plans: Sequence[tuple[int, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].choices = [("", _("No particular plan")), *plans]  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=_required("answer_required"),
    )
