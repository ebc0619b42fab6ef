"""Figures 1, 2 and 6: one call is one request, and a local check is none."""

from __future__ import annotations

from contextlib import ExitStack

import httpx
import pytest

from bench import _calls, _sdk, concurrency, verification
from bench._payloads import API_KEY, CLIENT_ID, oauth_client_body
from bench._sandbox import Server
from telnyx_oauth import connect_anonymous
from telnyx_oauth_sandbox import SandboxControls

CALLS = 20


class Counting(httpx.MockTransport):
    """The benchmark's canned answer, counting the requests it gets."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        body = oauth_client_body()

        def handler(request: httpx.Request) -> httpx.Response:
            self.requests.append(request)
            return httpx.Response(200, content=body, headers={"content-type": "application/json"})

        super().__init__(handler)


@pytest.mark.parametrize("variant", ["ours", "raw", "sdk"])
def test_in_memory_call_is_one_request(variant: str) -> None:
    """Each variant of figure 1 sends exactly one GET /v2/oauth_clients/{id} per call."""
    transport = Counting()
    with ExitStack() as stack:
        if variant == "ours":
            ours = stack.enter_context(_calls.ours_client("http://x.invalid", API_KEY, transport))
            call = _calls.ours(ours, CLIENT_ID)
        elif variant == "raw":
            raw = stack.enter_context(_calls.raw_client("http://x.invalid", API_KEY, transport))
            call = _calls.raw(raw, CLIENT_ID)
        else:
            sdk = stack.enter_context(_sdk.with_transport(transport, api_key=API_KEY))
            call = _calls.sdk(sdk, CLIENT_ID)
        for _ in range(CALLS):
            call()
    paths = {(r.method, r.url.path) for r in transport.requests}
    assert (len(transport.requests), paths) == (CALLS, {("GET", f"/v2/oauth_clients/{CLIENT_ID}")})


def test_loopback_call_is_one_request(server: Server, controls: SandboxControls) -> None:
    """Over loopback, this project's call costs the server exactly one get_oauth_client each."""
    (client_id,) = controls.seed_clients(1)
    with _calls.ours_client(server.base_url, server.api_key) as client:
        call = _calls.ours(client, client_id)
        controls.clear_stats()
        for _ in range(CALLS):
            call()
    assert controls.stats()["total"] == CALLS


def test_local_checks_fetch_the_jwks_once(server: Server, controls: SandboxControls) -> None:
    """Local verification fetches the JWKS once, then checks tokens without any request."""
    token = concurrency.fetch_token(server, concurrency.seed_machine_client(controls))
    controls.clear_stats()
    with connect_anonymous(base_url=server.base_url) as anonymous:
        check = verification.local_check(anonymous, server.base_url, token)
        for _ in range(CALLS):
            check()
    assert controls.stats()["total"] == 1


def test_introspection_is_one_request_per_check(server: Server, controls: SandboxControls) -> None:
    """The introspection baseline costs one request per check."""
    credentials = concurrency.seed_machine_client(controls)
    token = concurrency.fetch_token(server, credentials)
    with verification.as_client(server, credentials) as client:
        check = verification.remote_check(client, token)
        controls.clear_stats()
        for _ in range(CALLS):
            check()
    assert controls.operation_count("introspect_token") == CALLS
