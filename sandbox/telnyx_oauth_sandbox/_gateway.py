"""What stands in front of the API: request counts, rate limiting, injected faults, and the guard
that turns an unexpected bug into a JSON 500 without a traceback.

Paths under ``/_sandbox/`` pass straight through: they are neither counted, limited nor faulted.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import fnmatch
import hashlib
import json
import logging
import math
import re
import threading
import traceback
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import unquote_plus

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._clock import Clock
from ._errors import api_error_body

logger = logging.getLogger("telnyx_oauth_sandbox")
# One line per answer: method, operation (or path without its query) and status. uvicorn's own
# access log is off: it prints query strings and paths that carry consent tokens.
access_logger = logging.getLogger("telnyx_oauth_sandbox.access")

RAW_SEND_SCOPE_KEY = "telnyx_oauth_sandbox.raw_send"
SANDBOX_PREFIX = "/_sandbox/"
CONSENT_PREFIX = "/v2/oauth/consent/"

Sleep = Callable[[float], Awaitable[None]]


class ConnectionDroppedError(Exception):
    """Raised when a dropped connection was asked for but no socket is reachable (in-process)."""


# -- request counts -------------------------------------------------------------------------


def shown_path(path: str) -> str:
    """``path`` fit for a log line or a stats key: a consent token (a capability) is masked,
    whether or not the rest of the path matches an operation."""
    if path.startswith(CONSENT_PREFIX):
        return CONSENT_PREFIX + "{consent_token}"
    return path


class Stats:
    """Server-side counts of the requests the API saw, so client tests can count retries."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: Counter[str] = Counter()
        self._operations: Counter[str] = Counter()
        self._statuses: Counter[str] = Counter()
        self._grant_types: Counter[str] = Counter()

    def count_request(self, method: str, path: str, operation_id: str | None) -> None:
        with self._lock:
            self._requests[f"{method} {shown_path(path)}"] += 1
            if operation_id is not None:
                self._operations[operation_id] += 1

    def count_status(self, status: int) -> None:
        with self._lock:
            self._statuses[str(status)] += 1

    def count_grant_type(self, grant_type: str) -> None:
        with self._lock:
            self._grant_types[grant_type] += 1

    def clear(self) -> None:
        with self._lock:
            for counter in (self._requests, self._operations, self._statuses, self._grant_types):
                counter.clear()

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "total": sum(self._requests.values()),
                "requests": dict(self._requests),
                "operations": dict(self._operations),
                "responses": dict(self._statuses),
                "token_requests": dict(self._grant_types),
            }


# -- rate limiting --------------------------------------------------------------------------


@dataclass(frozen=True)
class RateDecision:
    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int

    def headers(self) -> list[tuple[bytes, bytes]]:
        return [
            (b"x-ratelimit-limit", str(self.limit).encode()),
            (b"x-ratelimit-remaining", str(self.remaining).encode()),
            (b"x-ratelimit-reset", str(self.reset_seconds).encode()),
        ]


class RateLimiter:
    """A fixed window per identity (API key, OAuth client or address), on the sandbox clock.

    ``limit=None`` turns limiting off; the ``x-ratelimit-*`` headers then disappear too.
    """

    def __init__(self, clock: Clock, *, limit: int | None, window_seconds: int) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.limit = limit
        self.window_seconds = window_seconds
        self._windows: dict[str, tuple[int, int]] = {}

    def configure(self, *, limit: int | None, window_seconds: int) -> None:
        with self._lock:
            self.limit = limit
            self.window_seconds = window_seconds
            self._windows.clear()

    def config(self) -> dict[str, Any]:
        return {"limit": self.limit, "window_seconds": self.window_seconds}

    def hit(self, identity: str) -> RateDecision | None:
        with self._lock:
            limit, window = self.limit, self.window_seconds
            if limit is None:
                return None
            now = self._clock.now()
            index = int(now // window)
            start, used = self._windows.get(identity, (index, 0))
            if start != index:
                used = 0
            reset = max(1, math.ceil((index + 1) * window - now))
            if used >= limit:
                self._windows[identity] = (index, used)
                return RateDecision(False, limit, 0, reset)
            used += 1
            self._windows[identity] = (index, used)
            return RateDecision(True, limit, limit - used, reset)


def identity_of(scope: Scope) -> str:
    """Who a request counts against: its API key, its Basic client_id, else its address."""
    for name, value in scope.get("headers", ()):
        if name != b"authorization":
            continue
        scheme, _, credentials = value.decode("latin-1").partition(" ")
        scheme = scheme.lower()
        if scheme == "bearer" and credentials.strip():
            return "key:" + hashlib.sha256(credentials.strip().encode()).hexdigest()[:24]
        if scheme == "basic":
            try:
                decoded = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                break
            return "client:" + unquote_plus(decoded.partition(":")[0])
    client = scope.get("client")
    return f"addr:{client[0]}" if client else "addr:unknown"


# -- faults ---------------------------------------------------------------------------------


@dataclass
class Fault:
    """What to do to the next ``remaining`` requests matching ``method`` and ``path``."""

    id: int
    method: str | None
    path: str | None
    remaining: int
    status: int | None = None
    retry_after: float | None = None
    delay_seconds: float | None = None
    drop_connection: bool = False

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method != method:
            return False
        if self.path is None:
            return True
        if "*" in self.path:
            return fnmatch.fnmatchcase(path, self.path)
        return self.path == path

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["match"] = {"method": data.pop("method"), "path": data.pop("path")}
        return data


class Faults:
    """Faults waiting for their requests; the first matching one is spent."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._next_id = 1

    def add(self, **fields: Any) -> Fault:
        with self._lock:
            fault = Fault(id=self._next_id, **fields)
            self._next_id += 1
            self._faults.append(fault)
            return fault

    def take(self, method: str, path: str) -> Fault | None:
        if not self._faults:  # the common case, without the lock
            return None
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def list(self) -> list[dict[str, Any]]:
        with self._lock:
            return [f.to_json() for f in self._faults]

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()


# -- the middleware -------------------------------------------------------------------------


def _path_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    regex = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(regex)


class OperationMatcher:
    """operationId of a method and path, from the spec's path templates."""

    def __init__(self, operations: list[tuple[str, str, str]]) -> None:
        self._table: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        for method, template, operation_id in operations:
            self._table.setdefault(method, []).append((_path_pattern(template), operation_id))

    def match(self, method: str, path: str) -> str | None:
        for pattern, operation_id in self._table.get(method, ()):
            if pattern.fullmatch(path):
                return operation_id
        return None


def _json_start(status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> Message:
    return {
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            *headers,
        ],
    }


async def _send_json(
    send: Send, status: int, payload: dict[str, Any], headers: list[tuple[bytes, bytes]]
) -> None:
    body = json.dumps(payload).encode()
    await send(_json_start(status, headers, body))
    await send({"type": "http.response.body", "body": body})


async def drop_connection(scope: Scope) -> None:
    """Close the client's socket without a response; needs uvicorn's HTTP protocol."""
    raw_send = scope.get(RAW_SEND_SCOPE_KEY)
    cycle = getattr(raw_send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None or not hasattr(transport, "close"):
        raise ConnectionDroppedError("connection dropped by an injected fault")
    transport.close()
    # Let uvicorn see the connection go (connection_lost), so it does not answer 500 instead.
    for _ in range(3):
        await asyncio.sleep(0)


class Gateway:
    """Pure ASGI middleware: counts, rate limit, faults, safe 500s."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        stats: Stats,
        limiter: RateLimiter,
        faults: Faults,
        matcher: OperationMatcher,
        sleep: Sleep,
    ) -> None:
        self.app = app
        self.stats = stats
        self.limiter = limiter
        self.faults = faults
        self.matcher = matcher
        self.sleep = sleep

    async def __call__(self, scope: Scope, receive: Receive, raw_send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, raw_send)
            return
        path: str = scope["path"]
        method: str = scope["method"]
        operation_id = self.matcher.match(method, path)
        send = _logging_send(raw_send, method, operation_id or shown_path(path))
        if path.startswith(SANDBOX_PREFIX):
            await self._guarded(scope, receive, send)
            return
        self.stats.count_request(method, path, operation_id)
        decision = self.limiter.hit(identity_of(scope))
        extra = decision.headers() if decision is not None else []
        if decision is not None and not decision.allowed:
            self.stats.count_status(429)
            detail = (
                f"You have exceeded the maximum number of allowed requests "
                f"({decision.limit} per {self.limiter.window_seconds} seconds)."
            )
            await _send_json(send, 429, _too_many(detail), extra)
            return
        fault = self.faults.take(method, path)
        if fault is not None:
            if fault.delay_seconds:
                await self.sleep(fault.delay_seconds)
            if fault.drop_connection:
                access_logger.info(
                    "%s %s dropped (injected fault)", method, operation_id or shown_path(path)
                )
                await drop_connection(scope)
                return
            if fault.status is not None:
                await self._send_fault(send, fault, fault.status, extra)
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.stats.count_status(message["status"])
                if extra:
                    message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self._guarded(scope, receive, send_with_headers)

    async def _send_fault(
        self, send: Send, fault: Fault, status: int, extra: list[tuple[bytes, bytes]]
    ) -> None:
        self.stats.count_status(status)
        headers = list(extra)
        if fault.retry_after is not None:
            value = fault.retry_after
            text = str(int(value)) if float(value).is_integer() else str(value)
            headers.append((b"retry-after", text.encode()))
        if status == 429:
            payload = _too_many("Injected fault: too many requests.")
        else:
            payload = api_error_body(
                str(status), _phrase(status), "Injected fault from the sandbox."
            )
        if status == 204 or status < 200:
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await _send_json(send, status, payload, headers)

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except ConnectionDroppedError:
            raise
        except Exception as exc:
            # Log where it broke, never the message: it could hold a secret.
            frames = "\n".join(
                f"  {frame.filename}:{frame.lineno} in {frame.name}"
                for frame in traceback.extract_tb(exc.__traceback__)
            )
            method = scope.get("method", "")
            path = scope.get("path", "")
            logger.error(
                "unexpected %s while serving %s %s\n%s",
                type(exc).__name__,
                method,
                # The operation, not the path: a path can carry a consent token.
                self.matcher.match(method, path) or shown_path(path),
                frames,
            )
            if started:
                return
            payload = api_error_body(
                "10007", "Unexpected error", "The sandbox failed to handle this request."
            )
            await _send_json(send, 500, payload, [])


def _logging_send(send: Send, method: str, target: str) -> Send:
    """``send``, logging each answer's status; ``target`` is an operation id or a bare path."""

    async def logged(message: Message) -> None:
        if message["type"] == "http.response.start":
            access_logger.info("%s %s %d", method, target, message["status"])
        await send(message)

    return logged


def _too_many(detail: str) -> dict[str, Any]:
    body = api_error_body("10011", "Too many requests", detail)
    body["errors"][0]["meta"] = {"url": "https://developers.telnyx.com/docs/overview/errors/10011"}
    return body


def _phrase(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
