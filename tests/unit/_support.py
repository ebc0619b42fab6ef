"""Test helpers for the overlay: a recording mock API and fake sleeps."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs

import httpx

import telnyx_oauth
from tests._support.sleeps import Sleeps

BASE_URL = "https://api.test"
API_KEY = "KEY0123_live_secret_api_key"
CLIENT_ID = "client-123"
CLIENT_SECRET = "s3cr:et%/ with space"
ACCESS_TOKEN = "at_super_secret_access_token"
REFRESH_TOKEN = "rt_super_secret_refresh_token"

Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A MockTransport handler that records every request and delegates to ``handler``."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.handler(request)

    def paths(self) -> list[str]:
        return [r.url.path for r in self.requests]

    def count(self, path: str) -> int:
        return sum(1 for r in self.requests if r.url.path == path)


def transports(
    recorder: Recorder, sleeps: Sleeps, *, max_retries: int = 2
) -> tuple[telnyx_oauth.retries.RetryTransport, telnyx_oauth.retries.AsyncRetryTransport]:
    """Retrying transports over one MockTransport, sleeping into ``sleeps``, no jitter."""
    mock = httpx.MockTransport(recorder)
    return (
        telnyx_oauth.retries.RetryTransport(
            mock, max_retries=max_retries, sleep=sleeps, random=lambda: 0.0
        ),
        telnyx_oauth.retries.AsyncRetryTransport(
            mock, max_retries=max_retries, sleep=sleeps.asleep, random=lambda: 0.0
        ),
    )


def connect(
    recorder: Recorder, sleeps: Sleeps | None = None, *, max_retries: int = 2, **kwargs: Any
) -> Any:
    """``telnyx_oauth.connect`` against the mock API."""
    sync, async_ = transports(recorder, sleeps or Sleeps(), max_retries=max_retries)
    kwargs.setdefault("base_url", BASE_URL)
    if "auth" not in kwargs:
        kwargs.setdefault("api_key", API_KEY)
    return telnyx_oauth.connect(transport=sync, async_transport=async_, **kwargs)


def connect_anonymous(
    recorder: Recorder, sleeps: Sleeps | None = None, *, max_retries: int = 2, **kwargs: Any
) -> Any:
    """``telnyx_oauth.connect_anonymous`` against the mock API."""
    sync, async_ = transports(recorder, sleeps or Sleeps(), max_retries=max_retries)
    kwargs.setdefault("base_url", BASE_URL)
    return telnyx_oauth.connect_anonymous(transport=sync, async_transport=async_, **kwargs)


def json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def token_body(
    access_token: str = ACCESS_TOKEN,
    expires_in: int = 3600,
    refresh_token: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": expires_in,
    }
    if refresh_token is not None:
        body["refresh_token"] = refresh_token
    return body


def form(request: httpx.Request) -> dict[str, str]:
    """The decoded form body of a request (single values)."""
    return {k: v[0] for k, v in parse_qs(request.content.decode()).items()}


def oauth_client_json(client_id: str) -> dict[str, Any]:
    return {
        "record_type": "oauth_client",
        "client_id": client_id,
        "name": f"client {client_id}",
        "org_id": "org",
        "user_id": "user",
        "client_type": "confidential",
        "require_pkce": False,
        "created_at": "2025-01-01T00:00:00Z",
        "updated_at": "2025-01-01T00:00:00Z",
    }


def body_json(request: httpx.Request) -> Any:
    return json.loads(request.content)


def nested_json(depth: int = 5000) -> bytes:
    """JSON arrays nested ``depth`` deep: past the parser's reach at the default limit."""
    return b"[" * depth + b"]" * depth


@contextmanager
def default_recursion_limit() -> Iterator[None]:
    """Python's default recursion limit for the block, as where users run: a plugin of the full
    test run may have raised it, and then ``nested_json()`` would parse."""
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)
