"""Small helpers shared by the sandbox modules."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import re
import secrets
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_CODE_VERIFIER = re.compile(r"[A-Za-z0-9._~-]{43,128}")
_CODE_CHALLENGE = re.compile(r"[A-Za-z0-9_-]{43}")
_SCOPE_TOKEN = re.compile(r"[\x21\x23-\x5b\x5d-\x7e]+")


def _not_json(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("a number is out of range")
    return value


def loads_json(raw: bytes | str) -> Any:
    """``json.loads`` limited to JSON: ``NaN``, ``Infinity`` and numbers beyond a float's range
    raise ``ValueError`` (Python reads them as non-finite floats, which no answer can carry)."""
    return json.loads(raw, parse_constant=_not_json, parse_float=_finite)


def digest(secret: str) -> str:
    """SHA-256 of a high-entropy secret: what the store keeps instead of the secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def same_digest(secret: str, expected_digest: str) -> bool:
    return hmac.compare_digest(digest(secret), expected_digest)


def new_secret(n_bytes: int = 32) -> str:
    return secrets.token_urlsafe(n_bytes)


def isoformat(timestamp: float) -> str:
    """RFC 3339 UTC time with milliseconds, as the Telnyx API writes it."""
    moment = datetime.fromtimestamp(timestamp, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def s256(code_verifier: str) -> str:
    """The PKCE S256 code challenge of a verifier (RFC 7636 4.2)."""
    raw = hashlib.sha256(code_verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def is_code_verifier(value: str) -> bool:
    return _CODE_VERIFIER.fullmatch(value) is not None


def is_code_challenge(value: str) -> bool:
    return _CODE_CHALLENGE.fullmatch(value) is not None


def is_scope_token(value: str) -> bool:
    return _SCOPE_TOKEN.fullmatch(value) is not None


def split_scope(scope: str) -> list[str]:
    """Space-separated scope string -> list, order kept, duplicates dropped."""
    return list(dict.fromkeys(scope.split()))


def redirect_uri_problem(uri: str) -> str | None:
    """Why ``uri`` cannot be a redirection endpoint (RFC 6749 3.1.2), or None when it can."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "is not a valid URI"
    if not parts.scheme:
        return "must be an absolute URI"
    if parts.fragment or uri.endswith("#"):
        return "must not contain a fragment"
    if parts.scheme in ("http", "https") and not parts.hostname:
        return "must name a host"
    if any(ch.isspace() for ch in uri):
        return "must not contain whitespace"
    return None


def add_query(uri: str, params: dict[str, str | None]) -> str:
    """``uri`` with ``params`` appended to its query (None values left out)."""
    parts = urlsplit(uri)
    query = parse_qsl(parts.query, keep_blank_values=True)
    query.extend((k, v) for k, v in params.items() if v is not None)
    return urlunsplit(parts._replace(query=urlencode(query)))


def page_count(total: int, size: int) -> int:
    return math.ceil(total / size) if total else 0
