"""The sealed ballot box's cryptography: X25519 sealed ballots, and the key split into Shamir shares.

A ballot is sealed at cast time to the edition's public key (X25519): a fresh ephemeral key pair
per ballot, HKDF-SHA256 of the shared secret, ChaCha20-Poly1305 over the padded JSON, with the
edition bound in as associated data. Only the private key opens it, and the private key exists
whole only in the memory of the process that counts: it is split at set-up into ``n`` Shamir shares
over GF(256), any ``k`` of which rebuild it (docs/voting.md). The plaintext is padded to a multiple
of ``PAD_TO`` bytes, so the length of a sealed ballot says nothing about what it holds.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from collections.abc import Callable, Sequence
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

from common.codes import ALPHABET

PAD_TO = 512
KEY_BYTES = 32
_INFO = b"buurtbudget sealed ballot v1"
_NONCE = bytes(12)  # every ballot has its own ephemeral key, so its AEAD key is used once
_SHARE_SYMBOLS = 52  # 52 × 5 = 260 bits hold the 256 bits of a share
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_FORGIVEN = str.maketrans({"I": "1", "L": "1", "O": "0"})


class SealError(ValueError):
    """A sealed ballot that does not open with this key (wrong key, wrong edition or altered bytes)."""


class ShareFormatError(ValueError):
    """Text that cannot be a key share: wrong length, a foreign character, or no share number."""


# --- Sealing ---------------------------------------------------------------------------------------


def new_private_key(random_bytes: Callable[[int], bytes] | None = None) -> bytes:
    """A fresh X25519 private key (32 bytes); ``random_bytes`` only for reproducible demo keys."""
    if random_bytes is None:
        return X25519PrivateKey.generate().private_bytes_raw()
    return X25519PrivateKey.from_private_bytes(random_bytes(KEY_BYTES)).private_bytes_raw()


def public_key_of(private_key: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private_key).public_key().public_bytes_raw()


def fingerprint(public_key: bytes) -> str:
    """A short text naming the public key, for the set-up record and the share sheets."""
    digest = hashlib.sha256(public_key).digest()
    number = int.from_bytes(digest[:10], "big")
    body = "".join(ALPHABET[(number >> (5 * i)) & 31] for i in range(16))
    return "-".join(body[i : i + 4] for i in range(0, 16, 4))


def _aead_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO + ephemeral + recipient).derive(
        shared
    )


def _pad(data: bytes) -> bytes:
    padded = data + b"\x80"
    return padded + bytes(-len(padded) % PAD_TO)


def _unpad(data: bytes) -> bytes:
    end = data.rstrip(b"\x00")
    if not end.endswith(b"\x80"):
        raise SealError("padding")
    return end[:-1]


def seal(content: Any, *, public_key: bytes, context: bytes) -> bytes:
    """``content`` as JSON, padded and sealed to ``public_key``; ``context`` must match to open it."""
    plain = json.dumps(content, separators=(",", ":"), sort_keys=True).encode()
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    key = _aead_key(shared, ephemeral_public, public_key)
    return ephemeral_public + ChaCha20Poly1305(key).encrypt(_NONCE, _pad(plain), context)


class Opener:
    """Opens sealed ballots with a private key held in this object (in memory) only."""

    def __init__(self, private_key: bytes) -> None:
        self._key = X25519PrivateKey.from_private_bytes(private_key)
        self._public = self._key.public_key().public_bytes_raw()

    def open(self, sealed: bytes | memoryview, *, context: bytes) -> Any:
        sealed = bytes(sealed)
        ephemeral_public, box = sealed[:32], sealed[32:]
        try:
            shared = self._key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
            plain = ChaCha20Poly1305(_aead_key(shared, ephemeral_public, self._public)).decrypt(
                _NONCE, box, context
            )
        except (InvalidTag, ValueError) as error:
            raise SealError("does not open") from error
        return json.loads(_unpad(plain))


def ballot_context(edition_id: int) -> bytes:
    """What a ballot is bound to: it opens only as a ballot of this edition."""
    return f"buurtbudget:edition:{edition_id}".encode()


# --- Paper readings awaiting a second entry or a review ---------------------------------------------


def _reading_key() -> bytes:
    """The key of pending paper readings: derived from ``VOTING_CODE_KEY`` (the environment's, never
    the database's), because officials must see and compare readings before the count."""
    return hmac.new(settings.VOTING_CODE_KEY.encode(), b"buurtbudget:paper-reading", hashlib.sha256).digest()


def seal_reading(content: Any, *, edition_id: int) -> dict[str, str]:
    """A paper reading as stored while it waits: encrypted and padded, so the database shows nothing."""
    nonce = os.urandom(12)
    plain = _pad(json.dumps(content, separators=(",", ":"), sort_keys=True).encode())
    box = ChaCha20Poly1305(_reading_key()).encrypt(nonce, plain, ballot_context(edition_id))
    return {"sealed": base64.b64encode(nonce + box).decode()}


def open_reading(stored: Any, *, edition_id: int) -> Any:
    """The reading ``seal_reading`` stored (None stays None); SealError if it does not open."""
    if stored is None:
        return None
    try:
        raw = base64.b64decode(stored["sealed"])
        plain = ChaCha20Poly1305(_reading_key()).decrypt(raw[:12], raw[12:], ballot_context(edition_id))
    except (InvalidTag, ValueError, KeyError, TypeError) as error:
        raise SealError("does not open") from error
    return json.loads(_unpad(plain))


# --- Answers kept for retries (voting.services.idempotency) ----------------------------------------


def seal_answer(answer: Any, *, key: bytes, context: bytes) -> bytes:
    """A cast's answer as its idempotency record keeps it: padded, encrypted under ``key``.

    ``key`` is derived from what only the retrying client holds (the voting code, or the ballot
    form's one-time key) with ``VOTING_CODE_KEY``: neither the database nor the server's key alone
    opens it, and its length, padded like a ballot's, says nothing of the choices.
    """
    nonce = os.urandom(12)
    plain = _pad(json.dumps(answer, separators=(",", ":"), sort_keys=True).encode())
    return nonce + ChaCha20Poly1305(key).encrypt(nonce, plain, context)


def open_answer(stored: bytes | memoryview, *, key: bytes, context: bytes) -> Any:
    """The answer ``seal_answer`` stored; SealError if ``key`` or ``context`` is not the one it was
    sealed with, or the bytes were altered."""
    raw = bytes(stored)
    try:
        plain = ChaCha20Poly1305(key).decrypt(raw[:12], raw[12:], context)
    except (InvalidTag, ValueError) as error:
        raise SealError("does not open") from error
    return json.loads(_unpad(plain))


# --- Shamir's secret sharing over GF(256) ------------------------------------------------------------

_EXP = [0] * 512
_LOG = [0] * 256
_x = 1
for _i in range(255):
    _EXP[_i] = _x
    _LOG[_x] = _i
    _x ^= (_x << 1) ^ (0x11B if _x & 0x80 else 0)  # multiply by the generator 3 modulo x⁸+x⁴+x³+x+1
    _x &= 0xFF
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


def _mul(a: int, b: int) -> int:
    return 0 if a == 0 or b == 0 else _EXP[_LOG[a] + _LOG[b]]


def _div(a: int, b: int) -> int:
    return 0 if a == 0 else _EXP[(_LOG[a] - _LOG[b]) % 255]


def split_secret(
    secret: bytes, *, threshold: int, shares: int, random_bytes: Callable[[int], bytes]
) -> list[tuple[int, bytes]]:
    """``shares`` points (x = 1..n, y) of a random polynomial of degree ``threshold`` − 1 per byte."""
    if not 1 <= threshold <= shares <= 255:
        raise ValueError("need 1 <= threshold <= shares <= 255")
    coefficients = [random_bytes(len(secret)) for _ in range(threshold - 1)]
    points = []
    for x in range(1, shares + 1):
        y = bytearray()
        for position, byte in enumerate(secret):
            value, power = byte, 1
            for row in coefficients:
                power = _mul(power, x)
                value ^= _mul(row[position], power)
            y.append(value)
        points.append((x, bytes(y)))
    return points


def combine_shares(points: Sequence[tuple[int, bytes]]) -> bytes:
    """The secret (the polynomial at 0) from distinct points, by Lagrange interpolation."""
    xs = [x for x, _ in points]
    if len(set(xs)) != len(xs) or 0 in xs:
        raise ValueError("share numbers must be distinct and non-zero")
    weights = []
    for i, xi in enumerate(xs):
        weight = 1
        for j, xj in enumerate(xs):
            if i != j:
                weight = _mul(weight, _div(xj, xj ^ xi))
        weights.append(weight)
    length = len(points[0][1])
    secret = bytearray(length)
    for weight, (_, y) in zip(weights, points, strict=True):
        for position in range(length):
            secret[position] ^= _mul(weight, y[position])
    return bytes(secret)


def format_share(x: int, y: bytes) -> str:
    """A share as printed: its number, then 52 symbols of the voting-code alphabet in groups of four."""
    number = int.from_bytes(y, "big")
    body = "".join(ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(_SHARE_SYMBOLS)))
    return f"{x}-" + "-".join(body[i : i + 4] for i in range(0, _SHARE_SYMBOLS, 4))


def parse_share(text: str) -> tuple[int, bytes]:
    """(number, bytes) of a share as typed or scanned; case, spaces and dashes don't matter."""
    cleaned = "-".join(text.replace("-", " ").split()).upper()
    number, _, rest = cleaned.partition("-")
    if not number.isdigit() or not 1 <= int(number) <= 255:
        raise ShareFormatError(text)
    body = rest.replace("-", "").translate(_FORGIVEN)
    if len(body) != _SHARE_SYMBOLS or any(ch not in _VALUE for ch in body):
        raise ShareFormatError(text)
    value = 0
    for ch in body:
        value = (value << 5) | _VALUE[ch]
    if value >> (8 * KEY_BYTES):
        raise ShareFormatError(text)
    return int(number), value.to_bytes(KEY_BYTES, "big")


def share_hash(edition_id: int, x: int, y: bytes) -> str:
    """What is stored of a share: enough to tell a wrong share from a right one, nothing to rebuild it."""
    return hashlib.sha256(b"buurtbudget:share:%d:%d:" % (edition_id, x) + y).hexdigest()
