"""Fixtures of the sandbox's own tests: a fresh app per test, driven in-process over ASGI."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from telnyx_oauth_sandbox import SandboxApp, create_app
from tests.sandbox._helpers import API_KEY, ISSUER


@pytest.fixture
def app() -> SandboxApp:
    return create_app(api_key=API_KEY, issuer=ISSUER)


@pytest.fixture
async def http(app: SandboxApp) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
    async with httpx.AsyncClient(transport=transport, base_url=ISSUER) as client:
        yield client
