"""Serve the sandbox with uvicorn: in a background thread (``running``, ``SandboxServer``) for
tests and demos, or in the foreground (``serve_forever``, the command line).

Both bind their socket first and take the issuer from the address actually bound, so port 0
gives a free port whose number every discovery document, token and redirect carries.
"""

from __future__ import annotations

import secrets
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

import uvicorn

from ._app import SandboxApp, create_app
from ._controls_client import SandboxControls
from ._runtime import Runtime

READY_TIMEOUT_SECONDS = 10.0
STOP_TIMEOUT_SECONDS = 10.0


def new_api_key() -> str:
    """A random API key for a sandbox nobody configured."""
    return f"KEYSANDBOX_{secrets.token_urlsafe(24)}"


def listen_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` (IPv4 or IPv6; port 0 picks a free one)."""
    family, _, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )[0]
    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted sockets only when the
    # listening socket says so, and without it every answer waits ~40 ms (Nagle + delayed ACK).
    sock = socket.socket(family, socket.SOCK_STREAM, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    return sock


def base_url_of(sock: socket.socket) -> str:
    """``http://host:port`` of a bound socket; a wildcard address shows as loopback."""
    host, port = sock.getsockname()[:2]
    if host in ("0.0.0.0", "::"):  # noqa: S104 - reading the address, not binding it
        host = "127.0.0.1" if sock.family == socket.AF_INET else "::1"
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def uvicorn_config(app: SandboxApp, log_level: str) -> uvicorn.Config:
    """How uvicorn serves ``app``; its own access log stays off (it prints consent tokens in
    paths and queries; the sandbox logs each answer by operation instead)."""
    return uvicorn.Config(
        app,
        log_level=log_level,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=5,
    )


class _ThreadServer(uvicorn.Server):
    """uvicorn's server, announcing through an Event when it accepts connections."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self.ready.set()

    def run_until_stopped(self, sockets: list[socket.socket]) -> None:
        try:
            self.run(sockets=sockets)
        finally:
            self.ready.set()  # wake the waiter even when start-up failed


class SandboxServer:
    """The sandbox on ``127.0.0.1`` and a free port, served from a background thread.

    ::

        with SandboxServer() as server, server.controls() as controls:
            controls.reset()
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        **app_options: Any,
    ) -> None:
        self.api_key = api_key or new_api_key()
        self._sock = listen_socket(host, port)
        self.host: str = self._sock.getsockname()[0]
        self.port: int = self._sock.getsockname()[1]
        self.base_url = base_url_of(self._sock)
        self.app: SandboxApp = create_app(api_key=self.api_key, issuer=self.base_url, **app_options)
        self._server = _ThreadServer(uvicorn_config(self.app, "warning"))
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"SandboxServer(base_url={self.base_url!r})"

    @property
    def runtime(self) -> Runtime:
        """The app's state: clock, keys, store, stats (for in-process inspection)."""
        return self.app.runtime

    def controls(self) -> SandboxControls:
        """A ``SandboxControls`` client for this server (close it, or use it in ``with``)."""
        return SandboxControls(self.base_url, self.api_key)

    def start(self) -> SandboxServer:
        """Serve in a background thread; return once connections are accepted."""
        if self._thread is not None:
            raise RuntimeError("the sandbox server was already started")
        self._thread = threading.Thread(
            target=self._server.run_until_stopped,
            args=([self._sock],),
            name=f"telnyx-oauth-sandbox:{self.port}",
            daemon=True,
        )
        self._thread.start()
        if not self._server.ready.wait(READY_TIMEOUT_SECONDS) or not self._server.started:
            self.stop()
            raise RuntimeError("the sandbox server did not start")
        return self

    def stop(self) -> None:
        """Stop serving and wait for the thread; safe to call twice."""
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(STOP_TIMEOUT_SECONDS)
        self._sock.close()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


@contextmanager
def running(*, api_key: str | None = None, **app_options: Any) -> Iterator[SandboxServer]:
    """Run a sandbox for the ``with`` block; yields the server (``base_url``, ``api_key``)."""
    with SandboxServer(api_key=api_key, **app_options) as server:
        yield server
