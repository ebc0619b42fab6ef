"""Secrets the sandbox hands out, and the digests it keeps instead of them."""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_secret(n_bytes: int = 32) -> str:
    """A fresh URL-safe secret of ``n_bytes`` random bytes."""
    return secrets.token_urlsafe(n_bytes)


def digest(secret: str) -> str:
    """SHA-256 of a high-entropy secret: what the store keeps instead of the secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def same_digest(secret: str, expected_digest: str) -> bool:
    """Whether ``secret`` has ``expected_digest``, compared in constant time."""
    return hmac.compare_digest(digest(secret), expected_digest)


def same_secret(candidate: str, secret: str) -> bool:
    """Whether two secrets are equal, compared in constant time."""
    return hmac.compare_digest(candidate.encode("utf-8"), secret.encode("utf-8"))
