"""The threaded server, discovery, and coverage of the spec's operations."""

from __future__ import annotations

import httpx
import pytest

from telnyx_oauth_sandbox import SandboxApp, SandboxServer, running
from telnyx_oauth_sandbox._spec import Spec
from tests.sandbox._helpers import ISSUER


def test_running_serves_on_loopback() -> None:
    """running() serves on 127.0.0.1 with its own base URL as issuer."""
    with running(api_key="k") as server, httpx.Client(base_url=server.base_url) as http:
        metadata = http.get("/.well-known/oauth-authorization-server").json()
        assert server.base_url.startswith("http://127.0.0.1:")
        assert metadata["issuer"] == server.base_url
        assert server.api_key == "k"


def test_server_generates_api_key() -> None:
    """Without an API key the server makes one up and accepts only it."""
    with SandboxServer() as server, httpx.Client(base_url=server.base_url) as http:
        ok = http.get("/v2/oauth_clients", headers={"Authorization": f"Bearer {server.api_key}"})
        assert ok.status_code == 200
        assert http.get("/v2/oauth_clients").status_code == 401


def test_server_stops() -> None:
    """After the block the port no longer answers."""
    with running() as server:
        base_url = server.base_url
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{base_url}/v2/oauth/jwks", timeout=5)


def test_drop_fault_closes_socket_without_answer() -> None:
    """A drop_connection fault closes the socket: the client sees no response at all."""
    with running() as server, httpx.Client(base_url=server.base_url) as http:
        headers = {"Authorization": f"Bearer {server.api_key}"}
        http.post(
            "/_sandbox/faults",
            headers=headers,
            json={"match": {"method": "GET", "path": "/v2/oauth_clients"}, "drop_connection": True},
        )
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            http.get("/v2/oauth_clients", headers=headers)
        assert http.get("/v2/oauth_clients", headers=headers).status_code == 200


async def test_discovery_documents(http: httpx.AsyncClient) -> None:
    """Discovery names the sandbox as issuer and its /v2 endpoints."""
    server = (await http.get("/.well-known/oauth-authorization-server")).json()
    resource = (await http.get("/.well-known/oauth-protected-resource")).json()
    assert server["token_endpoint"] == f"{ISSUER}/v2/oauth/token"
    assert server["code_challenge_methods_supported"] == ["S256"]
    assert resource == {**resource, "resource": ISSUER, "authorization_servers": [ISSUER]}


def test_every_spec_operation_is_routed(app: SandboxApp) -> None:
    """Each of the spec's operations has a route with its method and path."""
    routed = {
        (method, getattr(route, "path", ""))
        for route in app.routes
        for method in (getattr(route, "methods", None) or ())
    }
    operations = Spec.load().operations.values()
    missing = [op.operation_id for op in operations if (op.method, op.path) not in routed]
    assert len(operations) == 17
    assert missing == []
