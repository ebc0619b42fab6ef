"""The public surface and the cost of importing it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import telnyx_oauth

EXPECTED = {
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ApiKeyAuth",
    "AsyncPage",
    "AsyncPaginator",
    "AsyncRetryTransport",
    "AsyncTokenLease",
    "AuthenticationError",
    "AuthorizationCallbackError",
    "AuthorizationCodeFlow",
    "AuthorizationRequest",
    "AuthorizationRequestUsedError",
    "BadRequestError",
    "ClientAuthMethod",
    "ClientCredentials",
    "ClientSecretBasic",
    "ConfigurationError",
    "ConflictError",
    "EncryptedTokenStore",
    "ErrorDetail",
    "InternalServerError",
    "InvalidDataError",
    "JWKSCache",
    "NotFoundError",
    "Page",
    "Paginator",
    "PermissionDeniedError",
    "RateLimitError",
    "RedisTokenStore",
    "RetryTransport",
    "SQLiteTokenStore",
    "StateMismatchError",
    "TelnyxOAuthError",
    "Token",
    "TokenLease",
    "TokenRecordError",
    "TokenStorageError",
    "TokenStore",
    "TokenStoreError",
    "TokenVerificationError",
    "UnexpectedStatusError",
    "UnprocessableEntityError",
    "aget_authorization_server_metadata",
    "aget_protected_resource_metadata",
    "apaginate",
    "averify_access_token",
    "connect",
    "connect_anonymous",
    "get_authorization_server_metadata",
    "get_protected_resource_metadata",
    "is_safe_to_retry",
    "paginate",
    "retry_delay",
    "should_retry",
    "verify_access_token",
}


def test_all_is_exactly_the_public_surface() -> None:
    """__all__ lists exactly the public names, sorted, and each one exists."""
    assert set(telnyx_oauth.__all__) == EXPECTED
    assert list(telnyx_oauth.__all__) == sorted(telnyx_oauth.__all__)
    assert len(telnyx_oauth.__all__) == len(EXPECTED)
    for name in telnyx_oauth.__all__:
        assert getattr(telnyx_oauth, name) is not None


def test_no_other_public_names() -> None:
    """Every public attribute of the package is in __all__ (modules are private)."""
    public = {
        name for name in vars(telnyx_oauth) if not name.startswith("_") and name != "annotations"
    }
    assert public == EXPECTED


def test_exceptions_share_one_root() -> None:
    """Every exported exception derives from TelnyxOAuthError."""
    for name in telnyx_oauth.__all__:
        value = getattr(telnyx_oauth, name)
        if isinstance(value, type) and issubclass(value, BaseException):
            assert issubclass(value, telnyx_oauth.TelnyxOAuthError), name


def test_import_is_lazy() -> None:
    """Importing telnyx_oauth loads the generated client and error tree, but no generated model,
    no endpoint module, neither joserfc nor anyio, no attrs at all, and none of what the token
    stores use (sqlite3, redis-py, cryptography)."""
    code = (
        "import sys, telnyx_oauth; "
        "heavy = [m for m in sys.modules if m.startswith(('telnyx_oauth_api.models.', "
        "'telnyx_oauth_api.api.', 'joserfc', 'cryptography', 'attr', 'anyio', 'sqlite3', "
        "'_sqlite3', 'redis'))]; print(heavy)"
    )
    root = Path(telnyx_oauth.__file__).resolve().parents[2]
    env_path = f"{root / 'overlay'}:{root / 'generated'}"
    result = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": env_path},
    )
    assert result.stdout.strip() == "[]"
