"""The cost step's lines with their typical costs, and the htmx attributes that refresh them as one types."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.urls import reverse

from editions.models import Edition

from .selectors import Suggestion, suggestions_for_lines


@dataclass(frozen=True)
class CostRow:
    form: forms.Form
    region_id: str  # the element (aria-live) the suggestions of this line are shown in
    description: str
    suggestions: list[Suggestion]


def cost_rows(forms_: list[forms.Form], *, edition: Edition) -> list[CostRow]:
    """Each line form with the suggestions for the description it holds (typed or saved).

    The description's input asks for new suggestions while one types (htmx, after a pause); without
    JavaScript they appear when the step is shown again (saved, a line added, or "Show typical costs").
    """
    url = reverse("proposals:cost_suggestions", kwargs={"slug": edition.slug})
    descriptions = [str(form["description"].value() or "").strip() for form in forms_]
    found = suggestions_for_lines(edition=edition, descriptions=descriptions)
    rows = []
    for index, (form, description, suggestions) in enumerate(zip(forms_, descriptions, found, strict=True)):
        region_id = f"cost-suggestions-{index}"
        form.fields["description"].widget.attrs.update(
            {
                "hx-get": url,
                "hx-trigger": "input changed delay:500ms",
                "hx-target": f"#{region_id}",
                "hx-swap": "innerHTML",
            }
        )
        rows.append(CostRow(form=form, region_id=region_id, description=description, suggestions=suggestions))
    return rows
