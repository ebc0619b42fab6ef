"""The overlay's exceptions: one tree, every error carrying its request and response.

::

    TelnyxOAuthError
    ├── ConfigurationError            (also a ValueError: bad arguments, missing API key)
    ├── APIError                      .request, .response (None when there was none)
    │   ├── APIStatusError            any status >= 400; .status_code .error .error_description
    │   │   │                         .errors .invalid_fields .body
    │   │   ├── BadRequestError               400
    │   │   ├── AuthenticationError           401
    │   │   ├── PermissionDeniedError         403
    │   │   ├── NotFoundError                 404
    │   │   ├── ConflictError                 409
    │   │   ├── UnprocessableEntityError      422
    │   │   ├── RateLimitError                429  .limit .remaining .reset .retry_after
    │   │   └── InternalServerError           5xx
    │   ├── APIConnectionError        the request got no response (wraps the httpx error)
    │   │   └── APITimeoutError
    │   └── APIResponseValidationError  a 2xx whose body is not what the API promises
    ├── AuthorizationCallbackError    the authorization server redirected back with ?error=
    ├── StateMismatchError            the callback's state is missing, wrong or already used
    └── TokenVerificationError        an access token failed signature or claim checks

A status error understands both error shapes the API uses: RFC 6749 ``{"error",
"error_description"}`` (OAuth endpoints; register adds ``invalid_fields``) and Telnyx's
``{"errors": [{"code", "title", "detail", "source": {"pointer"}, "meta": {"url"}}]}``. Anything
else (HTML from ``/oauth/authorize`` or a proxy, plain text, empty) is kept as text in ``.body``,
and the response itself always stays on ``.response``.

Messages are built only from the status line and the server's error fields, never from the
request's headers or body, so credentials cannot leak through ``str(error)``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import httpx

from ._constants import ERROR_BODY_SNIPPET_CHARS
from ._retries import parse_retry_after_seconds, parse_seconds_header

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "AuthorizationCallbackError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "ErrorDetail",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "StateMismatchError",
    "TelnyxOAuthError",
    "TokenVerificationError",
    "UnprocessableEntityError",
    "make_status_error",
]


class TelnyxOAuthError(Exception):
    """The root of every exception the overlay raises."""


class ConfigurationError(TelnyxOAuthError, ValueError):
    """The overlay was set up with missing or contradictory arguments."""


class APIError(TelnyxOAuthError):
    """An HTTP exchange with the API went wrong."""

    def __init__(
        self, message: str, *, request: httpx.Request, response: httpx.Response | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.response = response


@dataclass(frozen=True)
class ErrorDetail:
    """One entry of a Telnyx ``{"errors": [...]}`` body."""

    code: str | None = None
    title: str | None = None
    detail: str | None = None
    pointer: str | None = None
    url: str | None = None

    def __str__(self) -> str:
        head = " ".join(p for p in (self.code, self.title) if p)
        text = f"{head}: {self.detail}" if head and self.detail else head or self.detail or ""
        return f"{text} (at {self.pointer})" if self.pointer else text


class APIStatusError(APIError):
    """The API answered with a status of 400 or more."""

    status_code: int
    error: str | None
    error_description: str | None
    errors: list[ErrorDetail]
    invalid_fields: dict[str, list[str]]
    body: object

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message, request=response.request, response=response)
        self.response: httpx.Response = response
        self.status_code = response.status_code
        parsed = _parse_body(response)
        self.body = parsed.body
        self.error = parsed.error
        self.error_description = parsed.error_description
        self.errors = parsed.errors
        self.invalid_fields = parsed.invalid_fields


class BadRequestError(APIStatusError):
    """400 Bad Request (``invalid_request``, ``invalid_grant``, register's ``invalid_fields``)."""


class AuthenticationError(APIStatusError):
    """401 Unauthorized: missing or wrong API key, token or client credentials."""


class PermissionDeniedError(APIStatusError):
    """403 Forbidden."""


class NotFoundError(APIStatusError):
    """404 Not Found."""


class ConflictError(APIStatusError):
    """409 Conflict."""


class UnprocessableEntityError(APIStatusError):
    """422 Unprocessable Entity: the body failed validation."""


class RateLimitError(APIStatusError):
    """429 Too Many Requests, with the rate-limit headers parsed.

    ``limit`` and ``remaining`` are request counts; ``reset`` is the number of seconds until the
    window resets (``x-ratelimit-reset``); ``retry_after`` is the delay in seconds the server asked
    for (``retry-after-ms`` or ``Retry-After``), each ``None`` when the header is absent or odd.
    """

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message, response=response)
        headers = response.headers
        self.limit = _int_header(headers, "x-ratelimit-limit")
        self.remaining = _int_header(headers, "x-ratelimit-remaining")
        self.reset = parse_seconds_header(headers.get("x-ratelimit-reset"))
        self.retry_after = parse_retry_after_seconds(headers)


class InternalServerError(APIStatusError):
    """A 5xx status: the server or a proxy in front of it failed."""


class APIConnectionError(APIError):
    """No response arrived: the connection failed or broke (the cause is the httpx error)."""


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, write, read or pool)."""


class APIResponseValidationError(APIError):
    """A successful status whose body is not what the API promises."""


class AuthorizationCallbackError(TelnyxOAuthError):
    """The authorization server redirected back with an error (RFC 6749 section 4.1.2.1)."""

    def __init__(self, error: str, error_description: str | None = None) -> None:
        message = f"authorization failed: {error}"
        if error_description:
            message += f": {error_description}"
        super().__init__(message)
        self.error = error
        self.error_description = error_description


class StateMismatchError(TelnyxOAuthError):
    """The callback's ``state`` is missing, does not match, or was already used."""


class TokenVerificationError(TelnyxOAuthError):
    """An access token failed verification; ``reason`` is a short machine-readable word."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def make_status_error(response: httpx.Response, *, context: str | None = None) -> APIStatusError:
    """Build the right ``APIStatusError`` subclass for a response whose body has been read.

    ``context`` prefixes the message (for example ``"token request failed"``).
    """
    status = response.status_code
    cls = _STATUS_CLASSES.get(status)
    if cls is None:
        cls = InternalServerError if status >= 500 else APIStatusError
    parsed = _parse_body(response)
    summary = parsed.summary()
    message = f"{status} {response.reason_phrase}".rstrip()
    if context:
        message = f"{context}: {message}"
    if summary:
        message = f"{message}: {summary}"
    return cls(message, response=response)


@dataclass
class _ParsedBody:
    body: object
    error: str | None
    error_description: str | None
    errors: list[ErrorDetail]
    invalid_fields: dict[str, list[str]]
    text_snippet: str | None

    def summary(self) -> str:
        if self.error:
            text = self.error
            if self.error_description:
                text += f": {self.error_description}"
            if self.invalid_fields:
                text += (
                    " ("
                    + "; ".join(
                        f"{name}: {', '.join(msgs)}" for name, msgs in self.invalid_fields.items()
                    )
                    + ")"
                )
            return text
        if self.errors:
            return "; ".join(str(e) for e in self.errors)
        return self.text_snippet or ""


_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.DOTALL | re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _parse_body(response: httpx.Response) -> _ParsedBody:
    try:
        text = response.text
    except httpx.ResponseNotRead:
        text = ""
    data: Any = None
    if text.strip():
        try:
            data = json.loads(text)
        except ValueError:
            data = None
    if isinstance(data, dict):
        error = data.get("error")
        description = data.get("error_description")
        return _ParsedBody(
            body=data,
            error=error if isinstance(error, str) else None,
            error_description=description if isinstance(description, str) else None,
            errors=_error_details(data.get("errors")),
            invalid_fields=_invalid_fields(data.get("invalid_fields")),
            text_snippet=None,
        )
    snippet = None
    if text.strip() and data is None:
        plain = _TAG.sub(" ", text) if "html" in response.headers.get("content-type", "") else text
        plain = _SPACE.sub(" ", plain).strip()
        if len(plain) > ERROR_BODY_SNIPPET_CHARS:
            plain = plain[:ERROR_BODY_SNIPPET_CHARS] + "..."
        snippet = plain or None
    return _ParsedBody(
        body=data if data is not None else text,
        error=None,
        error_description=None,
        errors=[],
        invalid_fields={},
        text_snippet=snippet,
    )


def _opt_str(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _error_details(raw: object) -> list[ErrorDetail]:
    if not isinstance(raw, list):
        return []
    details = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        source = item.get("source")
        meta = item.get("meta")
        details.append(
            ErrorDetail(
                code=_opt_str(item.get("code")),
                title=_opt_str(item.get("title")),
                detail=_opt_str(item.get("detail")),
                pointer=_opt_str(source.get("pointer")) if isinstance(source, dict) else None,
                url=_opt_str(meta.get("url")) if isinstance(meta, dict) else None,
            )
        )
    return details


def _invalid_fields(raw: object) -> dict[str, list[str]]:
    if not isinstance(raw, dict):
        return {}
    fields: dict[str, list[str]] = {}
    for name, messages in raw.items():
        if isinstance(messages, list):
            fields[str(name)] = [str(m) for m in messages]
        elif messages is not None:
            fields[str(name)] = [str(messages)]
    return fields


def _int_header(headers: httpx.Headers, name: str) -> int | None:
    value = headers.get(name)
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None
