"""Retry policy as small pure functions, plus two thin transports that apply it.

Whether a request may be repeated depends on the operation, not only on the method
(``is_safe_to_retry``, in ``_operations`` with the rest of what the overlay knows of the API's
operations). Safe requests are retried on 408, 429, 500, 502, 503, 504, on connection errors and
on timeouts. Unsafe ones (the code exchange, the refresh grant, register, create client, the
consent decision) are retried only when the request surely never reached the server
(``ConnectError``, ``ConnectTimeout``, ``PoolTimeout``: no connection, so no bytes sent) or when
the server said the request was not processed (``not_processed``): any 429 (a rate-limit
rejection happens before the request is handled), or a 503 that carries
``Retry-After``/``retry-after-ms``. A bare 503, a 502 or a read timeout may come after the
server acted, so they are raised, never repeated.

A request whose body is a stream that cannot be replayed is never retried.

The delay (``retry_delay``) is the first of ``retry-after-ms``, ``Retry-After`` (seconds or an
HTTP date), ``x-ratelimit-reset`` (seconds until the window resets; Telnyx's 429s carry it and not
``Retry-After``; read for a 429 only, since the gateway sends it on every answer and a 5xx with
quota left must back off rather than wait out the window), else exponential backoff with jitter
and a cap. A server-given delay longer than
``MAX_SERVER_RETRY_DELAY_SECONDS`` ends the retries: the caller gets the error (a
``RateLimitError`` carries the delay) instead of a thread parked for minutes.

The transports sit below ``httpx.Auth``, so a retried request keeps the credentials it was sent
with and a token is never fetched twice because of a retry. A request may carry a guard
(``RETRY_GUARD_EXTENSION``, ``ASYNC_RETRY_GUARD_EXTENSION``) that is asked before each retry,
with the delay: a token request made under a token store's lock extends the lock to cover the
wait and the next attempt, and is not retried once the lock is lost. Sleep, clock and jitter
source are injectable so tests never wait.
"""

from __future__ import annotations

import logging
import math
import random as _random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from telnyx_oauth_api.errors import parse_retry_after_seconds, parse_seconds_header, shown_url

from ._constants import (
    DEFAULT_MAX_RETRIES,
    INITIAL_RETRY_DELAY_SECONDS,
    MAX_RETRY_DELAY_SECONDS,
    MAX_SERVER_RETRY_DELAY_SECONDS,
    RATELIMIT_RESET_EPOCH_THRESHOLD_SECONDS,
    RETRY_JITTER_FRACTION,
)
from ._drive import Core, arun, run
from ._errors import ConfigurationError
from ._operations import is_safe_to_retry

# telnyx_oauth.retries is the public face of this module; only the policy is at the top too.
__all__ = ["RetryPolicy"]

logger = logging.getLogger("telnyx_oauth")

_SAFE_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Raised before any byte of the request left this process.
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def not_processed(outcome: httpx.Response | BaseException) -> bool:
    """Whether ``outcome`` proves the server did not act on the request.

    True for an error raised before any byte was sent (``ConnectError``, ``ConnectTimeout``,
    ``PoolTimeout``), a 429 (rate limiting rejects before handling), and a 503 that carries
    ``Retry-After``/``retry-after-ms``. Such a request may be repeated even when it is unsafe:
    a code exchange after one still holds an unspent code.
    """
    if isinstance(outcome, BaseException):
        return isinstance(outcome, _NEVER_SENT)
    status = outcome.status_code
    return status == 429 or (status == 503 and _has_retry_after(outcome.headers))


def should_retry(request: httpx.Request, outcome: httpx.Response | BaseException) -> bool:
    """Whether the policy allows another attempt after ``outcome`` (a response or an error).

    The retry budget is not checked here; the transports do that.
    """
    if not _replayable(request):
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
    """Seconds to wait before retry number ``attempt + 1`` (``attempt`` counts from 0).

    ``now`` is the current Unix time in seconds (for HTTP-date and epoch headers);
    ``rate_limited`` says the answer was a 429, the only one whose ``x-ratelimit-reset`` is the
    time to wait; ``random`` returns a float in ``[0, 1)`` for the jitter; ``policy`` gives the
    backoff and the longest server-given wait (default: ``RetryPolicy()``). Returns ``None`` when
    the server asked for a longer wait than ``policy.max_retry_after_seconds``: do not retry then.
    """
    policy = policy or RetryPolicy()
    server_delay = server_retry_delay(headers, now, rate_limited=rate_limited)
    if server_delay is not None:
        return None if server_delay > policy.max_retry_after_seconds else server_delay
    backoff = min(policy.initial_delay_seconds * 2.0**attempt, policy.max_delay_seconds)
    return backoff * (1.0 - policy.jitter_fraction * random())


def server_retry_delay(
    headers: Mapping[str, str] | httpx.Headers, now: float, *, rate_limited: bool
) -> float | None:
    """The wait in seconds the server asked for (``retry-after-ms``, ``Retry-After``, and on a
    429 ``x-ratelimit-reset``), or ``None`` when it asked for none."""
    hdrs = headers if isinstance(headers, httpx.Headers) else httpx.Headers(headers)
    server_delay = parse_retry_after_seconds(hdrs, now=now)
    if server_delay is None and rate_limited:
        reset = parse_seconds_header(hdrs.get("x-ratelimit-reset"))
        if reset is not None and reset > RATELIMIT_RESET_EPOCH_THRESHOLD_SECONDS:
            reset = max(reset - now, 0.0)
        server_delay = reset
    return server_delay


def _has_retry_after(headers: httpx.Headers) -> bool:
    return parse_retry_after_seconds(headers) is not None


def _replayable(request: httpx.Request) -> bool:
    try:
        request.content  # noqa: B018 - raises when the body is a one-shot stream
    except httpx.RequestNotRead:
        return False
    return True


TRANSPORT_FAILURE_EXTENSION = "telnyx_oauth.transport_failure"


class TransportFailure:
    """Where the retry transports leave the error that ended a request's attempts.

    httpx never shows an ``httpx.Auth`` flow why a request it yielded failed: it closes the flow
    (``GeneratorExit``) and raises the error to the caller. A flow that must tell other callers
    what happened (``ClientCredentials`` sharing a failed token request with its waiters) puts
    one of these under ``TRANSPORT_FAILURE_EXTENSION`` in the request's extensions.
    """

    __slots__ = ("error",)

    def __init__(self) -> None:
        self.error: httpx.TransportError | None = None


def _note_failure(request: httpx.Request, error: httpx.TransportError) -> None:
    failure = request.extensions.get(TRANSPORT_FAILURE_EXTENSION)
    if isinstance(failure, TransportFailure):
        failure.error = error


# Asked before each retry with its delay in seconds; False: do not retry (see the docstring).
RETRY_GUARD_EXTENSION = "telnyx_oauth.retry_guard"  # Callable[[float], bool]
ASYNC_RETRY_GUARD_EXTENSION = "telnyx_oauth.async_retry_guard"  # ... -> Awaitable[bool]


@dataclass(frozen=True)
class RetryPolicy:
    """How many times, and how long apart, a request is tried again.

    - ``max_retries``: retries after the first attempt (attempts in all: ``max_retries + 1``);
    - ``max_retry_after_seconds``: the longest wait a server may ask for (``Retry-After``,
      ``retry-after-ms``, ``x-ratelimit-reset``) that is still honoured. A longer one is not
      shortened (retrying early only earns another 429): the call raises
      ``RetryAfterTooLongError`` at once, carrying both figures;
    - ``initial_delay_seconds``, ``max_delay_seconds``: the backoff when the server names no
      wait, doubling from the first up to the second;
    - ``jitter_fraction``: each backoff is multiplied by a random factor in
      ``[1 - jitter_fraction, 1]`` so that clients failing together do not retry together.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    max_retry_after_seconds: float = MAX_SERVER_RETRY_DELAY_SECONDS
    initial_delay_seconds: float = INITIAL_RETRY_DELAY_SECONDS
    max_delay_seconds: float = MAX_RETRY_DELAY_SECONDS
    jitter_fraction: float = RETRY_JITTER_FRACTION

    def __post_init__(self) -> None:
        seconds = "a finite number of seconds >= 0"
        checks = (
            ("max_retries", _is_count(self.max_retries), "an int >= 0"),
            ("max_retry_after_seconds", _is_seconds(self.max_retry_after_seconds), seconds),
            ("initial_delay_seconds", _is_seconds(self.initial_delay_seconds), seconds),
            ("max_delay_seconds", _is_seconds(self.max_delay_seconds), seconds),
            (
                "jitter_fraction",
                _is_seconds(self.jitter_fraction) and self.jitter_fraction <= 1,
                "a number from 0 to 1",
            ),
        )
        problems = [f"{name} must be {rule}" for name, ok, rule in checks if not ok]
        if problems:
            raise ConfigurationError("RetryPolicy: " + "; ".join(problems))


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_seconds(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= 0
    )


def resolve_policy(max_retries: int | None, policy: RetryPolicy | None) -> RetryPolicy:
    """The policy a transport or ``connect()`` uses: ``policy``, or the default one with
    ``max_retries`` retries."""
    if policy is not None and max_retries is not None:
        raise ConfigurationError("pass either max_retries or retry_policy, not both")
    if policy is not None:
        if not isinstance(policy, RetryPolicy):
            raise ConfigurationError("retry_policy must be a telnyx_oauth.RetryPolicy")
        return policy
    return RetryPolicy(max_retries=DEFAULT_MAX_RETRIES if max_retries is None else max_retries)


# Set on a response the policy did not retry because its server asked for a longer wait than
# the policy honours: (the wait asked for, the longest honoured), both in seconds.
RETRY_AFTER_REFUSED_EXTENSION = "telnyx_oauth.retry_after_refused"


class _Policy:
    def __init__(
        self,
        policy: RetryPolicy,
        clock: Callable[[], float],
        random: Callable[[], float],
    ) -> None:
        self.policy = policy
        self.max_retries = policy.max_retries
        self.clock = clock
        self.random = random

    def delay(
        self, request: httpx.Request, outcome: httpx.Response | BaseException, retries: int
    ) -> float | None:
        if not should_retry(request, outcome):
            return None
        response = outcome if isinstance(outcome, httpx.Response) else None
        now = self.clock()
        headers = httpx.Headers() if response is None else response.headers
        rate_limited = response is not None and response.status_code == 429
        if response is not None:
            asked = server_retry_delay(headers, now, rate_limited=rate_limited)
            if asked is not None and asked > self.policy.max_retry_after_seconds:
                # Said even when the retries are spent: the caller learns why it was not retried.
                response.extensions[RETRY_AFTER_REFUSED_EXTENSION] = (
                    asked,
                    self.policy.max_retry_after_seconds,
                )
                return None
        if retries >= self.max_retries:
            return None
        delay = retry_delay(
            retries,
            headers,
            now,
            rate_limited=rate_limited,
            random=self.random,
            policy=self.policy,
        )
        if delay is not None and logger.isEnabledFor(logging.INFO):
            reason = (
                f"status {outcome.status_code}"
                if isinstance(outcome, httpx.Response)
                else type(outcome).__name__
            )
            # Scheme, host and path only: a query string is the caller's business, and a consent
            # token in the path is a capability (``shown_url`` masks it).
            logger.info(
                "Retrying %s %s in %.2f seconds (retry %d of %d) after %s",
                request.method,
                shown_url(request.url),
                delay,
                retries + 1,
                self.max_retries,
                reason,
            )
        return delay


def _final(
    request: httpx.Request, outcome: httpx.Response | httpx.TransportError
) -> httpx.Response:
    """The last attempt's response, or its error raised (and noted for the auth flow)."""
    if isinstance(outcome, httpx.Response):
        return outcome
    _note_failure(request, outcome)
    raise outcome


class _Retrying:
    """The retry loop both transports run, written once (``_drive``): an attempt, the policy's
    delay, the request's guard, the wait."""

    def __init__(
        self,
        transport: Any,
        max_retries: int | None,
        policy: RetryPolicy | None,
        sleep: Callable[[float], Any],
        clock: Callable[[], float],
        random: Callable[[], float],
    ) -> None:
        self._transport = transport
        self._policy = _Policy(resolve_policy(max_retries, policy), clock, random)
        self._sleep = sleep

    def _attempts(self, request: httpx.Request, *, is_async: bool) -> Core[httpx.Response]:
        transport, retries = self._transport, 0
        while True:
            try:
                outcome: httpx.Response | httpx.TransportError = yield (
                    transport.handle_async_request(request)
                    if is_async
                    else transport.handle_request(request)
                )
            except httpx.TransportError as exc:
                outcome = exc
            delay = self._policy.delay(request, outcome, retries)
            guard = request.extensions.get(
                ASYNC_RETRY_GUARD_EXTENSION if is_async else RETRY_GUARD_EXTENSION
            )
            if delay is not None and guard is not None and not (yield guard(delay)):
                delay = None
            if delay is None:
                return _final(request, outcome)
            if isinstance(outcome, httpx.Response) and is_async:
                yield outcome.aclose()
            elif isinstance(outcome, httpx.Response):
                outcome.close()
            yield self._sleep(delay)
            retries += 1


class RetryTransport(_Retrying, httpx.BaseTransport):
    """Wraps any sync httpx transport and retries by the policy above."""

    def __init__(
        self,
        transport: httpx.BaseTransport,
        *,
        max_retries: int | None = None,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        random: Callable[[], float] = _random.random,
    ) -> None:
        super().__init__(transport, max_retries, policy, sleep, clock, random)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return run(self._attempts(request, is_async=False))

    def close(self) -> None:
        self._transport.close()


async def _anyio_sleep(seconds: float) -> None:
    import anyio  # httpx depends on it; imported late to keep `import telnyx_oauth` cheap

    await anyio.sleep(seconds)


class AsyncRetryTransport(_Retrying, httpx.AsyncBaseTransport):
    """Wraps any async httpx transport and retries by the policy above."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport,
        *,
        max_retries: int | None = None,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], Awaitable[None]] = _anyio_sleep,
        clock: Callable[[], float] = time.time,
        random: Callable[[], float] = _random.random,
    ) -> None:
        super().__init__(transport, max_retries, policy, sleep, clock, random)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await arun(self._attempts(request, is_async=True))

    async def aclose(self) -> None:
        await self._transport.aclose()
