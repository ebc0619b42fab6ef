"""The JWKS fetch has a total deadline and a size cap, against a real server on loopback that
trickles its answer or sends far too much."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import telnyx_oauth

DEADLINE_SECONDS = 0.5


@contextmanager
def _jwks_server(
    *, trickle: bool, size: int = 0, declare: bool = True
) -> Iterator[tuple[str, list[int]]]:
    """A server whose every answer is a 200 JWKS that either trickles (one byte per 50 ms,
    each read well inside any read timeout) or is ``size`` bytes; yields its URL and the bytes
    it managed to send per connection."""
    listener = socket.create_server(("127.0.0.1", 0))
    sent: list[int] = []
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        count = 0
        with conn:
            try:
                conn.recv(65536)
                length = 10_000 if trickle else size
                framing = (
                    b"Content-Length: " + str(length).encode() if declare else b"Connection: close"
                )
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + framing + b"\r\n\r\n"
                )
                chunk = b" " * (1 if trickle else 65536)
                while count < length and not stop.is_set():
                    conn.sendall(chunk)
                    count += len(chunk)
                    if trickle:
                        time.sleep(0.05)  # the slow server under test
            except OSError:
                pass
        sent.append(count)

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", sent
    finally:
        stop.set()
        listener.close()


def _cache(url: str, max_jwks_bytes: int = 1_000_000) -> telnyx_oauth.JWKSCache:
    client = telnyx_oauth.connect_anonymous(base_url=url, timeout=2.0, max_retries=0)
    return telnyx_oauth.JWKSCache(
        client, fetch_deadline_seconds=DEADLINE_SECONDS, max_jwks_bytes=max_jwks_bytes
    )


def _get_key(jwks: telnyx_oauth.JWKSCache, *, use_async: bool) -> object:
    if use_async:
        return asyncio.run(jwks.aget_key("k1"))
    return jwks.get_key("k1")


def test_trickling_jwks_stops_at_the_deadline_for_every_waiting_thread() -> None:
    """Eight threads verifying against a JWKS that trickles in all fail with APITimeoutError
    within about one deadline: the first fetch's failure is shared, not repeated per thread."""
    with _jwks_server(trickle=True) as (url, _):
        jwks = _cache(url)
        errors: list[BaseException] = []

        def verify() -> None:
            try:
                jwks.get_key("k1")
            except telnyx_oauth.APIError as exc:
                errors.append(exc)

        threads = [threading.Thread(target=verify) for _ in range(8)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
        elapsed = time.monotonic() - started
    assert len(errors) == 8
    assert all(isinstance(e, telnyx_oauth.APITimeoutError) for e in errors)
    assert "0.5 s fetch deadline" in str(errors[0])
    assert elapsed < 4 * DEADLINE_SECONDS


def test_trickling_jwks_stops_at_the_deadline_async() -> None:
    """The async fetch is bounded by the same total deadline."""
    with _jwks_server(trickle=True) as (url, _):
        jwks = _cache(url)
        started = time.monotonic()
        with pytest.raises(telnyx_oauth.APITimeoutError):
            asyncio.run(jwks.aget_key("k1"))
        assert time.monotonic() - started < 3 * DEADLINE_SECONDS


@pytest.mark.parametrize("declare", [True, False], ids=["content-length", "until-close"])
@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_oversized_jwks_is_refused_without_reading_it_all(use_async: bool, declare: bool) -> None:
    """A 50 MB JWKS raises APIResponseValidationError naming the cap, once its Content-Length
    or the bytes read pass the cap, without reading the rest."""
    with _jwks_server(trickle=False, size=50_000_000, declare=declare) as (url, sent):
        jwks = _cache(url, max_jwks_bytes=100_000)
        with pytest.raises(telnyx_oauth.APIResponseValidationError, match="100000 bytes"):
            _get_key(jwks, use_async=use_async)
    assert all(count < 50_000_000 for count in sent)


def test_silent_jwks_server_is_a_timeout_async() -> None:
    """A server that accepts the connection and never answers: the async fetch's deadline
    passes before any response exists, and that is still an APITimeoutError naming the URL
    (it was an AssertionError)."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True).start()
    try:
        jwks = _cache(f"http://127.0.0.1:{listener.getsockname()[1]}")
        with pytest.raises(telnyx_oauth.APITimeoutError, match="/v2/oauth/jwks: the JWKS did not"):
            asyncio.run(jwks.aget_key("k1"))
    finally:
        for conn in accepted:
            conn.close()
        listener.close()
