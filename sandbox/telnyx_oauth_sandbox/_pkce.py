"""PKCE (RFC 7636): the S256 challenge of a verifier, and the shapes both must have."""

from __future__ import annotations

import base64
import hashlib
import re

_CODE_VERIFIER = re.compile(r"[A-Za-z0-9._~-]{43,128}")
_CODE_CHALLENGE = re.compile(r"[A-Za-z0-9_-]{43}")


def s256(code_verifier: str) -> str:
    """The PKCE S256 code challenge of a verifier (RFC 7636 4.2)."""
    raw = hashlib.sha256(code_verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def is_code_verifier(value: str) -> bool:
    """43 to 128 unreserved characters (RFC 7636 4.1)."""
    return _CODE_VERIFIER.fullmatch(value) is not None


def is_code_challenge(value: str) -> bool:
    """An S256 challenge: 43 base64url characters."""
    return _CODE_CHALLENGE.fullmatch(value) is not None
