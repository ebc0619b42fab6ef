"""Local verification of RS256 access tokens against the server's JWKS (``JWKSCache``); the
checks and the refetch rules, and why: docs/design.md, "Local verification"."""

from __future__ import annotations

import base64
import json
import logging
import threading
import time
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Any

import httpx

from telnyx_oauth_api.errors import connection_error, parse_json_body, shown_url

from ._drive import Core, arun, run
from ._errors import (
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    TokenVerificationError,
    missing_extra,
)
from ._fork import after_fork_in_child
from ._http import status_error
from ._single_flight import own_copy

if TYPE_CHECKING:
    import anyio

    from telnyx_oauth_api import AuthenticatedClient, Client

    _Checks = tuple[str | None, str | Collection[str] | None, Collection[str], int, float | None]

__all__ = ["JWKSCache", "averify_access_token", "verify_access_token"]

JWKS_PATH = "/v2/oauth/jwks"


class _JWKSBody:
    """The JWKS answer read so far, held to the cache's fetch deadline and size cap."""

    def __init__(self, cache: JWKSCache, http: httpx.Client | httpx.AsyncClient) -> None:
        self.request = http.build_request("GET", JWKS_PATH)  # named by errors before an answer
        self._cache = cache
        self._deadline = time.monotonic() + cache.fetch_deadline_seconds
        self._content = bytearray()
        self._response: httpx.Response | None = None

    def begin(self, response: httpx.Response) -> None:
        """Check the answer's status (its body read when >= 400) and declared length."""
        self._response, self.request = response, response.request
        if response.status_code >= 400:  # a client not from connect() does not raise itself
            raise status_error(response)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._cache.max_jwks_bytes:
            raise self._too_large()

    def add(self, chunk: bytes) -> None:
        self._content += chunk
        if len(self._content) > self._cache.max_jwks_bytes:
            raise self._too_large()
        if time.monotonic() > self._deadline:
            raise self.too_slow()

    def keys(self, response: httpx.Response) -> list[dict[str, Any]]:
        from telnyx_oauth_api.models import JsonWebKeySet

        content = bytes(self._content)
        whole = httpx.Response(
            response.status_code, headers=response.headers, content=content, request=self.request
        )
        key_set = parse_json_body(whole, "get_jwks", JsonWebKeySet.from_dict)
        return [key.to_dict() for key in key_set.keys]

    def too_slow(self) -> APITimeoutError:
        return APITimeoutError(
            f"GET {shown_url(self.request.url)}: the JWKS did not arrive within the "
            f"{self._cache.fetch_deadline_seconds:g} s fetch deadline",
            request=self.request,
        )

    def _too_large(self) -> APIResponseValidationError:
        return APIResponseValidationError(
            f"GET {shown_url(self.request.url)}: the JWKS is larger than "
            f"{self._cache.max_jwks_bytes} bytes",
            request=self.request,
            response=self._response,
        )


class JWKSCache:
    """The server's signing keys, fetched on first use and refetched sparingly.

    A fetch takes at most ``fetch_deadline_seconds`` in all (``APITimeoutError`` after) and
    reads at most ``max_jwks_bytes`` (``APIResponseValidationError`` beyond); ``clock`` is
    monotonic seconds (tests inject one)."""

    def __init__(
        self,
        client: AuthenticatedClient | Client,
        *,
        refetch_interval_seconds: float = 300.0,
        fetch_deadline_seconds: float = 10.0,
        max_jwks_bytes: int = 1_048_576,  # a real key set is a few kB
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self.fetch_deadline_seconds = fetch_deadline_seconds
        self.max_jwks_bytes = max_jwks_bytes
        self.refetch_interval_seconds = refetch_interval_seconds
        self._clock = clock
        self._keys: list[dict[str, Any]] | None = None
        self._last_refetch_at = float("-inf")  # set by unknown kids, not by the first fetch
        self._fresh_locks()
        after_fork_in_child(self, JWKSCache._fresh_locks)
        self._first_fetches = 0
        self._first_failure: APIError | None = None

    def _fresh_locks(self) -> None:
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
        if (cached := self._find(kid)) is not None:
            return cached  # the common case takes no lock: verifications run in parallel
        attempt = self._first_fetches  # before waiting for the lock: see _lookup
        with self._lock:
            return run(self._lookup(kid, attempt, self._fetch_sync))

    async def aget_key(self, kid: str | None) -> dict[str, Any]:
        """Async ``get_key``: the same lookup, the fetches awaited."""
        if (cached := self._find(kid)) is not None:
            return cached
        attempt = self._first_fetches
        if self._async_lock is None:
            import anyio

            self._async_lock = anyio.Lock()
        async with self._async_lock:
            return await arun(self._lookup(kid, attempt, self._fetch_async))

    def _lookup(
        self, kid: str | None, attempt: int, fetch: Callable[[], Any]
    ) -> Core[dict[str, Any]]:
        """Under the lock; ``attempt`` is the count of first fetches when the caller arrived."""
        if self._keys is None:
            # Callers that queued behind a failed first fetch share its error, not a new deadline.
            if self._first_fetches != attempt and self._first_failure is not None:
                raise own_copy(self._first_failure)
            self._first_fetches += 1
            self._first_failure = None
            try:
                self._keys = yield fetch()
            except APIError as exc:
                self._first_failure = exc
                raise
        now, cause = self._clock(), None
        if self._find(kid) is None and now - self._last_refetch_at >= self.refetch_interval_seconds:
            self._last_refetch_at = now
            try:
                self._keys = yield fetch()
            except APIError as exc:
                logging.getLogger("telnyx_oauth").warning(
                    "JWKS refetch failed (%s); keeping the cached keys", type(exc).__name__
                )
                cause = exc
        if (key := self._find(kid)) is None:
            raise TokenVerificationError(
                "no key in the JWKS matches the token's kid", reason="unknown_kid"
            ) from cause
        return key

    def _find(self, kid: str | None) -> dict[str, Any] | None:
        keys = self._keys or []
        if kid is None:
            return keys[0] if len(keys) == 1 else None
        return next((key for key in keys if key.get("kid") == kid), None)

    # Streamed, to a deadline and a size cap, rather than read by the generated get_jwks.
    def _fetch_sync(self) -> list[dict[str, Any]]:
        http = self._client.get_httpx_client()
        body = _JWKSBody(self, http)
        try:
            with http.stream("GET", JWKS_PATH, timeout=self.fetch_deadline_seconds) as response:
                if response.status_code >= 400:
                    response.read()
                body.begin(response)
                for chunk in response.iter_bytes():
                    body.add(chunk)
        except httpx.TransportError as exc:
            raise connection_error(exc) from exc
        return body.keys(response)

    async def _fetch_async(self) -> list[dict[str, Any]]:
        import anyio

        http = self._client.get_async_httpx_client()
        body = _JWKSBody(self, http)
        deadline = self.fetch_deadline_seconds
        try:
            with anyio.fail_after(deadline):
                async with http.stream("GET", JWKS_PATH, timeout=deadline) as response:
                    if response.status_code >= 400:
                        await response.aread()
                    body.begin(response)
                    async for chunk in response.aiter_bytes():
                        body.add(chunk)
        except httpx.TransportError as exc:
            raise connection_error(exc) from exc
        except TimeoutError:
            raise body.too_slow() from None
        return body.keys(response)


def _precheck(token: str, algorithms: Collection[str]) -> str | None:
    """The token's ``kid``, once its shape and ``alg`` pass (before any key is fetched)."""
    parts = token.split(".")
    if not token:
        raise TokenVerificationError("the token is empty", reason="malformed")
    if len(parts) != 3 or not all(parts):
        raise TokenVerificationError("the token is not a compact JWS", reason="malformed")
    try:
        header = json.loads(base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)))
    except (ValueError, RecursionError):  # binascii.Error, JSONDecodeError; deep nesting
        raise TokenVerificationError("the token header is not JSON", reason="malformed") from None
    if not isinstance(header, dict):
        raise TokenVerificationError("the token header is not an object", reason="malformed")
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


def _check(token: str, jwk_dict: dict[str, Any], checks: _Checks) -> dict[str, Any]:
    issuer, audience, algorithms, leeway_seconds, now = checks
    try:
        from joserfc import errors, jwk, jwt
    except ImportError as exc:
        raise missing_extra("local token verification", "verify", exc) from None
    try:
        key = jwk.import_key(jwk_dict)
    except errors.JoseError as exc:
        raise TokenVerificationError("the JWKS key cannot be used", reason="invalid_key") from exc
    try:
        claims = jwt.decode(token, key, algorithms=list(algorithms)).claims
    except errors.BadSignatureError:
        raise TokenVerificationError("bad signature", reason="signature") from None
    except (errors.JoseError, ValueError, RecursionError) as exc:
        raise TokenVerificationError(
            f"the token cannot be decoded ({type(exc).__name__})", reason="malformed"
        ) from None
    options: dict[str, Any] = {"exp": {"essential": True}, "iat": {"essential": True}}
    if issuer is not None:
        options["iss"] = {"essential": True, "value": issuer}
    if audience is not None:  # one accepted value or several
        accepted = [audience] if isinstance(audience, str) else list(audience)
        options["aud"] = {"essential": True, "values": accepted}
    registry = jwt.JWTClaimsRegistry(
        now=int(now) if now is not None else None, leeway=leeway_seconds, **options
    )
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
    algorithms: Collection[str] = ("RS256",),
    leeway_seconds: int = 60,
    now: float | None = None,
) -> dict[str, Any]:
    """The claims of ``token`` once its signature and claims check out.

    ``audience`` may be one value or several accepted ones; ``now`` is Unix seconds (default:
    the current time). Raises ``TokenVerificationError``."""
    key = jwks.get_key(_precheck(token, algorithms))
    return _check(token, key, (issuer, audience, algorithms, leeway_seconds, now))


async def averify_access_token(
    token: str,
    *,
    jwks: JWKSCache,
    issuer: str | None = None,
    audience: str | Collection[str] | None = None,
    algorithms: Collection[str] = ("RS256",),
    leeway_seconds: int = 60,
    now: float | None = None,
) -> dict[str, Any]:
    """Async ``verify_access_token`` (only the JWKS fetch is async)."""
    key = await jwks.aget_key(_precheck(token, algorithms))
    return _check(token, key, (issuer, audience, algorithms, leeway_seconds, now))
