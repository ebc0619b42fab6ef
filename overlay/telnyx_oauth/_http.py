"""The httpx clients ``connect()`` builds: typed errors, and one async client per event loop.

``send()`` raises the typed errors of ``telnyx_oauth_api.errors`` for every status >= 400 *after*
the whole auth flow has run, and ``APIConnectionError`` / ``APITimeoutError`` for transport
failures. The generated functions raise the same errors on their own; raising here covers the
overlay's own requests (token requests, discovery) too. Event hooks would be the obvious place,
but httpx runs response hooks inside the auth flow, so raising there would turn the 401 that
``ClientCredentials`` answers by renewing its token into an exception.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import httpx

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

    from telnyx_oauth_api import AuthenticatedClient, Client

__all__: list[str] = []  # the overlay's own plumbing; nothing here is public


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

    # The event loop this client's connections belong to, the async generator that closes it
    # when that loop shuts down, and the gate in front of its pool; set by the first send.
    # Weak: the client must not keep its loop alive (connect() keeps one client per loop,
    # by weak reference to the loop).
    _event_loop: weakref.ref[asyncio.AbstractEventLoop] | None = None
    _closer: AsyncGenerator[None, None] | None = None
    _gate: anyio.Semaphore | None = None

    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        if self._closer is None:
            await self._bind_to_running_loop()
        try:
            async with _entered(self._gate, request):
                response = await super().send(request, **kwargs)
        except httpx.TransportError as exc:
            raise connection_error(exc) from exc
        if response.status_code >= 400:
            await response.aread()
            raise status_error(response)
        return response

    async def _bind_to_running_loop(self) -> None:
        """Close this client when its event loop shuts down.

        Pooled connections belong to the loop that opened them: a second ``asyncio.run()`` that
        reused one would fail with "Event loop is closed". The loop's shutdown
        (``asyncio.run``, ``asyncio.Runner``, pytest-asyncio) closes every async generator still
        suspended in it, so one suspended here, holding this client, closes the client and its
        connections while the loop still runs; ``_lazy_async`` then builds a fresh client for
        the next loop. The strong reference keeps the generator alive as long as the client.
        """
        import anyio

        loop = running_loop()
        self._event_loop = None if loop is None else weakref.ref(loop)
        self._gate = anyio.Semaphore(MAX_CONNECTIONS)
        closer = _close_with_loop(self)
        self._closer = closer
        await closer.__anext__()


def status_error(response: httpx.Response, *, context: str | None = None) -> APIStatusError:
    """The typed error for a read response with status >= 400; ``RetryAfterTooLongError`` when
    the retry policy refused the wait the server asked for."""
    error = make_status_error(response, context=context)
    refused = response.extensions.get(RETRY_AFTER_REFUSED_EXTENSION)
    if refused is None or not isinstance(error, (RateLimitError, InternalServerError)):
        return error
    asked, allowed = refused
    return RetryAfterTooLongError.from_status_error(error, asked=asked, allowed=allowed)


@asynccontextmanager
async def _entered(gate: anyio.Semaphore | None, request: httpx.Request) -> AsyncIterator[None]:
    """Wait at ``gate`` for a place in the pool, within the request's pool timeout.

    httpcore's async pool matches every waiting request against every connection each time one
    changes state: a thousand tasks on a hundred connections keep the event loop busy with that
    alone, long enough for connects to time out (measured: renewal waves of 1,000 tasks with a
    p99 of 6 to 24 s). Waiting here instead costs nothing per wait, and whoever enters the pool
    finds a connection. A send holds its place through its whole auth flow; a caller that waits
    for another's token request holds no connection meanwhile (see ``_auth``), and the one that
    makes it holds a place itself, so the gate cannot starve it.
    """
    if gate is None:
        yield
        return
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
    try:
        yield
    finally:
        gate.release()


async def _close_with_loop(http: httpx.AsyncClient) -> AsyncGenerator[None, None]:
    try:
        yield
    finally:
        await http.aclose()


def belongs_elsewhere(http: httpx.AsyncClient) -> bool:
    """Whether ``http`` is closed, or its connections belong to another event loop than the one
    running (a loop closed without shutting down its async generators, or one in another
    thread)."""
    if http.is_closed:
        return True
    bound = http._event_loop if isinstance(http, AsyncTypedErrorsClient) else None
    if bound is None:
        return False
    running = running_loop()
    return running is not None and running is not bound()


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
    """The API host a generated client talks to, without a trailing slash: a connected one
    keeps it in its wiring; any other tells it through its httpx client (public ground only)."""
    wiring = getattr(client, "wiring", None)
    base = wiring.base_url if wiring is not None else client.get_httpx_client().base_url
    return str(base).rstrip("/")
