"""Render form fields as NL Design System form fields, with errors tied to their input."""

from __future__ import annotations

from django import forms, template
from django.forms.boundfield import BoundField
from django.forms.widgets import Input
from django.utils.safestring import SafeString

register = template.Library()

_WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.RadioSelect, ""),
    (forms.CheckboxSelectMultiple, ""),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (Input, "utrecht-textbox utrecht-textbox--html-input"),
]


@register.simple_tag
def field_widget(field: BoundField) -> SafeString:
    """The field's input with the design system's classes and ARIA links to its help and error."""
    widget = field.field.widget
    classes = next((css for kind, css in _WIDGET_CLASSES if isinstance(widget, kind)), "")
    attrs: dict[str, str | bool] = {}
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_help")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
        if classes:
            classes += " " + classes.split()[0] + "--invalid"
    if classes:
        existing = str(widget.attrs.get("class", ""))
        attrs["class"] = f"{existing} {classes}".strip()
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.field.required and not isinstance(widget, forms.CheckboxInput):
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)
