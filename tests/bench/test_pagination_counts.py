"""Figure 5: iterating N clients p a page makes exactly ceil(N / p) list requests."""

from __future__ import annotations

import pytest

from bench import _calls, pagination
from bench._sandbox import Server
from telnyx_oauth_sandbox import SandboxControls

CLIENTS = 1_000
PAGE_SIZE = 100


@pytest.fixture
def seeded(controls: SandboxControls) -> SandboxControls:
    """The sandbox holding exactly CLIENTS clients."""
    controls.seed_clients(CLIENTS, name_prefix="page")
    return controls


def test_paginate_makes_one_request_per_page(server: Server, seeded: SandboxControls) -> None:
    """paginate() over 1,000 clients, 100 a page, yields them all in exactly 10 requests."""
    with _calls.ours_client(server.base_url, server.api_key) as client:
        walk = pagination.walk(seeded, lambda: pagination.ours_items(client, PAGE_SIZE))
    assert (walk.items, walk.requests) == (CLIENTS, CLIENTS // PAGE_SIZE)


def test_raw_loop_makes_one_request_per_page(server: Server, seeded: SandboxControls) -> None:
    """The hand-written baseline loop also needs exactly 10 requests for 1,000 clients."""
    with _calls.raw_client(server.base_url, server.api_key) as http:
        walk = pagination.walk(seeded, lambda: pagination.raw_items(http, PAGE_SIZE))
    assert (walk.items, walk.requests) == (CLIENTS, CLIENTS // PAGE_SIZE)
