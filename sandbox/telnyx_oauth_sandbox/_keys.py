"""Signing keys: the current RS256 key, retired keys kept for a grace period, and the JWKS."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from typing import Any

from joserfc import jwt
from joserfc.jwk import RSAKey

from ._clock import Clock
from ._constants import KEY_GRACE_PERIOD_SECONDS, RSA_KEY_SIZE_BITS

ALGORITHM = "RS256"


@dataclass
class _SigningKey:
    kid: str
    key: RSAKey
    retired_at: float | None = None

    def __repr__(self) -> str:
        return f"_SigningKey(kid={self.kid!r}, retired_at={self.retired_at!r})"


def _new_key() -> _SigningKey:
    kid = f"sandbox-{secrets.token_hex(8)}"
    key = RSAKey.generate_key(
        RSA_KEY_SIZE_BITS, parameters={"kid": kid, "use": "sig", "alg": ALGORITHM}
    )
    return _SigningKey(kid=kid, key=key)


class KeyRing:
    """The signing key in use and the retired keys whose public half is still published."""

    def __init__(self, clock: Clock, *, grace_period_seconds: float = KEY_GRACE_PERIOD_SECONDS):
        self._clock = clock
        self.grace_period_seconds = grace_period_seconds
        self._lock = threading.Lock()
        self._current = _new_key()
        self._retired: list[_SigningKey] = []

    def __repr__(self) -> str:
        return f"KeyRing(current_kid={self._current.kid!r}, retired={len(self._retired)})"

    @property
    def current_kid(self) -> str:
        return self._current.kid

    def rotate(self, *, grace_period_seconds: float | None = None) -> tuple[str, str]:
        """Start signing with a new key; return ``(new_kid, retired_kid)``."""
        new = _new_key()
        with self._lock:
            if grace_period_seconds is not None:
                self.grace_period_seconds = grace_period_seconds
            old = self._current
            old.retired_at = self._clock.now()
            self._retired.append(old)
            self._current = new
        return new.kid, old.kid

    def forget_retired(self) -> None:
        """Drop every retired key (used by reset)."""
        with self._lock:
            self._retired.clear()

    def sign(self, claims: dict[str, Any]) -> str:
        """A compact JWS of ``claims`` with the current key; ``kid`` in the header."""
        key = self._current
        return jwt.encode({"alg": ALGORITHM, "typ": "JWT", "kid": key.kid}, claims, key.key)

    def jwks(self) -> dict[str, Any]:
        """The public keys: the current one first, then retired ones still in their grace period."""
        now = self._clock.now()
        with self._lock:
            published = [self._current] + [
                k
                for k in reversed(self._retired)
                if k.retired_at is not None and now - k.retired_at < self.grace_period_seconds
            ]
        keys = []
        for entry in published:
            public = dict(entry.key.as_dict(private=False))
            public.update({"kid": entry.kid, "use": "sig", "alg": ALGORITHM, "kty": "RSA"})
            keys.append(public)
        return {"keys": keys}
