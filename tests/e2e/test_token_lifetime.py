"""A token answer whose ``expires_in`` is not a finite number is a typed error, from a real
token endpoint on loopback, with and without a token store."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import telnyx_oauth


@contextmanager
def _token_endpoint(expires_in: str) -> Iterator[tuple[str, list[str]]]:
    """A server answering every POST with a token whose expires_in is ``expires_in`` as
    written (``NaN`` is what Python's json emits for a float nan) and every GET with 200."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            seen.append(self.path)
            self._answer(
                f'{{"access_token": "at", "token_type": "Bearer", "expires_in": {expires_in}}}'
            )

        def do_GET(self) -> None:
            seen.append(self.path)
            self._answer('{"keys": []}')

        def _answer(self, body: str) -> None:
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


LIFETIMES = ["NaN", "Infinity", "-Infinity", "1e999", '"NaN"', '"inf"']


@pytest.mark.parametrize("expires_in", LIFETIMES)
@pytest.mark.parametrize("with_store", [False, True], ids=["no-store", "sqlite"])
def test_non_finite_expires_in_is_a_response_validation_error(
    expires_in: str, with_store: bool, tmp_path: Path
) -> None:
    """The call raises APIResponseValidationError naming expires_in, the request it would have
    authenticated is never sent, and with SQLiteTokenStore nothing untyped escapes."""
    from telnyx_oauth_api.api.oauth import get_jwks

    store = telnyx_oauth.SQLiteTokenStore(tmp_path / "tokens.db") if with_store else None
    with _token_endpoint(expires_in) as (url, seen):
        auth = telnyx_oauth.ClientCredentials("id", "secret", store=store)
        client = telnyx_oauth.connect(auth=auth, base_url=url)
        with pytest.raises(telnyx_oauth.APIResponseValidationError, match="expires_in"):
            get_jwks.sync(client=client)
    assert seen == ["/v2/oauth/token"]
