"""The ``Token`` value, its versioned plain-dict form, and the parsing of token responses."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field

import httpx

from telnyx_oauth_api.errors import APIResponseValidationError, InvalidDataError

from ._constants import TOKEN_REFRESH_LEEWAY_SECONDS

__all__ = ["Token"]

TOKEN_DICT_VERSION = 1  # the one version Token.from_dict() reads


@dataclass(frozen=True)
class Token:
    """An OAuth token response; ``expires_at`` is wall-clock Unix seconds (``None`` without
    ``expires_in``). ``repr()`` never shows the access or refresh token."""

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
        current = time.time() if now is None else now
        return self.expires_at is not None and current >= self.expires_at - leeway_seconds

    def to_dict(self) -> dict[str, str | float | int | None]:
        """The token as a versioned, JSON-safe dict; it holds the secrets, keep it like a
        password. ``Token.from_dict`` reads it back."""
        return {"version": TOKEN_DICT_VERSION, **asdict(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Token:
        """The ``Token`` of a ``to_dict()`` dict; else ``InvalidDataError`` naming the field."""
        return token_from_fields(data, "the token dict", InvalidDataError)


def token_from_fields(fields: object, what: str, error: Callable[[str], Exception]) -> Token:
    """The ``Token`` in ``to_dict()``'s form, or ``error`` naming ``what`` and the field."""
    if not isinstance(fields, Mapping):
        raise error(f"{what} is not a JSON object")
    version = fields.get("version")
    if version != TOKEN_DICT_VERSION or isinstance(version, bool):
        shown = version if isinstance(version, int) and not isinstance(version, bool) else "?"
        raise error(
            f"{what} has version {shown}; this version of telnyx-oauth reads version "
            f"{TOKEN_DICT_VERSION}"
        )
    access_token = fields.get("access_token")
    if not isinstance(access_token, str) or not access_token:
        raise error(f"{what} has no access_token")

    def text(name: str) -> str | None:
        value = fields.get(name)
        if value is None or isinstance(value, str):
            return value
        raise error(f"{what}'s {name} is not a str")

    def number(name: str) -> float | None:
        value = fields.get(name)
        if value is None:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                value = float(value)
            except OverflowError:  # an int beyond a float's range
                value = math.inf
            if math.isfinite(value):
                return value
        raise error(f"{what}'s {name} is not a number")

    return Token(
        access_token=access_token,
        token_type=text("token_type") or "Bearer",
        expires_in=number("expires_in"),
        expires_at=number("expires_at"),
        refresh_token=text("refresh_token"),
        scope=text("scope"),
    )


def parse_token_response(response: httpx.Response, *, now: float) -> Token:
    """A ``Token`` from a read 2xx token response, or ``APIResponseValidationError``."""

    def invalid(reason: str) -> APIResponseValidationError:
        return APIResponseValidationError(
            f"invalid token response: {reason}", request=response.request, response=response
        )

    try:
        data = json.loads(response.content)
    except ValueError:
        raise invalid("body is not JSON") from None
    except RecursionError:
        raise invalid("body nests too deeply") from None
    if not isinstance(data, dict):
        raise invalid("body is not a JSON object")
    access_token = data.get("access_token")
    if not isinstance(access_token, str) or not access_token:
        raise invalid("access_token missing")
    token_type = data.get("token_type", "Bearer")
    if not isinstance(token_type, str) or token_type.lower() != "bearer":
        raise invalid("token_type is not Bearer")
    lifetime = data.get("expires_in")
    expires_in: float | None = None
    if lifetime is not None:
        try:
            expires_in = float(str(lifetime))  # via str: a bool, list or object is no number
        except ValueError:
            raise invalid("expires_in is not a number") from None
        if not math.isfinite(expires_in):
            raise invalid("expires_in is not a finite number")  # NaN, Infinity, 1e999
    refresh_token = data.get("refresh_token")
    scope = data.get("scope")
    return Token(
        access_token=access_token,
        expires_in=expires_in,
        expires_at=None if expires_in is None else now + expires_in,
        refresh_token=refresh_token if isinstance(refresh_token, str) and refresh_token else None,
        scope=scope if isinstance(scope, str) else None,
    )
