"""The ``Token`` value and the parsing of token-endpoint responses (RFC 6749 section 5.1)."""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field

import httpx

from telnyx_oauth_api.errors import APIResponseValidationError

from ._constants import TOKEN_REFRESH_LEEWAY_SECONDS

__all__ = ["Token"]


@dataclass(frozen=True)
class Token:
    """An OAuth token response. ``repr()`` never shows the access or refresh token.

    ``expires_at`` is Unix time in seconds (wall clock, so it can be stored and read back in
    another process); ``None`` when the server gave no ``expires_in``.
    """

    access_token: str = field(repr=False)
    token_type: str = "Bearer"
    expires_in: float | None = None
    expires_at: float | None = None
    refresh_token: str | None = field(default=None, repr=False)
    scope: str | None = None

    def is_expired(
        self, *, leeway_seconds: float = TOKEN_REFRESH_LEEWAY_SECONDS, now: float | None = None
    ) -> bool:
        """Whether the token expires within ``leeway_seconds`` of ``now`` (Unix seconds)."""
        if self.expires_at is None:
            return False
        current = time.time() if now is None else now
        return current >= self.expires_at - leeway_seconds


def parse_token_response(response: httpx.Response, *, now: float) -> Token:
    """A ``Token`` from a read 2xx token response, or ``APIResponseValidationError``.

    Messages name what is wrong, never the body: the body holds the tokens.
    """

    def invalid(reason: str) -> APIResponseValidationError:
        return APIResponseValidationError(
            f"invalid token response: {reason}", request=response.request, response=response
        )

    try:
        data = json.loads(response.content)
    except ValueError:
        raise invalid("body is not JSON") from None
    if not isinstance(data, dict):
        raise invalid("body is not a JSON object")
    access_token = data.get("access_token")
    if not isinstance(access_token, str) or not access_token:
        raise invalid("access_token missing")
    token_type = data.get("token_type", "Bearer")
    if not isinstance(token_type, str) or token_type.lower() != "bearer":
        raise invalid("token_type is not Bearer")
    expires_in = data.get("expires_in")
    if isinstance(expires_in, str):
        try:
            expires_in = float(expires_in)
        except ValueError:
            raise invalid("expires_in is not a number") from None
    if expires_in is not None and (
        isinstance(expires_in, bool) or not isinstance(expires_in, (int, float))
    ):
        raise invalid("expires_in is not a number")
    # json reads NaN and Infinity (and 1e999 as infinity): a token that never expires by its
    # own account, or one due for renewal on every call, is a broken answer, not a lifetime.
    if expires_in is not None and not math.isfinite(expires_in):
        raise invalid("expires_in is not a finite number")
    refresh_token = data.get("refresh_token")
    scope = data.get("scope")
    return Token(
        access_token=access_token,
        token_type="Bearer",
        expires_in=float(expires_in) if expires_in is not None else None,
        expires_at=now + float(expires_in) if expires_in is not None else None,
        refresh_token=refresh_token if isinstance(refresh_token, str) and refresh_token else None,
        scope=scope if isinstance(scope, str) else None,
    )
