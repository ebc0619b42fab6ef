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

import httpx

from telnyx_oauth_api.errors import connection_error, shown_url

from ._constants import (
    DEFAULT_JWT_ALGORITHMS,
    JWKS_FETCH_DEADLINE_SECONDS,
    JWKS_MAX_BYTES,
    JWKS_REFETCH_INTERVAL_SECONDS,
    JWT_CLOCK_LEEWAY_SECONDS,
)
from ._drive import Core, arun, run
from ._errors import (
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    TokenVerificationError,
)
from ._extras import missing_extra
from ._fork import after_fork_in_child
from ._http import status_error
from ._single_flight import own_copy

if TYPE_CHECKING:
    import anyio

    from telnyx_oauth_api import AuthenticatedClient, Client
    from telnyx_oauth_api.models import JsonWebKeySet

    # What verify_access_token checks besides the signature, in its parameters' order.
    _Checks = tuple[str | None, str | Collection[str] | None, Collection[str], int, float | None]

__all__ = ["JWKSCache", "averify_access_token", "verify_access_token"]

logger = logging.getLogger("telnyx_oauth")


JWKS_PATH = "/v2/oauth/jwks"


class _JWKSBody:
    """The JWKS answer read so far, held to a deadline (monotonic seconds) and a size cap."""

    def __init__(self, deadline_seconds: float, max_bytes: int) -> None:
        self._deadline = time.monotonic() + deadline_seconds
        self._deadline_seconds = deadline_seconds
        self._max_bytes = max_bytes
        self._chunks: list[bytes] = []
        self._size = 0
        self._response: httpx.Response | None = None

    def begin(self, response: httpx.Response) -> None:
        """Check the answer's status (its body read when >= 400) and declared length."""
        self._response = response
        if response.status_code >= 400:  # a client not from connect() does not raise itself
            raise status_error(response)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._max_bytes:
            raise self._too_large()

    def add(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size > self._max_bytes:
            raise self._too_large()
        if time.monotonic() > self._deadline:
            raise self.too_slow()
        self._chunks.append(chunk)

    def parsed(self) -> JsonWebKeySet:
        from telnyx_oauth_api.errors import parse_json_body
        from telnyx_oauth_api.models import JsonWebKeySet

        assert self._response is not None  # noqa: S101 - begin() ran: the stream opened
        whole = httpx.Response(
            self._response.status_code,
            headers=self._response.headers,
            content=b"".join(self._chunks),
            request=self._response.request,
        )
        return parse_json_body(whole, "get_jwks", JsonWebKeySet.from_dict)

    def too_slow(self) -> APITimeoutError:
        request = self._request()
        return APITimeoutError(
            f"GET {shown_url(request.url)}: the JWKS did not arrive within the "
            f"{self._deadline_seconds:g} s fetch deadline",
            request=request,
        )

    def _too_large(self) -> APIResponseValidationError:
        request = self._request()
        return APIResponseValidationError(
            f"GET {shown_url(request.url)}: the JWKS is larger than {self._max_bytes} bytes",
            request=request,
            response=self._response,
        )

    def _request(self) -> httpx.Request:
        assert self._response is not None  # noqa: S101 - only called once the stream opened
        return self._response.request


class JWKSCache:
    """The server's signing keys, fetched on first use and refetched sparingly.

    A fetch takes at most ``fetch_deadline_seconds`` in all (``APITimeoutError`` after) and
    reads at most ``max_jwks_bytes`` (``APIResponseValidationError`` beyond).

    ``clock`` is monotonic seconds (injectable for tests).
    """

    def __init__(
        self,
        client: AuthenticatedClient | Client,
        *,
        refetch_interval_seconds: float = JWKS_REFETCH_INTERVAL_SECONDS,
        fetch_deadline_seconds: float = JWKS_FETCH_DEADLINE_SECONDS,
        max_jwks_bytes: int = JWKS_MAX_BYTES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self.fetch_deadline_seconds = fetch_deadline_seconds
        self.max_jwks_bytes = max_jwks_bytes
        self.refetch_interval_seconds = refetch_interval_seconds
        self._clock = clock
        self._keys: list[dict[str, Any]] | None = None
        # When an unknown kid last caused a refetch. The first fetch does not count: a key
        # rotated in right after it must be picked up at once, not an interval later.
        self._last_refetch_at: float | None = None
        self._fresh_locks()
        after_fork_in_child(self, JWKSCache._fresh_locks)
        # First fetches started, and how the last one failed (see _raise_if_failed_meanwhile).
        self._first_fetches = 0
        self._first_failure: APIError | None = None

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
        attempt = self._first_fetches  # before waiting for the lock: see _lookup
        with self._lock:
            return run(self._lookup(kid, attempt, self._fetch_sync))

    async def aget_key(self, kid: str | None) -> dict[str, Any]:
        """Async ``get_key``: the same lookup, the fetches awaited."""
        cached = self._find(kid)
        if cached is not None:
            return cached
        attempt = self._first_fetches
        async with self._get_async_lock():
            return await arun(self._lookup(kid, attempt, self._fetch_async))

    def _lookup(
        self, kid: str | None, attempt: int, fetch: Callable[[], Any]
    ) -> Core[dict[str, Any]]:
        """A lookup under the lock (``_drive``): it yields ``fetch()`` where a fetch is due and
        gets the key set back (or the fetch's ``APIError``); it returns the key or raises.

        ``attempt`` is the count of first fetches when the caller arrived (see
        ``_raise_if_failed_meanwhile``).
        """
        if self._keys is None:
            self._raise_if_failed_meanwhile(attempt)
            self._first_fetches += 1
            self._first_failure = None
            try:
                self._store((yield fetch()))
            except APIError as exc:
                self._first_failure = exc
                raise
        key = self._find(kid)
        if key is not None:
            return key
        cause: APIError | None = None
        if self._may_refetch():
            self._last_refetch_at = self._clock()
            try:
                self._store((yield fetch()))
            except APIError as exc:
                cause = self._refetch_failed(exc)
        return self._found_or_raise(kid, cause)

    # -- helpers --------------------------------------------------------------------------------

    def _fresh_locks(self) -> None:
        # After a fork too: a parent's thread may have held the lock mid-fetch.
        self._lock = threading.Lock()
        self._async_lock: anyio.Lock | None = None

    def _get_async_lock(self) -> anyio.Lock:
        if self._async_lock is None:
            import anyio

            self._async_lock = anyio.Lock()
        return self._async_lock

    def _raise_if_failed_meanwhile(self, attempt: int) -> None:
        """Callers that waited for the lock while a first fetch failed share its error rather
        than each trying again: eight verifiers behind a stalled JWKS wait one deadline, not
        eight."""
        if self._first_fetches != attempt and self._first_failure is not None:
            raise own_copy(self._first_failure)

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

    # Streamed, not through the generated get_jwks: a JWKS endpoint that trickles bytes (each
    # read within the timeout) or sends hundreds of megabytes must not hold or fill a verifier.
    # The fetch has a total deadline and a size cap; the answer is parsed as get_jwks does.
    def _fetch_sync(self) -> JsonWebKeySet:
        http = self._client.get_httpx_client()
        body = _JWKSBody(self.fetch_deadline_seconds, self.max_jwks_bytes)
        try:
            with http.stream("GET", JWKS_PATH, timeout=self.fetch_deadline_seconds) as response:
                if response.status_code >= 400:
                    response.read()
                body.begin(response)
                for chunk in response.iter_bytes():
                    body.add(chunk)
        except httpx.TransportError as exc:
            raise connection_error(exc) from exc
        return body.parsed()

    async def _fetch_async(self) -> JsonWebKeySet:
        import anyio

        http = self._client.get_async_httpx_client()
        body = _JWKSBody(self.fetch_deadline_seconds, self.max_jwks_bytes)
        try:
            with anyio.fail_after(self.fetch_deadline_seconds):
                async with http.stream(
                    "GET", JWKS_PATH, timeout=self.fetch_deadline_seconds
                ) as response:
                    if response.status_code >= 400:
                        await response.aread()
                    body.begin(response)
                    async for chunk in response.aiter_bytes():
                        body.add(chunk)
        except httpx.TransportError as exc:
            raise connection_error(exc) from exc
        except TimeoutError:
            raise body.too_slow() from None
        return body.parsed()

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
    checks = (issuer, audience, algorithms, leeway_seconds, now)
    return run(_verify(token, jwks, checks, is_async=False))


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
    checks = (issuer, audience, algorithms, leeway_seconds, now)
    return await arun(_verify(token, jwks, checks, is_async=True))


def _verify(
    token: str, jwks: JWKSCache, checks: _Checks, *, is_async: bool
) -> Core[dict[str, Any]]:
    issuer, audience, algorithms, leeway_seconds, now = checks
    kid = _precheck(token, algorithms)
    key = yield jwks.aget_key(kid) if is_async else jwks.get_key(kid)
    return _check(
        token,
        key,
        issuer=issuer,
        audience=audience,
        algorithms=algorithms,
        leeway_seconds=leeway_seconds,
        now=now,
    )
