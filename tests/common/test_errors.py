"""Service errors: a code, parameters and a message translated in the active language."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError


class SampleError(ServiceError):
    messages = {"too_many": _("A plan can have at most %(limit)s images."), "plain": _("Dutch")}


def test_message_is_built_from_code_and_parameters() -> None:
    error = SampleError("too_many", limit=6)
    assert error.code == "too_many"
    assert error.params == {"limit": 6}
    with translation.override("en"):
        assert error.message == "A plan can have at most 6 images."
        assert str(error) == error.message


def test_message_follows_the_active_language() -> None:
    with translation.override("nl"):
        assert SampleError("plain").message == "Nederlands"


def test_an_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        SampleError("no_such_code")
