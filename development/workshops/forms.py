"""Forms of plan workshops: the district's announcement (or change) and recording attendance."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.languages import own_name
from ui.fields import DayInput

from ..models import Workshop
from .services import MAX_DESCRIPTION, MAX_PLACE, MAX_TITLE, WorkshopDetails


class TimeInput(forms.TimeInput):
    """A browser time picker: ``<input type="time">`` holds 24-hour "HH:MM" whatever the language."""

    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%H:%M")


class WorkshopForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)
    description = forms.CharField(
        label=_("What happens"),
        max_length=MAX_DESCRIPTION,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who it is for and what people take home."),
    )
    day = forms.DateField(label=_("Date"), widget=DayInput(), input_formats=["%Y-%m-%d", "%d-%m-%Y"])
    starts = forms.TimeField(label=_("Start time"), widget=TimeInput(), input_formats=["%H:%M"])
    ends = forms.TimeField(label=_("End time"), widget=TimeInput(), input_formats=["%H:%M"])
    place = forms.CharField(label=_("Place"), max_length=MAX_PLACE)
    language = forms.ChoiceField(label=_("Language"), help_text=_("The language the workshop is held in."))
    capacity = forms.IntegerField(label=_("Number of places"), help_text=_("How many people can come."))

    def __init__(self, *args: Any, workshop: Workshop | None = None, **kwargs: Any) -> None:
        if workshop is not None:
            starts, ends = timezone.localtime(workshop.starts_at), timezone.localtime(workshop.ends_at)
            kwargs.setdefault(
                "initial",
                {
                    "title": workshop.title,
                    "description": workshop.description,
                    "day": starts.date(),
                    "starts": starts.time(),
                    "ends": ends.time(),
                    "place": workshop.place,
                    "language": workshop.language,
                    "capacity": workshop.capacity,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, own_name(code)) for code, _name in settings.LANGUAGES]  # type: ignore[attr-defined]

    def details(self) -> WorkshopDetails:
        data = self.cleaned_data
        return WorkshopDetails(
            title=data["title"],
            description=data["description"],
            starts_at=_moment(data["day"], data["starts"]),
            ends_at=_moment(data["day"], data["ends"]),
            place=data["place"],
            language=data["language"],
            capacity=data["capacity"],
        )


def _moment(day: Any, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


class AttendanceForm(forms.Form):
    attended = forms.TypedChoiceField(
        choices=[("yes", _("Came")), ("no", _("Did not come"))], coerce=lambda value: value == "yes"
    )
