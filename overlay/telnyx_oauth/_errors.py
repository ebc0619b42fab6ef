"""The exceptions of ``telnyx_oauth``: the generated package's tree, plus the overlay's own.

::

    TelnyxOAuthError
    ├── ConfigurationError            (also a ValueError: bad arguments, missing API key)
    ├── InvalidDataError              (also a ValueError) a dict given to a model's from_dict()
    │                                 does not match the spec; .path names the field
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
    │   │   ├── InternalServerError           5xx
    │   │   └── RetryAfterTooLongError        a 429 or 503 asked for a longer wait than the
    │   │                                     RetryPolicy honours (also a RateLimitError or an
    │   │                                     InternalServerError); .retry_after_seconds
    │   │                                     .max_retry_after_seconds
    │   ├── APIConnectionError        the request got no response (wraps the httpx error)
    │   │   └── APITimeoutError
    │   └── APIResponseValidationError  a success whose body is not what the spec promises
    │       └── UnexpectedStatusError   a status that is neither a documented success nor an error
    ├── AuthorizationCallbackError    the authorization server redirected back with ?error=
    ├── StateMismatchError            the callback's state is missing or wrong
    │   └── AuthorizationRequestUsedError  the authorization request was already used; says how
    ├── TokenStorageError             the on_token hook raised; .token is the token it was given
    ├── TokenVerificationError        an access token failed signature or claim checks
    └── TokenStoreError               a token store (SQLite, Redis) failed; .token when a refresh
        │                             happened but its successor may not be stored
        └── TokenRecordError          a record in the store cannot be read (garbage, another
                                      version, another encryption key)

The API errors are defined once, in ``telnyx_oauth_api.errors`` (from
``templates/errors.py.jinja``), because the generated functions raise them themselves, whatever
client they are given, and the generated package never imports this one. They are the same
classes here: ``except telnyx_oauth.NotFoundError`` catches what ``get_oauth_client.sync``
raises. Their messages and the parsing of error bodies live there too. The overlay's own errors
(configuration, the authorization-code flow, token storage and verification) are defined here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from telnyx_oauth_api.errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ErrorDetail,
    InternalServerError,
    InvalidDataError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    TelnyxOAuthError,
    UnexpectedStatusError,
    UnprocessableEntityError,
)

if TYPE_CHECKING:
    from ._token import Token

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "AuthorizationCallbackError",
    "AuthorizationRequestUsedError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "ErrorDetail",
    "InternalServerError",
    "InvalidDataError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryAfterTooLongError",
    "StateMismatchError",
    "TelnyxOAuthError",
    "TokenRecordError",
    "TokenStorageError",
    "TokenStoreError",
    "TokenVerificationError",
    "UnexpectedStatusError",
    "UnprocessableEntityError",
]
# connection_error and make_status_error are imported here for the overlay's modules, not users.


class ConfigurationError(TelnyxOAuthError, ValueError):
    """The overlay was set up with missing or contradictory arguments."""


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
    """The callback's ``state`` is missing or does not match the request's."""


class AuthorizationRequestUsedError(StateMismatchError):
    """The authorization request was already used; the message says how. Start a new one.

    A ``StateMismatchError`` because ``state`` is single-use: code that catches that keeps
    working. Raised before any request is sent.
    """


class TokenStorageError(TelnyxOAuthError):
    """The ``on_token`` hook raised; ``token`` is the new token it failed to store."""

    def __init__(self, token: Token) -> None:
        super().__init__("the on_token hook failed to store the new token")
        self.token = token


class TokenVerificationError(TelnyxOAuthError):
    """An access token failed verification; ``reason`` is a short machine-readable word."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class TokenStoreError(TelnyxOAuthError):
    """A token store shared between processes failed: unreachable, timed out, read-only, full, or
    its lock for a key could not be had in time. The message names the store and the reason,
    never a token.

    ``token`` is ``None`` unless a refresh happened and its successor may not be in the store (a
    full disk): the refresh token is spent, ``on_token`` has run, and this is the new token.
    """

    def __init__(self, message: str, *, token: Token | None = None) -> None:
        super().__init__(message)
        self.token = token


class TokenRecordError(TokenStoreError):
    """A record in the token store cannot be read: damaged, written by another version of
    telnyx-oauth, or encrypted with a key this process does not have."""


class RetryAfterTooLongError(APIStatusError):
    """The server asked for a longer wait (``Retry-After``, ``retry-after-ms``,
    ``x-ratelimit-reset``) than ``RetryPolicy.max_retry_after_seconds``, so the request was not
    tried again. ``retry_after_seconds`` is the wait asked for, ``max_retry_after_seconds`` the
    longest the policy honours. Raise the limit, or try again yourself after the wait.

    Raised as a ``RateLimitError`` (429) or ``InternalServerError`` (503) too, so code that
    catches those keeps working.
    """

    retry_after_seconds: float
    max_retry_after_seconds: float

    @classmethod
    def from_status_error(
        cls, error: APIStatusError, *, asked: float, allowed: float
    ) -> RetryAfterTooLongError:
        """``error`` (already built from the response) as this error, its message extended."""
        base = RateLimitError if isinstance(error, RateLimitError) else InternalServerError
        kind = _RateLimitTooLongError if base is RateLimitError else _UnavailableTooLongError
        copy = kind.__new__(kind)
        copy.__dict__.update(error.__dict__)
        message = (
            f"{error.args[0] if error.args else error}: the server asked to wait "
            f"{asked:g} s, longer than the retry policy's max_retry_after_seconds "
            f"({allowed:g} s); not retried"
        )
        copy.args = (message,)
        copy.message = message
        copy.retry_after_seconds = asked
        copy.max_retry_after_seconds = allowed
        return copy


class _RateLimitTooLongError(RetryAfterTooLongError, RateLimitError):
    pass


class _UnavailableTooLongError(RetryAfterTooLongError, InternalServerError):
    pass
