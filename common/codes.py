"""Voting codes: 80 random bits in Crockford's base-32, a GF(32) check character, keyed hashes.

A code reads ``K7QM-3XRD-9TBW-HP2C-V`` (16 symbols = 80 bits, then the check symbol). The alphabet
has no I, L, O or U, and typing them is forgiven (I and L read as 1, O as 0); case, spaces and
dashes don't matter. The check symbol catches every single mistyped symbol and every swap of two
neighbours (the check symbol included) before the database is asked. Only HMAC-SHA256 digests
under ``VOTING_CODE_KEY`` (from the environment, never the database) are stored: one to find the
voter, a different one to find their ballot (see docs/voting.md).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BODY_LENGTH = 16  # 16 × 5 = 80 bits
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_FORGIVEN = str.maketrans({"I": "1", "L": "1", "O": "0"})


GROUP_SIZES = (4, 4, 4, 4, 1)  # as printed: XXXX-XXXX-XXXX-XXXX-C


class MalformedCode(ValueError):
    """The text cannot be a voting code: wrong length, a foreign character or a failed check symbol.

    ``problem`` says which, so the resident can be told what to look at: ``"length"`` (``typed``
    symbols), ``"group_length"`` (``group`` holds ``typed`` symbols instead of ``expected``),
    ``"character"`` (``char`` in ``group`` is not in the alphabet) or ``"check"`` (one symbol is
    wrong or two are swapped: one check symbol detects that, but cannot say where).
    """

    def __init__(
        self,
        text: str,
        *,
        problem: str = "check",
        group: int = 0,
        typed: int = 0,
        expected: int = 0,
        char: str = "",
    ) -> None:
        super().__init__(text)
        self.problem = problem
        self.group = group
        self.typed = typed
        self.expected = expected
        self.char = char


def _gf_mul(a: int, b: int) -> int:
    """Multiplication in GF(32) = GF(2)[x] / (x⁵ + x² + 1)."""
    product = 0
    while b:
        if b & 1:
            product ^= a
        b >>= 1
        a <<= 1
        if a & 0b100000:
            a ^= 0b100101
    return product


# Position i weighs α^i (α = x, a primitive element, so α⁰ … α¹⁶ are distinct and non-zero): a
# symbol changed anywhere changes the sum, and so does swapping two neighbours (α^i ≠ α^(i+1)).
_WEIGHTS: list[int] = [1]
for _ in range(BODY_LENGTH):
    _WEIGHTS.append(_gf_mul(_WEIGHTS[-1], 2))
_INVERSE_OF_LAST = next(v for v in range(1, 32) if _gf_mul(v, _WEIGHTS[BODY_LENGTH]) == 1)


# The products α^i · v and v · (α^16)⁻¹ for every symbol value v, made once: codes are checked by the
# ten thousand (an address list's letters, the demo's voters).
_TERMS: list[list[int]] = [[_gf_mul(weight, value) for value in range(32)] for weight in _WEIGHTS]
_TIMES_INVERSE_OF_LAST: list[int] = [_gf_mul(value, _INVERSE_OF_LAST) for value in range(32)]


def check_symbol(body: str) -> str:
    """The symbol c that makes Σ α^i · symbol_i over the whole code (c last) zero in GF(32)."""
    total = 0
    for terms, ch in zip(_TERMS, body, strict=False):
        total ^= terms[_VALUE[ch]]
    return ALPHABET[_TIMES_INVERSE_OF_LAST[total]]


def new_code() -> str:
    """A fresh code, grouped for reading: XXXX-XXXX-XXXX-XXXX-C."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return format_code(body + check_symbol(body))


def format_code(normalised: str) -> str:
    body, check = normalised[:BODY_LENGTH], normalised[BODY_LENGTH:]
    return "-".join(body[i : i + 4] for i in range(0, BODY_LENGTH, 4)) + "-" + check


def normalise(text: str) -> str:
    """The code's 17 symbols in canonical form, or MalformedCode if it cannot be a valid code."""
    groups = [group.upper().translate(_FORGIVEN) for group in re.split(r"[\s\-]+", text.strip()) if group]
    cleaned = "".join(groups)
    _refuse_foreign_characters(text, groups)
    if len(cleaned) != BODY_LENGTH + 1:
        _refuse_wrong_group(text, groups)
        raise MalformedCode(text, problem="length", typed=len(cleaned), expected=BODY_LENGTH + 1)
    if check_symbol(cleaned[:BODY_LENGTH]) != cleaned[BODY_LENGTH]:
        raise MalformedCode(text, problem="check")
    return cleaned


def _refuse_foreign_characters(text: str, groups: list[str]) -> None:
    """Name the first symbol that no code has, and its group as typed (counted from 1)."""
    for number, group in enumerate(groups, start=1):
        for ch in group:
            if ch not in _VALUE:
                raise MalformedCode(text, problem="character", group=number, char=ch)


def _refuse_wrong_group(text: str, groups: list[str]) -> None:
    """Where the code was typed in its printed groups, name the first group of the wrong size."""
    if len(groups) != len(GROUP_SIZES):
        return
    for number, (group, size) in enumerate(zip(groups, GROUP_SIZES, strict=True), start=1):
        if len(group) != size:
            raise MalformedCode(text, problem="group_length", group=number, typed=len(group), expected=size)


def _digest(purpose: str, value: str) -> str:
    key = settings.VOTING_CODE_KEY.encode()
    return hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def keyed_hash(purpose: str, value: str) -> str:
    """HMAC-SHA256 of ``value`` under ``VOTING_CODE_KEY`` for another purpose (e.g. "panel-card")."""
    return _digest(purpose, value)


def credential_hash(normalised_code: str) -> str:
    """What a ``Voter`` row stores to be found by its code."""
    return _digest("voter", normalised_code)


def ballot_slot(credential: str) -> str:
    """Where this voter's ballot is kept: from the plain code (or register identity), never from a row."""
    return _digest("ballot", credential)


def register_identity(*, name: str, birth_date: str, postcode: str) -> str:
    """The register credential: normalised name, ISO birth date and postcode, joined."""
    return "|".join(
        (" ".join(name.casefold().split()), birth_date.strip(), "".join(postcode.upper().split()))
    )


def register_hash(identity: str) -> str:
    return _digest("register", identity)


def email_hash(email: str) -> str:
    return _digest("email", email.strip().casefold())


def one_time_code_hash(code: str) -> str:
    return _digest("otp", code.strip())


def new_receipt() -> str:
    """A short receipt number shown to the voter after casting; it names nothing else."""
    number = secrets.randbits(50)  # 10 symbols of 5 bits
    body = "".join(ALPHABET[(number >> (5 * i)) & 31] for i in range(10))
    return f"{body[:5]}-{body[5:]}"
