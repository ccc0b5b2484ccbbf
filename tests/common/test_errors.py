"""Service errors: a code, parameters and a message translated in the active language."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from common.errors import ServiceError
from deliberation.errors import PanelError
from deliberation.recruitment.errors import RecruitmentError
from proposals.errors import PlanError
from review.errors import ReviewError


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


@pytest.mark.parametrize(
    ("likes", "english", "dutch"),
    [
        (1, "This plan has 1 like; it needs 15 to go into review.", "Dit plan heeft steun van 1 persoon;"),
        (2, "This plan has 2 likes; it needs 15 to go into review.", "Dit plan heeft steun van 2 mensen;"),
    ],
)
def test_a_plural_message_takes_its_form_from_the_named_parameter(
    likes: int, english: str, dutch: str
) -> None:
    error = ReviewError("too_few_likes", likes=likes, needed=15)
    with translation.override("en"):
        assert error.message == english
    with translation.override("nl"):
        assert error.message.startswith(dutch)


def test_every_plural_message_of_the_panel_and_recruitment_reads_right_for_one() -> None:
    with translation.override("en"):
        assert (
            "only 1 person in the pool is available" in PanelError("pool_too_small", size=24, pool=1).message
        )
        assert (
            "only 1 address has not been invited yet"
            in RecruitmentError("too_many", count=3, available=1).message
        )
        assert "Please wait 1 minute." in PlanError("too_many_comments", minutes=1).message
