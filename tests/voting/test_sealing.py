"""Sealed ballots open only with their key and context; any k of n Shamir shares rebuild the key."""

from __future__ import annotations

import itertools
import secrets

import pytest

from voting import sealing


def test_a_sealed_ballot_opens_with_its_key_and_context_only() -> None:
    key = sealing.new_private_key()
    sealed = sealing.seal({"main": [3, 7]}, public_key=sealing.public_key_of(key), context=b"edition:1")

    assert sealing.Opener(key).open(sealed, context=b"edition:1") == {"main": [3, 7]}
    with pytest.raises(sealing.SealError):
        sealing.Opener(key).open(sealed, context=b"edition:2")
    with pytest.raises(sealing.SealError):
        sealing.Opener(sealing.new_private_key()).open(sealed, context=b"edition:1")
    tampered = bytearray(sealed)
    tampered[-1] ^= 1
    with pytest.raises(sealing.SealError):
        sealing.Opener(key).open(bytes(tampered), context=b"edition:1")


def test_sealed_ballots_all_have_one_length_and_differ_for_equal_content() -> None:
    public = sealing.public_key_of(sealing.new_private_key())
    small = sealing.seal({"main": [1]}, public_key=public, context=b"c")
    large = sealing.seal({"main": list(range(100_000, 100_060))}, public_key=public, context=b"c")
    again = sealing.seal({"main": [1]}, public_key=public, context=b"c")

    assert len(small) == len(large) == len(again)
    assert small != again


@pytest.mark.parametrize(("threshold", "shares"), [(1, 2), (2, 3), (3, 5), (5, 5)])
def test_any_threshold_of_the_shares_rebuild_the_key_and_fewer_do_not(threshold: int, shares: int) -> None:
    key = sealing.new_private_key()
    points = sealing.split_secret(key, threshold=threshold, shares=shares, random_bytes=secrets.token_bytes)

    for chosen in itertools.combinations(points, threshold):
        assert sealing.combine_shares(list(chosen)) == key
    if threshold > 1:
        assert sealing.combine_shares(points[: threshold - 1]) != key


def test_a_share_reads_back_as_typed_in_any_case_with_spaces() -> None:
    x, y = sealing.split_secret(
        sealing.new_private_key(), threshold=2, shares=3, random_bytes=secrets.token_bytes
    )[1]
    text = sealing.format_share(x, y)

    assert text.startswith("2-") and len(text.replace("-", "")) == 53
    assert sealing.parse_share(" " + text.lower().replace("-", " ") + " ") == (x, y)
    with pytest.raises(sealing.ShareFormatError):
        sealing.parse_share(text[:-1])
    with pytest.raises(sealing.ShareFormatError):
        sealing.parse_share("x-" + text[2:])
