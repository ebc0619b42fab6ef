"""Local verification of access tokens (RS256 JWTs) against the server's JWKS.

``JWKSCache`` fetches the key set through the generated ``get_jwks`` endpoint and keeps it. A token
whose ``kid`` is not in the cache triggers a refetch only if the last such refetch (successful or
not) is at least ``refetch_interval_seconds`` old: a flood of tokens with forged key ids costs the
server one request per interval, not one per token. The first fetch does not start the interval,
so a key rotated in just after it is picked up at once. A failed refetch keeps the cached keys (a
JWKS outage does not stop the verification of tokens signed with known keys) and the token with
the unknown ``kid`` is rejected. Only the very first fetch, with nothing cached, raises the API
error itself: then nothing can be verified, which is an outage, not a bad token.

``verify_access_token`` checks, in order: the compact JWS shape, ``alg`` against an allow-list
(``RS256`` by default; ``none`` and HMAC algorithms can never match a public RSA key), the
signature, then ``exp`` and ``iat`` (required; with a clock leeway), ``iss`` and ``aud`` when
given. Any failure is a ``TokenVerificationError`` whose ``reason`` is one short word; messages
never include the token.

joserfc (and through it ``cryptography``), from the ``verify`` extra, is imported on first
verification, so ``import telnyx_oauth`` stays cheap for programs that never verify tokens.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import threading
import time
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

from ._constants import (
    DEFAULT_JWT_ALGORITHMS,
    JWKS_REFETCH_INTERVAL_SECONDS,
    JWT_CLOCK_LEEWAY_SECONDS,
)
from ._errors import APIError, TokenVerificationError
from ._extras import missing_extra

if TYPE_CHECKING:
    import anyio

    from telnyx_oauth_api import AuthenticatedClient, Client
    from telnyx_oauth_api.models import JsonWebKeySet

__all__ = ["JWKSCache", "averify_access_token", "verify_access_token"]

logger = logging.getLogger("telnyx_oauth")


class JWKSCache:
    """The server's signing keys, fetched on first use and refetched sparingly.

    ``clock`` is monotonic seconds (injectable for tests).
    """

    def __init__(
        self,
        client: AuthenticatedClient | Client,
        *,
        refetch_interval_seconds: float = JWKS_REFETCH_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self.refetch_interval_seconds = refetch_interval_seconds
        self._clock = clock
        self._keys: list[dict[str, Any]] | None = None
        # When an unknown kid last caused a refetch. The first fetch does not count: a key
        # rotated in right after it must be picked up at once, not an interval later.
        self._last_refetch_at: float | None = None
        self._lock = threading.Lock()
        self._async_lock: anyio.Lock | None = None

    def __repr__(self) -> str:
        count = "unfetched" if self._keys is None else f"{len(self._keys)} keys"
        return f"JWKSCache({count})"

    @property
    def keys(self) -> list[dict[str, Any]]:
        """The cached JWKs as dicts (empty before the first fetch)."""
        return list(self._keys or [])

    def get_key(self, kid: str | None) -> dict[str, Any]:
        """The JWK for ``kid``, fetching or refetching the set when the rules allow."""
        cached = self._find(kid)  # the common case takes no lock: verifications run in parallel
        if cached is not None:
            return cached
        with self._lock:
            if self._keys is None:
                self._store(self._fetch_sync())
            key = self._find(kid)
            if key is not None:
                return key
            cause: APIError | None = None
            if self._may_refetch():
                self._last_refetch_at = self._clock()
                try:
                    self._store(self._fetch_sync())
                except APIError as exc:
                    cause = self._refetch_failed(exc)
            return self._found_or_raise(kid, cause)

    async def aget_key(self, kid: str | None) -> dict[str, Any]:
        """Async ``get_key``."""
        cached = self._find(kid)
        if cached is not None:
            return cached
        async with self._get_async_lock():
            if self._keys is None:
                self._store(await self._fetch_async())
            key = self._find(kid)
            if key is not None:
                return key
            cause: APIError | None = None
            if self._may_refetch():
                self._last_refetch_at = self._clock()
                try:
                    self._store(await self._fetch_async())
                except APIError as exc:
                    cause = self._refetch_failed(exc)
            return self._found_or_raise(kid, cause)

    # -- helpers --------------------------------------------------------------------------------

    def _get_async_lock(self) -> anyio.Lock:
        if self._async_lock is None:
            import anyio

            self._async_lock = anyio.Lock()
        return self._async_lock

    def _may_refetch(self) -> bool:
        last = self._last_refetch_at
        return last is None or self._clock() - last >= self.refetch_interval_seconds

    def _refetch_failed(self, exc: APIError) -> APIError:
        logger.warning("JWKS refetch failed (%s); keeping the cached keys", type(exc).__name__)
        return exc

    def _found_or_raise(self, kid: str | None, cause: APIError | None) -> dict[str, Any]:
        key = self._find(kid)
        if key is not None:
            return key
        raise TokenVerificationError(
            "no key in the JWKS matches the token's kid", reason="unknown_kid"
        ) from cause

    def _find(self, kid: str | None) -> dict[str, Any] | None:
        keys = self._keys or []
        if kid is None:
            return keys[0] if len(keys) == 1 else None
        for key in keys:
            if key.get("kid") == kid:
                return key
        return None

    # The generated get_jwks raises the typed errors itself: a status error, or
    # APIResponseValidationError for a body that is not a key set (not JSON, or keys missing).
    def _fetch_sync(self) -> JsonWebKeySet:
        from telnyx_oauth_api.api.oauth import get_jwks

        return get_jwks.sync(client=self._client)

    async def _fetch_async(self) -> JsonWebKeySet:
        from telnyx_oauth_api.api.oauth import get_jwks

        return await get_jwks.asyncio(client=self._client)

    def _store(self, key_set: JsonWebKeySet) -> None:
        self._keys = [key.to_dict() for key in key_set.keys]


def _header(token: str) -> dict[str, Any]:
    parts = token.split(".")
    if len(parts) != 3 or not all(parts):
        raise TokenVerificationError("the token is not a compact JWS", reason="malformed")
    try:
        raw = base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4))
        header = json.loads(raw)
    except (binascii.Error, ValueError):
        raise TokenVerificationError("the token header is not JSON", reason="malformed") from None
    if not isinstance(header, dict):
        raise TokenVerificationError("the token header is not an object", reason="malformed")
    return header


def _precheck(token: str, algorithms: Collection[str]) -> str | None:
    if not token:
        raise TokenVerificationError("the token is empty", reason="malformed")
    header = _header(token)
    alg = header.get("alg")
    if not isinstance(alg, str) or alg not in algorithms:
        raise TokenVerificationError(
            f"algorithm {alg!r} is not allowed (allowed: {', '.join(algorithms)})",
            reason="algorithm",
        )
    kid = header.get("kid")
    if kid is not None and not isinstance(kid, str):
        raise TokenVerificationError("the token's kid is not a string", reason="malformed")
    return kid


def _check(
    token: str,
    jwk_dict: dict[str, Any],
    *,
    issuer: str | None,
    audience: str | Collection[str] | None,
    algorithms: Collection[str],
    leeway_seconds: int,
    now: float | None,
) -> dict[str, Any]:
    try:
        from joserfc import errors, jwk, jwt
    except ImportError as exc:
        raise missing_extra("local token verification", "verify", exc) from None

    try:
        key = jwk.import_key(jwk_dict)
    except errors.JoseError as exc:
        raise TokenVerificationError("the JWKS key cannot be used", reason="invalid_key") from exc
    try:
        decoded = jwt.decode(token, key, algorithms=list(algorithms))
    except errors.BadSignatureError:
        raise TokenVerificationError("bad signature", reason="signature") from None
    except (errors.JoseError, ValueError) as exc:
        raise TokenVerificationError(
            f"the token cannot be decoded ({type(exc).__name__})", reason="malformed"
        ) from None
    options: dict[str, Any] = {"exp": {"essential": True}, "iat": {"essential": True}}
    if issuer is not None:
        options["iss"] = {"essential": True, "value": issuer}
    if audience is not None:
        if isinstance(audience, str):
            options["aud"] = {"essential": True, "value": audience}
        else:
            options["aud"] = {"essential": True, "values": list(audience)}
    registry = jwt.JWTClaimsRegistry(
        now=int(now) if now is not None else None, leeway=leeway_seconds, **options
    )
    claims = decoded.claims
    try:
        registry.validate(claims)
    except errors.ExpiredTokenError:
        raise TokenVerificationError("the token has expired", reason="expired") from None
    except errors.MissingClaimError as exc:
        raise TokenVerificationError(
            f"missing claim(s): {exc.claim}", reason="missing_claim"
        ) from None
    except errors.InvalidClaimError as exc:
        raise TokenVerificationError(
            f"invalid claim: {exc.claim}", reason="invalid_claim"
        ) from None
    return dict(claims)


def verify_access_token(
    token: str,
    *,
    jwks: JWKSCache,
    issuer: str | None = None,
    audience: str | Collection[str] | None = None,
    algorithms: Collection[str] = DEFAULT_JWT_ALGORITHMS,
    leeway_seconds: int = JWT_CLOCK_LEEWAY_SECONDS,
    now: float | None = None,
) -> dict[str, Any]:
    """The claims of ``token`` once its signature and claims check out.

    ``audience`` may be one value or several accepted ones; ``now`` is Unix seconds (default:
    the current time). Raises ``TokenVerificationError``.
    """
    kid = _precheck(token, algorithms)
    key = jwks.get_key(kid)
    return _check(
        token,
        key,
        issuer=issuer,
        audience=audience,
        algorithms=algorithms,
        leeway_seconds=leeway_seconds,
        now=now,
    )


async def averify_access_token(
    token: str,
    *,
    jwks: JWKSCache,
    issuer: str | None = None,
    audience: str | Collection[str] | None = None,
    algorithms: Collection[str] = DEFAULT_JWT_ALGORITHMS,
    leeway_seconds: int = JWT_CLOCK_LEEWAY_SECONDS,
    now: float | None = None,
) -> dict[str, Any]:
    """Async ``verify_access_token`` (only the JWKS fetch is async)."""
    kid = _precheck(token, algorithms)
    key = await jwks.aget_key(kid)
    return _check(
        token,
        key,
        issuer=issuer,
        audience=audience,
        algorithms=algorithms,
        leeway_seconds=leeway_seconds,
        now=now,
    )
