"""How examples/web_app.py is configured: TELNYX_BASE_URL and TELNYX_API_KEY, and optionally an
existing client (TELNYX_CLIENT_ID / TELNYX_CLIENT_SECRET)."""

from __future__ import annotations

from pathlib import Path

import pytest

from telnyx_oauth import connect, paginate
from telnyx_oauth_api.api.oauth_clients import list_oauth_clients
from telnyx_oauth_sandbox import SandboxControls, SandboxServer
from tests.web_app._example import load_web_app


def client_ids(sandbox: SandboxServer) -> list[str]:
    with connect(sandbox.api_key, base_url=sandbox.base_url) as api:
        return [c.client_id for c in paginate(list_oauth_clients, api)]


def test_api_key_alone_registers_a_client_for_the_loopback_callback(
    sandbox: SandboxServer, controls: SandboxControls, tmp_path: Path
) -> None:
    """With only the API key, the app creates a PKCE-only client whose redirect URI is its own
    loopback /callback."""
    controls.reset()
    env = {"TELNYX_BASE_URL": sandbox.base_url, "TELNYX_API_KEY": sandbox.api_key}
    settings = load_web_app().settings_from(
        env, host="127.0.0.1", port=8123, db_path=str(tmp_path / "db")
    )
    assert client_ids(sandbox) == [settings.client_id]
    assert settings.redirect_uri == "http://127.0.0.1:8123/callback"
    with connect(sandbox.api_key, base_url=sandbox.base_url) as api:
        (client,) = paginate(list_oauth_clients, api)
    assert client.redirect_uris == ["http://127.0.0.1:8123/callback"]
    assert client.require_pkce is True


def test_an_existing_client_is_used_as_given(
    sandbox: SandboxServer, controls: SandboxControls, tmp_path: Path
) -> None:
    """TELNYX_CLIENT_ID and TELNYX_CLIENT_SECRET: no client is created."""
    controls.reset()
    env = {
        "TELNYX_BASE_URL": sandbox.base_url,
        "TELNYX_API_KEY": sandbox.api_key,
        "TELNYX_CLIENT_ID": "existing-client",
        "TELNYX_CLIENT_SECRET": "existing-secret",
    }
    settings = load_web_app().settings_from(
        env, host="127.0.0.1", port=8123, db_path=str(tmp_path / "db")
    )
    assert settings.client_id == "existing-client"
    assert client_ids(sandbox) == []


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({}, "set TELNYX_API_KEY"),
        ({"TELNYX_API_KEY": "k", "TELNYX_CLIENT_ID": "c"}, "both TELNYX_CLIENT_ID"),
        ({"TELNYX_API_KEY": "k", "TELNYX_CLIENT_SECRET": "s"}, "both TELNYX_CLIENT_ID"),
    ],
)
def test_incomplete_configuration_is_named(env: dict[str, str], words: str) -> None:
    """A missing API key, or half of an existing client, stops the app with a sentence."""
    with pytest.raises(SystemExit) as stopped:
        load_web_app().settings_from(env, host="127.0.0.1", port=8123, db_path="unused")
    assert words in str(stopped.value)
