"""The exception tree: the API errors, defined once in ``telnyx_oauth_api.errors`` (the generated
code raises them), re-exported, plus the overlay's own (docs/design.md, "Errors")."""

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


class ConfigurationError(TelnyxOAuthError, ValueError):
    """The overlay was set up with missing or contradictory arguments."""


def missing_extra(feature: str, extra: str, exc: ImportError) -> ConfigurationError:
    """A missing optional library (an extra), with the ``pip install`` that brings it."""
    library = (exc.name or "a library it needs").partition(".")[0]
    return ConfigurationError(
        f"{feature} needs {library}, which is not installed: pip install 'telnyx-oauth[{extra}]'"
    )


class AuthorizationCallbackError(TelnyxOAuthError):
    """The authorization server redirected back with an error (RFC 6749 section 4.1.2.1)."""

    def __init__(self, error: str, error_description: str | None = None) -> None:
        detail = f": {error_description}" if error_description else ""
        super().__init__(f"authorization failed: {error}{detail}")
        self.error = error
        self.error_description = error_description


class StateMismatchError(TelnyxOAuthError):
    """The callback's ``state`` is missing or does not match the request's."""


class AuthorizationRequestUsedError(StateMismatchError):
    """The authorization request was already used (the message says how); start a new one."""


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
    """A shared token store failed; ``token`` is the new token when a refresh happened but its
    successor may not be stored (the refresh token is spent, ``on_token`` has run)."""

    def __init__(self, message: str, *, token: Token | None = None) -> None:
        super().__init__(message)
        self.token = token


class TokenRecordError(TokenStoreError):
    """A record in the store cannot be read: damaged, another version's, or another key's."""


class RetryAfterTooLongError(APIStatusError):
    """The server asked for a longer wait (``retry_after_seconds``) than the retry policy
    honours (``max_retry_after_seconds``); not retried. Also a ``RateLimitError`` (429) or an
    ``InternalServerError`` (503)."""

    retry_after_seconds: float
    max_retry_after_seconds: float

    @classmethod
    def from_status_error(
        cls, error: APIStatusError, *, asked: float, allowed: float
    ) -> RetryAfterTooLongError:
        """``error`` (already built from the response) as this error, its message extended."""
        rate_limited = isinstance(error, RateLimitError)  # else a 503, the other retried status
        kind = _RateLimitTooLongError if rate_limited else _UnavailableTooLongError
        copy = kind.__new__(kind)
        copy.__dict__.update(error.__dict__)
        copy.message = (
            f"{error.message}: the server asked to wait {asked:g} s, longer than the retry "
            f"policy's max_retry_after_seconds ({allowed:g} s); not retried"
        )
        copy.args = (copy.message,)
        copy.retry_after_seconds = asked
        copy.max_retry_after_seconds = allowed
        return copy


class _RateLimitTooLongError(RetryAfterTooLongError, RateLimitError):
    pass


class _UnavailableTooLongError(RetryAfterTooLongError, InternalServerError):
    pass
