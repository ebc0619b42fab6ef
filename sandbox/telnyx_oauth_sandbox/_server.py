"""Run the sandbox with uvicorn in a background thread, for tests and demos."""

from __future__ import annotations

import secrets
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

import uvicorn

from ._app import Runtime, SandboxApp, create_app

READY_TIMEOUT_SECONDS = 10.0
STOP_TIMEOUT_SECONDS = 10.0


class _Server(uvicorn.Server):
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

        with SandboxServer() as server:
            httpx.get(f"{server.base_url}/v2/oauth_clients",
                      headers={"Authorization": f"Bearer {server.api_key}"})
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
        # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted sockets only when the
        # listening socket says so, and without it every answer waits ~40 ms (Nagle + delayed ACK).
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        bound_host, bound_port = self._sock.getsockname()[:2]
        self.host: str = bound_host
        self.port: int = bound_port
        self.base_url = f"http://{bound_host}:{bound_port}"
        self.app: SandboxApp = create_app(api_key=self.api_key, issuer=self.base_url, **app_options)
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=5,
        )
        self._server = _Server(config)
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"SandboxServer(base_url={self.base_url!r})"

    @property
    def runtime(self) -> Runtime:
        """The app's state: clock, keys, store, stats (for in-process inspection)."""
        return self.app.runtime

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


def new_api_key() -> str:
    """A random API key for a sandbox nobody configured."""
    return f"KEYSANDBOX_{secrets.token_urlsafe(24)}"


@contextmanager
def running(*, api_key: str | None = None, **app_options: Any) -> Iterator[SandboxServer]:
    """Run a sandbox for the ``with`` block; yields the server (``base_url``, ``api_key``)."""
    with SandboxServer(api_key=api_key, **app_options) as server:
        yield server
