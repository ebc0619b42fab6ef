"""``create_app``: one sandbox, wired: its state, the route table, the gateway, error answers."""

from __future__ import annotations

import asyncio
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from ._access import rate_limit_identity
from ._clock import Clock
from ._consents import Consents
from ._constants import (
    DEFAULT_RATE_LIMIT_REQUESTS,
    DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
    KEY_GRACE_PERIOD_SECONDS,
    MAX_BODY_BYTES,
    MAX_PENDING_CONSENTS,
)
from ._errors import HTTPError, TelnyxError
from ._faults import Faults
from ._gateway import RAW_SEND_SCOPE_KEY, Gateway, Sleep
from ._keys import KeyRing
from ._paths import OperationPath, OperationPaths
from ._rate_limit import RateLimiter
from ._routes import build_routes
from ._runtime import Runtime
from ._spec import Spec
from ._stats import RequestStats
from ._store import Store
from ._tokens import Tokens


class SandboxApp(Starlette):
    """Starlette, plus uvicorn's own ``send`` kept in the scope so a fault can drop a socket."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope[RAW_SEND_SCOPE_KEY] = send
        await super().__call__(scope, receive, send)

    @property
    def runtime(self) -> Runtime:
        """The app's state: clock, keys, store, tokens, stats (for in-process inspection)."""
        runtime: Runtime = self.state.runtime
        return runtime


async def _error_answer(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, HTTPError):  # pragma: no cover - registered for HTTPError
        raise exc
    return exc.response()


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own 404 and 405, in the Telnyx error shape (the ``Allow`` header kept)."""
    if not isinstance(exc, HTTPException):  # pragma: no cover - registered for HTTPException
        raise exc
    if exc.status_code == 404:
        detail = "The requested resource or route could not be found."
    elif exc.status_code == 405:
        detail = "The method is not allowed on this path."
    else:
        detail = "The request could not be handled."
    return TelnyxError(exc.status_code, detail, headers=dict(exc.headers or {})).response()


def create_app(
    *,
    api_key: str,
    issuer: str,
    clock: Clock | None = None,
    spec_path: Path | None = None,
    rate_limit: int | None = DEFAULT_RATE_LIMIT_REQUESTS,
    rate_limit_window_seconds: int = DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
    key_grace_period_seconds: float = KEY_GRACE_PERIOD_SECONDS,
    max_body_bytes: int = MAX_BODY_BYTES,
    max_pending_consents: int = MAX_PENDING_CONSENTS,
    sleep: Sleep | None = None,
) -> SandboxApp:
    """The sandbox as an ASGI app.

    ``issuer`` is the base URL clients reach it at (no trailing slash); it is the ``iss`` and
    ``aud`` of every token. ``rate_limit=None`` turns rate limiting off. ``sleep`` is what a
    "slow answer" fault awaits (``asyncio.sleep`` by default); tests inject their own.
    ``max_pending_consents`` bounds the authorization requests waiting for a decision.
    ``RouteTableError`` if the spec at ``spec_path`` and the handlers name different operations.
    """
    if not api_key:
        raise ValueError("api_key must not be empty")
    issuer = issuer.rstrip("/")
    clock = clock or Clock()
    spec = Spec.load(spec_path)
    paths = OperationPaths(
        OperationPath(op.operation_id, op.method, op.path) for op in spec.operations.values()
    )
    keys = KeyRing(clock, grace_period_seconds=key_grace_period_seconds)
    store = Store(clock=clock)
    tokens = Tokens(issuer=issuer, clock=clock, keys=keys, store=store)
    runtime = Runtime(
        api_key=api_key,
        issuer=issuer,
        clock=clock,
        keys=keys,
        store=store,
        tokens=tokens,
        consents=Consents(
            clock=clock, store=store, tokens=tokens, max_pending=max_pending_consents
        ),
        spec=spec,
        paths=paths,
        stats=RequestStats(),
        limiter=RateLimiter(clock, limit=rate_limit, window_seconds=rate_limit_window_seconds),
        faults=Faults(paths),
        default_rate_limit=rate_limit,
        default_rate_limit_window_seconds=rate_limit_window_seconds,
        max_body_bytes=max_body_bytes,
    )
    app = SandboxApp(
        routes=build_routes(runtime),
        middleware=[
            Middleware(
                Gateway,
                stats=runtime.stats,
                limiter=runtime.limiter,
                faults=runtime.faults,
                paths=paths,
                identify=lambda scope: rate_limit_identity(runtime, scope),
                sleep=sleep or asyncio.sleep,
            )
        ],
        exception_handlers={HTTPError: _error_answer, HTTPException: _http_error},
    )
    # A path the spec does not have gets the documented 404, not Starlette's 307 to the path
    # without its trailing slash (which sent DELETE /v2/oauth_clients/%2F to the list).
    app.router.redirect_slashes = False
    app.state.runtime = runtime
    return app
