"""The follow and unfollow buttons' form: nothing but where to go back to afterwards."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


class FollowForm(forms.Form):
    """A follow button posts only ``next`` (a path on this site) and its CSRF token: nothing about
    who the person is beyond their logged-in account, and nothing of a vote."""

    next = forms.CharField(required=False, max_length=500)

    def next_url(self, request: HttpRequest, default: str) -> str:
        """``next`` when it is a path on this site, else ``default``."""
        target = self.cleaned_data.get("next", "") if self.is_valid() else ""
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return target
        return default
