"""Form fields render with their errors and help tied to the input for screen readers."""

from __future__ import annotations

from django import forms
from django.template.loader import render_to_string


class ExampleForm(forms.Form):
    email = forms.EmailField(label="E-mail", help_text="We never show it.")
    nickname = forms.CharField(label="Nickname", required=False)


def test_an_invalid_field_points_at_its_error_and_help() -> None:
    form = ExampleForm(data={"email": "not-an-address"})
    assert not form.is_valid()
    html = render_to_string("ui/form_field.html", {"field": form["email"]})
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_help id_email_error"' in html
    assert 'id="id_email_error"' in html and 'id="id_email_help"' in html
    assert 'value="not-an-address"' in html
    assert 'for="id_email"' in html
    assert "utrecht-textbox--invalid" in html


def test_a_valid_optional_field_is_marked_optional_and_not_invalid() -> None:
    form = ExampleForm(data={"email": "a@example.org"})
    assert form.is_valid()
    html = render_to_string("ui/form_field.html", {"field": form["nickname"]})
    assert "aria-invalid" not in html and "aria-required" not in html
    assert "optional" in html
