"""Codes: 80 random bits and a check symbol that catches every typo and swap; keyed hashes per purpose."""

from __future__ import annotations

import pytest
from pytest_django import Settings

from common import codes


def test_a_new_code_reads_in_groups_and_normalises_forgivingly() -> None:
    code = codes.new_code()
    assert len(code) == 21 and code.count("-") == 4
    normalised = codes.normalise(code)
    assert codes.normalise(f" {code.lower().replace('-', ' ')} ") == normalised
    assert codes.format_code(normalised) == code
    body = normalised[: codes.BODY_LENGTH]
    assert codes.check_symbol(body) == normalised[-1]


def test_i_l_and_o_are_read_as_one_and_zero() -> None:
    body = "1" * codes.BODY_LENGTH
    code = body + codes.check_symbol(body)
    assert codes.normalise("I" * 8 + "L" * 8 + code[-1]) == code
    body = "0" * codes.BODY_LENGTH
    assert codes.normalise("O" * codes.BODY_LENGTH + codes.check_symbol(body)) == body + codes.check_symbol(
        body
    )


def test_every_single_typo_and_every_swap_of_neighbours_is_caught() -> None:
    code = codes.normalise(codes.new_code())
    for i, original in enumerate(code):
        for other in codes.ALPHABET:
            if other != original:
                with pytest.raises(codes.MalformedCode):
                    codes.normalise(code[:i] + other + code[i + 1 :])
    for i in range(len(code) - 1):
        if code[i] != code[i + 1]:
            with pytest.raises(codes.MalformedCode):
                codes.normalise(code[:i] + code[i + 1] + code[i] + code[i + 2 :])


@pytest.mark.parametrize("text", ["", "K7QM-3XRD", "K7QM-3XRD-9TBW-HP2C-VV", "K7QM-3XRD-9TBW-HP2C-U"])
def test_texts_that_cannot_be_a_code_are_malformed(text: str) -> None:
    with pytest.raises(codes.MalformedCode):
        codes.normalise(text)


def test_keyed_hashes_differ_by_purpose_and_need_the_key(settings: Settings) -> None:
    code = codes.normalise(codes.new_code())
    hashes = {codes.credential_hash(code), codes.ballot_slot(code), codes.keyed_hash("panel-card", code)}
    assert len(hashes) == 3 and all(len(h) == 64 for h in hashes)
    settings.VOTING_CODE_KEY = "another key"
    assert codes.credential_hash(code) not in hashes
