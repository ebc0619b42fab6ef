"""The httpx clients of ``connect()``: typed errors, a gated pool per loop (docs/design.md)."""

from __future__ import annotations

import sys
import weakref
from collections.abc import AsyncGenerator
from typing import TYPE_CHECKING, Any

import httpx

from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_api.errors import (
    APIStatusError,
    InternalServerError,
    RateLimitError,
    connection_error,
    make_status_error,
)

from ._constants import MAX_CONNECTIONS
from ._errors import RetryAfterTooLongError
from ._retries import RETRY_AFTER_REFUSED_EXTENSION

if TYPE_CHECKING:
    import asyncio

    import anyio


class TypedErrorsClient(httpx.Client):
    """An ``httpx.Client`` whose ``send`` raises the overlay's typed errors."""

    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        try:
            response = super().send(request, **kwargs)
        except httpx.TransportError as exc:
            raise connection_error(exc) from exc
        if response.status_code >= 400:
            response.read()
            raise status_error(response)
        return response


class AsyncTypedErrorsClient(httpx.AsyncClient):
    """An ``httpx.AsyncClient`` whose ``send`` raises the overlay's typed errors."""

    # Set by the first send: the loop its connections belong to (weak: the client must not keep
    # it alive), the async generator that closes it with that loop, the gate of its pool.
    _event_loop: weakref.ref[asyncio.AbstractEventLoop] | None = None
    _closer: AsyncGenerator[None, None] | None = None
    _gate: anyio.Semaphore | None = None

    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        gate = self._gate or await self._bind_to_running_loop()
        try:
            await _enter(gate, request)
            try:
                response = await super().send(request, **kwargs)
            finally:
                gate.release()
        except httpx.TransportError as exc:
            raise connection_error(exc) from exc
        if response.status_code >= 400:
            await response.aread()
            raise status_error(response)
        return response

    async def _bind_to_running_loop(self) -> anyio.Semaphore:
        """Give this client its pool's gate, and close it with its event loop (by ``_closer``)."""
        import anyio

        loop = running_loop()
        self._event_loop = None if loop is None else weakref.ref(loop)
        gate = self._gate = anyio.Semaphore(MAX_CONNECTIONS)
        self._closer = self._close_with_loop()
        await self._closer.__anext__()
        return gate

    async def _close_with_loop(self) -> AsyncGenerator[None, None]:
        try:
            yield
        finally:
            await self.aclose()

    def belongs_elsewhere(self) -> bool:
        """Whether this client is closed, or bound to another event loop than the running one."""
        if self.is_closed:
            return True
        bound, running = self._event_loop, running_loop()
        return bound is not None and running is not None and running is not bound()


def status_error(response: httpx.Response, *, context: str | None = None) -> APIStatusError:
    """The typed error of a read response >= 400 (``RetryAfterTooLongError``: a wait refused)."""
    error = make_status_error(response, context=context)
    refused = response.extensions.get(RETRY_AFTER_REFUSED_EXTENSION)
    if refused is None or not isinstance(error, (RateLimitError, InternalServerError)):
        return error
    asked, allowed = refused
    return RetryAfterTooLongError.from_status_error(error, asked=asked, allowed=allowed)


async def _enter(gate: anyio.Semaphore, request: httpx.Request) -> None:
    """Wait at ``gate`` for a place in the pool, within the request's pool timeout."""
    import anyio

    limits = request.extensions.get("timeout")
    pool_timeout = limits.get("pool") if isinstance(limits, dict) else None
    try:
        with anyio.fail_after(pool_timeout):
            await gate.acquire()
    except TimeoutError:
        raise httpx.PoolTimeout(
            "no place in the connection pool within the pool timeout", request=request
        ) from None


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The running asyncio loop; None outside one, or under another async library (trio)."""
    if "asyncio" not in sys.modules:  # never imported: no loop can be running
        return None
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def api_base_url(client: AuthenticatedClient | Client) -> str:
    """The API host a generated client talks to, without a trailing slash."""
    wiring = getattr(client, "wiring", None)
    base = wiring.base_url if wiring is not None else client.get_httpx_client().base_url
    return str(base).rstrip("/")
