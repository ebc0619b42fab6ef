"""The retry policy as pure functions, and the transports that apply it (docs/design.md)."""

from __future__ import annotations

import logging
import math
import random as _random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx

from telnyx_oauth_api.errors import parse_retry_after_seconds, parse_seconds_header, shown_url

from ._drive import Core, arun, run
from ._errors import ConfigurationError
from ._operations import is_safe_to_retry

# telnyx_oauth.retries is the public face of this module; only the policy is at the top too.
__all__ = ["RetryPolicy"]

logger = logging.getLogger("telnyx_oauth")
_Transport = TypeVar("_Transport")
_Sleep = TypeVar("_Sleep", bound=Callable[[float], Any])

_SAFE_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Raised before any byte of the request left this process.
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
_EPOCH_THRESHOLD_SECONDS = 1_000_000_000.0

# Request extensions: a TransportFailure to note the error that ended the attempts in, and a
# guard asked before each retry with its delay in seconds (False: do not retry).
TRANSPORT_FAILURE_EXTENSION = "telnyx_oauth.transport_failure"
RETRY_GUARD_EXTENSION = "telnyx_oauth.retry_guard"  # Callable[[float], bool]
ASYNC_RETRY_GUARD_EXTENSION = "telnyx_oauth.async_retry_guard"  # ... -> Awaitable[bool]
# Set on a response not retried because its server asked for a longer wait than the policy
# honours: (the wait asked for, the longest honoured), both in seconds.
RETRY_AFTER_REFUSED_EXTENSION = "telnyx_oauth.retry_after_refused"


def not_processed(outcome: httpx.Response | BaseException) -> bool:
    """Whether ``outcome`` proves the server did not act on the request, so that even an unsafe
    one may be repeated: an error before any byte was sent, a 429, a 503 with ``Retry-After``."""
    if isinstance(outcome, BaseException):
        return isinstance(outcome, _NEVER_SENT)
    if outcome.status_code == 503:
        return parse_retry_after_seconds(outcome.headers) is not None
    return outcome.status_code == 429


def should_retry(request: httpx.Request, outcome: httpx.Response | BaseException) -> bool:
    """Whether the policy allows another attempt after ``outcome`` (the retry budget aside)."""
    try:
        request.content  # noqa: B018 - raises for a one-shot stream, which cannot be replayed
    except httpx.RequestNotRead:
        return False
    if not_processed(outcome):
        return True
    if isinstance(outcome, BaseException):
        return isinstance(outcome, _TRANSIENT) and is_safe_to_retry(request)
    return outcome.status_code in _SAFE_RETRY_STATUSES and is_safe_to_retry(request)


def retry_delay(
    attempt: int,
    headers: Mapping[str, str] | httpx.Headers,
    now: float,
    *,
    rate_limited: bool = False,
    random: Callable[[], float] = _random.random,
    policy: RetryPolicy | None = None,
) -> float | None:
    """Seconds to wait before retry ``attempt + 1`` (from 0) by ``policy`` (``RetryPolicy()``), or
    ``None`` (no retry) when the server asked for longer than it honours. ``now``: Unix time;
    ``rate_limited``: a 429 (only then is ``x-ratelimit-reset`` read); ``random``: in [0, 1)."""
    policy = policy or RetryPolicy()
    server_delay = server_retry_delay(headers, now, rate_limited=rate_limited)
    if server_delay is not None:
        return None if server_delay > policy.max_retry_after_seconds else server_delay
    return _backoff(attempt, policy, random)


def server_retry_delay(
    headers: Mapping[str, str] | httpx.Headers, now: float, *, rate_limited: bool
) -> float | None:
    """The wait in seconds the server asked for, or ``None``."""
    hdrs = headers if isinstance(headers, httpx.Headers) else httpx.Headers(headers)
    server_delay = parse_retry_after_seconds(hdrs, now=now)
    if server_delay is None and rate_limited:
        reset = parse_seconds_header(hdrs.get("x-ratelimit-reset"))
        if reset is not None and reset > _EPOCH_THRESHOLD_SECONDS:
            reset = max(reset - now, 0.0)
        server_delay = reset
    return server_delay


def _backoff(attempt: int, policy: RetryPolicy, random: Callable[[], float]) -> float:
    backoff = min(policy.initial_delay_seconds * 2.0**attempt, policy.max_delay_seconds)
    return backoff * (1.0 - policy.jitter_fraction * random())


@dataclass
class TransportFailure:
    """Where the transports note the error that ended a request's attempts, for an auth flow."""

    error: httpx.TransportError | None = None


@dataclass(frozen=True)
class RetryPolicy:
    """How many times, and how long apart, a request is tried again (a value out of range raises
    ``ConfigurationError``). ``max_retries``: retries after the first attempt;
    ``max_retry_after_seconds``: the longest wait a server may ask for that is honoured (a longer
    one raises ``RetryAfterTooLongError`` at once); without one, the backoff doubles from
    ``initial_delay_seconds`` up to ``max_delay_seconds``, each wait cut by a random share up to
    ``jitter_fraction``."""

    max_retries: int = 2
    max_retry_after_seconds: float = 60.0
    initial_delay_seconds: float = 0.5
    max_delay_seconds: float = 8.0
    jitter_fraction: float = 0.25

    def __post_init__(self) -> None:
        seconds = "a finite number of seconds >= 0"
        jitter = self.jitter_fraction
        checks = (
            ("max_retries", _is_count(self.max_retries), "an int >= 0"),
            ("max_retry_after_seconds", _is_seconds(self.max_retry_after_seconds), seconds),
            ("initial_delay_seconds", _is_seconds(self.initial_delay_seconds), seconds),
            ("max_delay_seconds", _is_seconds(self.max_delay_seconds), seconds),
            ("jitter_fraction", _is_seconds(jitter) and jitter <= 1, "a number from 0 to 1"),
        )
        problems = [f"{name} must be {rule}" for name, ok, rule in checks if not ok]
        if problems:
            raise ConfigurationError("RetryPolicy: " + "; ".join(problems))


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_seconds(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < math.inf


def resolve_policy(max_retries: int | None, policy: RetryPolicy | None) -> RetryPolicy:
    """``policy``, or the default one with ``max_retries`` retries."""
    if policy is None:
        return RetryPolicy() if max_retries is None else RetryPolicy(max_retries=max_retries)
    if max_retries is not None:
        raise ConfigurationError("pass either max_retries or retry_policy, not both")
    if not isinstance(policy, RetryPolicy):
        raise ConfigurationError("retry_policy must be a telnyx_oauth.RetryPolicy")
    return policy


class _Retrying(Generic[_Transport, _Sleep]):
    """What both transports share: the settings, and the retry loop written once (``_drive``)."""

    def __init__(
        self,
        transport: _Transport,
        *,
        max_retries: int | None = None,
        policy: RetryPolicy | None = None,
        sleep: _Sleep | None = None,
        clock: Callable[[], float] = time.time,
        random: Callable[[], float] = _random.random,
    ) -> None:
        """Retry around ``transport`` by ``policy`` (or the default one with ``max_retries``);
        ``sleep``, ``clock`` and ``random`` (the jitter) may be replaced in tests."""
        self._transport: Any = transport
        self._policy = resolve_policy(max_retries, policy)
        self._sleep: Callable[[float], Any] = time.sleep if sleep is None else sleep
        if sleep is None and isinstance(self, httpx.AsyncBaseTransport):
            import anyio  # httpx depends on it; imported late to keep `import telnyx_oauth` cheap

            self._sleep = anyio.sleep
        self._clock = clock
        self._random = random

    def _attempts(self, request: httpx.Request, *, is_async: bool) -> Core[httpx.Response]:
        send = self._transport.handle_async_request if is_async else self._transport.handle_request
        guard_key = ASYNC_RETRY_GUARD_EXTENSION if is_async else RETRY_GUARD_EXTENSION
        guard = request.extensions.get(guard_key)
        retries = 0
        while True:
            try:
                outcome: httpx.Response | httpx.TransportError = yield send(request)
            except httpx.TransportError as exc:
                outcome = exc
            delay = self._delay(request, outcome, retries)
            if delay is None or (guard is not None and not (yield guard(delay))):
                break
            if isinstance(outcome, httpx.Response):
                close = outcome.aclose if is_async else outcome.close
                yield close()
            yield self._sleep(delay)
            retries += 1
        if isinstance(outcome, httpx.Response):
            return outcome
        failure = request.extensions.get(TRANSPORT_FAILURE_EXTENSION)
        if isinstance(failure, TransportFailure):
            failure.error = outcome
        raise outcome

    def _delay(
        self, request: httpx.Request, outcome: httpx.Response | BaseException, retries: int
    ) -> float | None:
        if not should_retry(request, outcome):
            return None
        policy, asked = self._policy, None
        if isinstance(outcome, httpx.Response):
            limited = outcome.status_code == 429
            asked = server_retry_delay(outcome.headers, self._clock(), rate_limited=limited)
            if asked is not None and asked > policy.max_retry_after_seconds:
                # Said even when the retries are spent: the caller learns why it was not retried.
                refused = (asked, policy.max_retry_after_seconds)
                outcome.extensions[RETRY_AFTER_REFUSED_EXTENSION] = refused
                return None
        if retries >= policy.max_retries:
            return None
        delay = _backoff(retries, policy, self._random) if asked is None else asked
        if logger.isEnabledFor(logging.INFO):
            status = getattr(outcome, "status_code", None)
            reason = type(outcome).__name__ if status is None else f"status {status}"
            logger.info(
                "Retrying %s %s in %.2f seconds (retry %d of %d) after %s",
                request.method,
                shown_url(request.url),
                delay,
                retries + 1,
                policy.max_retries,
                reason,
            )
        return delay


class RetryTransport(_Retrying[httpx.BaseTransport, Callable[[float], None]], httpx.BaseTransport):
    """Wraps any sync httpx transport and retries by the policy."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return run(self._attempts(request, is_async=False))

    def close(self) -> None:
        self._transport.close()


class AsyncRetryTransport(
    _Retrying[httpx.AsyncBaseTransport, Callable[[float], Awaitable[None]]],
    httpx.AsyncBaseTransport,
):
    """Wraps any async httpx transport and retries by the policy."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await arun(self._attempts(request, is_async=True))

    async def aclose(self) -> None:
        await self._transport.aclose()
