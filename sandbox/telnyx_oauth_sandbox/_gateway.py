"""What stands in front of the API: request counts, rate limiting, injected faults, the access
log, and the guard that turns an unexpected bug into a JSON 500 without a traceback.

Paths under ``/_sandbox/`` (controls and the consent page) are neither counted, limited nor
faulted, but they are logged and guarded like the rest.
"""

from __future__ import annotations

import asyncio
import json
import logging
import traceback
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._errors import status_phrase, telnyx_error_body
from ._faults import Fault, Faults
from ._paths import OperationPaths
from ._rate_limit import RateLimiter
from ._stats import RequestStats, shown_path

logger = logging.getLogger("telnyx_oauth_sandbox")
# One line per answer: method, operation (or path without its query) and status. uvicorn's own
# access log is off: it prints query strings and paths that carry consent tokens.
access_logger = logging.getLogger("telnyx_oauth_sandbox.access")

RAW_SEND_SCOPE_KEY = "telnyx_oauth_sandbox.raw_send"
SANDBOX_PREFIX = "/_sandbox/"

Sleep = Callable[[float], Awaitable[None]]
Identify = Callable[[Scope], str]


class ConnectionDroppedError(Exception):
    """Raised when a dropped connection was asked for but no socket is reachable (in-process)."""


async def _send_json(
    send: Send, status: int, payload: dict[str, Any], headers: Sequence[tuple[bytes, bytes]] = ()
) -> None:
    body = json.dumps(payload).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
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


def _too_many(detail: str) -> dict[str, Any]:
    body = telnyx_error_body("10011", "Too many requests", detail)
    body["errors"][0]["meta"] = {"url": "https://developers.telnyx.com/docs/overview/errors/10011"}
    return body


class _Answer:
    """The ``send`` of one request: it logs the answer's status, counts it (API requests only)
    and adds the rate-limit headers."""

    def __init__(self, send: Send, method: str, target: str, stats: RequestStats | None) -> None:
        self._send = send
        self._method = method
        self._target = target
        self._stats = stats
        self.started = False
        self.extra_headers: list[tuple[bytes, bytes]] = []

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
            status = message["status"]
            access_logger.info("%s %s %d", self._method, self._target, status)
            if self._stats is not None:
                self._stats.count_status(status)
            if self.extra_headers:
                message = {**message, "headers": [*message.get("headers", []), *self.extra_headers]}
        await self._send(message)


class Gateway:
    """Pure ASGI middleware: counts, rate limit, faults, access log, safe 500s."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        stats: RequestStats,
        limiter: RateLimiter,
        faults: Faults,
        paths: OperationPaths,
        identify: Identify,
        sleep: Sleep,
    ) -> None:
        self.app = app
        self.stats = stats
        self.limiter = limiter
        self.faults = faults
        self.paths = paths
        self.identify = identify
        self.sleep = sleep

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method: str = scope["method"]
        path: str = scope["path"]
        operation_id = self.paths.match(method, path)
        # The operation, not the path: a path can carry a consent token.
        target = operation_id or shown_path(path)
        is_api = not path.startswith(SANDBOX_PREFIX)
        answer = _Answer(send, method, target, self.stats if is_api else None)
        try:
            if is_api:
                await self._serve_api(scope, receive, answer, operation_id, target)
            else:
                await self.app(scope, receive, answer.send)
        except ConnectionDroppedError:
            raise
        except ClientDisconnect:
            # The caller left before its body arrived: nothing to answer, and nothing broke.
            # One INFO line and no frames, so a client that hangs up cannot flood the error log.
            logger.info(
                "%s %s: the client disconnected before sending its whole body", method, target
            )
        except Exception as exc:
            # Log where it broke, never the message: it could hold a secret.
            frames = "\n".join(
                f"  {frame.filename}:{frame.lineno} in {frame.name}"
                for frame in traceback.extract_tb(exc.__traceback__)
            )
            logger.error(
                "unexpected %s while serving %s %s\n%s", type(exc).__name__, method, target, frames
            )
            if not answer.started:
                payload = telnyx_error_body(
                    "10007", "Unexpected error", "The sandbox failed to handle this request."
                )
                await _send_json(answer.send, 500, payload)

    async def _serve_api(
        self,
        scope: Scope,
        receive: Receive,
        answer: _Answer,
        operation_id: str | None,
        target: str,
    ) -> None:
        method: str = scope["method"]
        path: str = scope["path"]
        self.stats.count_request(method, path, operation_id)
        decision = self.limiter.hit(self.identify(scope))
        if decision is not None:
            answer.extra_headers = decision.headers()
            if not decision.allowed:
                detail = (
                    f"You have exceeded the maximum number of allowed requests "
                    f"({decision.limit} per {self.limiter.window_seconds} seconds)."
                )
                await _send_json(answer.send, 429, _too_many(detail))
                return
        fault = self.faults.take(method, path, operation_id)
        if fault is not None:
            if fault.delay_seconds:
                await self.sleep(fault.delay_seconds)
            if fault.drop_connection:
                access_logger.info("%s %s dropped (injected fault)", method, target)
                await drop_connection(scope)
                return
            if fault.status is not None:
                await _send_fault(answer.send, fault, fault.status)
                return
        await self.app(scope, receive, answer.send)


async def _send_fault(send: Send, fault: Fault, status: int) -> None:
    headers: list[tuple[bytes, bytes]] = []
    if fault.retry_after is not None:
        value = fault.retry_after
        text = str(int(value)) if float(value).is_integer() else str(value)
        headers.append((b"retry-after", text.encode()))
    if status == 204 or status < 200:
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    if status == 429:
        payload = _too_many("Injected fault: too many requests.")
    else:
        payload = telnyx_error_body(
            str(status), status_phrase(status), "Injected fault from the sandbox."
        )
    await _send_json(send, status, payload, headers)
