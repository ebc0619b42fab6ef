"""A tiny HTTP server on 127.0.0.1 that answers from a script and records what it was asked.

Serves as an HTTP proxy too: a request for ``http://api.test/...`` sent through it arrives with
the absolute URL as its target, which is what it records.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Loopback:
    def __init__(self, statuses: list[int]) -> None:
        self.statuses = list(statuses)
        self.targets: list[str] = []
        self.url = ""


@contextmanager
def loopback(statuses: list[int]) -> Iterator[Loopback]:
    """A server answering each request with the next status of ``statuses`` (the last one
    repeats), a JSON body ``{"keys": []}`` on 200."""
    state = Loopback(statuses)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.targets.append(self.path)
            status = state.statuses.pop(0) if len(state.statuses) > 1 else state.statuses[0]
            body = b'{"keys": []}' if status == 200 else b""
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
