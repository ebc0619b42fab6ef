"""httpx transports of the benchmarks: canned answers in memory, and host rewriting.

The official SDK's client-credentials mode posts to the fixed ``https://api.telnyx.com/v2/oauth/
token``; ``RewriteHost`` wraps a real transport and sends every request to the sandbox instead, so
the SDK runs unchanged against it.
"""

from __future__ import annotations

import httpx

JSON_HEADERS = {"content-type": "application/json"}


def canned(body: bytes) -> httpx.MockTransport:
    """A transport answering every request with 200 and ``body`` as JSON, without I/O."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers=JSON_HEADERS)

    return httpx.MockTransport(handler)


def _rewrite(request: httpx.Request, target: httpx.URL) -> None:
    request.url = request.url.copy_with(scheme=target.scheme, host=target.host, port=target.port)
    request.headers["host"] = target.netloc.decode("ascii")


class RewriteHost(httpx.BaseTransport):
    """Sends every request to ``target``'s scheme, host and port, keeping path and query."""

    def __init__(self, target: str, transport: httpx.BaseTransport | None = None) -> None:
        self._target = httpx.URL(target)
        self._transport = transport or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        _rewrite(request, self._target)
        return self._transport.handle_request(request)

    def close(self) -> None:
        self._transport.close()


class AsyncRewriteHost(httpx.AsyncBaseTransport):
    """The async twin of ``RewriteHost``."""

    def __init__(self, target: str, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._target = httpx.URL(target)
        self._transport = transport or httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        _rewrite(request, self._target)
        return await self._transport.handle_async_request(request)

    async def aclose(self) -> None:
        await self._transport.aclose()
