"""The plan list's filter form (GET): invalid values are reported and ignored, never a 500."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from places.models import Neighbourhood
from proposals.models import PRIVATE_STATUSES, PlanStatus
from proposals.selectors import DEFAULT_SORT, PlanFilter, theme_choices

SORT_CHOICES = [
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
    ("title", _("Title (A–Z)")),
    ("cost_asc", _("Cost (low to high)")),
    ("cost_desc", _("Cost (high to low)")),
]


SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


class SlugChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice by slug that looks up only what can be a slug: junk (a NUL byte, which PostgreSQL
    refuses in text) is an invalid choice, never a database error."""

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not SLUG.fullmatch(str(value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class PlanFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    edition = SlugChoiceField(
        label=_("Edition"),
        queryset=Edition.objects.filter(is_published=True).select_related("district"),
        to_field_name="slug",
        required=False,
        empty_label=_("All editions"),
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.none(),
        required=False,
        empty_label=_("All neighbourhoods"),
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses"))]
        + [(value, label) for value, label in PlanStatus.choices if value not in PRIVATE_STATUSES],
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args: Any, edition: Edition | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fixed_edition = edition
        if edition is not None:
            del self.fields["edition"]
        selected = edition or self._selected_edition()
        neighbourhoods = Neighbourhood.objects.select_related("district").order_by("district__name", "name")
        if selected is not None:
            neighbourhoods = neighbourhoods.filter(district_id=selected.district_id)
        self.fields["neighbourhood"].queryset = neighbourhoods  # type: ignore[attr-defined]
        self.fields["theme"].choices = [("", _("All themes")), *theme_choices(selected)]  # type: ignore[attr-defined]

    def _selected_edition(self) -> Edition | None:
        slug = self.data.get("edition") if self.is_bound else None
        return Edition.objects.filter(slug=slug).first() if slug and SLUG.fullmatch(slug) else None

    def to_filter(self) -> PlanFilter:
        """The filter to apply: valid fields only, so a bad value narrows nothing."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        return PlanFilter(
            edition=self.fixed_edition or data.get("edition"),
            neighbourhood=data.get("neighbourhood"),
            theme_slug=data.get("theme") or "",
            status=data.get("status") or "",
            query=(data.get("q") or "").strip(),
            sort=data.get("sort") or DEFAULT_SORT,
        )
