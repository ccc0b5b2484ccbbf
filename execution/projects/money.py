"""Splitting an award over a plan's cost lines in whole cents."""

from __future__ import annotations

from collections.abc import Sequence


def split_award(total_cents: int, line_amounts: Sequence[int]) -> list[int]:
    """``total_cents`` split over lines in proportion to ``line_amounts``, exactly, in whole cents.

    Largest remainder: each line gets the floor of its share, and the cents left go one each to the
    lines with the largest remainders (the earlier line first on a tie), so the parts always add up
    to the total. A reviewer who cut a plan's cost cuts every line by the same fraction.
    """
    if total_cents < 0 or any(amount <= 0 for amount in line_amounts):
        raise ValueError("the total must not be negative and every line must be positive")
    if not line_amounts:
        return []
    whole = sum(line_amounts)
    shares = [total_cents * amount // whole for amount in line_amounts]
    remainders = [total_cents * amount % whole for amount in line_amounts]
    left = total_cents - sum(shares)
    for index in sorted(range(len(line_amounts)), key=lambda i: (-remainders[i], i))[:left]:
        shares[index] += 1
    return shares
