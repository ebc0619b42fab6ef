"""``SandboxControls`` and ``complete_consent`` against a sandbox served on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from telnyx_oauth_sandbox import (
    SandboxControlError,
    SandboxControls,
    SandboxServer,
    complete_consent,
    running,
)

REDIRECT_URI = "https://app.example.com/oauth/callback"


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with running() as server:
        yield server


@pytest.fixture
def controls(server: SandboxServer) -> Iterator[SandboxControls]:
    with server.controls() as controls:
        controls.reset()
        yield controls


def test_repr_hides_the_api_key(server: SandboxServer, controls: SandboxControls) -> None:
    """The client's repr names the sandbox, never its key."""
    assert repr(controls) == f"SandboxControls(base_url={server.base_url!r})"
    assert server.api_key not in repr(controls)


def test_clock_controls(controls: SandboxControls) -> None:
    """advance_clock returns the new time; clock() shows the offset; reset returns to real
    time."""
    before = controls.now()
    after = controls.advance_clock(120)
    assert after - before >= 120
    assert controls.clock()["offset_seconds"] == 120
    controls.reset()
    assert controls.clock()["offset_seconds"] == 0


def test_rotate_keys_with_grace_period(controls: SandboxControls) -> None:
    """A rotation names the new and the retired key, both still published."""
    rotation = controls.rotate_keys(grace_period_seconds=30)
    assert rotation["jwks_kids"] == [rotation["kid"], rotation["retired_kid"]]
    assert rotation["grace_period_seconds"] == 30


def test_faults_stats_and_counts(server: SandboxServer, controls: SandboxControls) -> None:
    """A template fault fires, is counted per path, per operation and per status, and the
    listing and clearing of faults and stats work."""
    (client_id,) = controls.seed_clients(1, name_prefix="counted")
    fault = controls.fault(method="GET", path="/v2/oauth_clients/{id}", status=503, count=2)
    assert (fault["match"], fault["remaining"]) == (
        {"method": "GET", "path": "/v2/oauth_clients/{id}"},
        2,
    )
    delay = controls.delay(0.01, count=3)
    assert [f["id"] for f in controls.faults()] == [fault["id"], delay["id"]]
    headers = {"Authorization": f"Bearer {server.api_key}"}
    answer = httpx.get(f"{server.base_url}/v2/oauth_clients/{client_id}", headers=headers)
    assert answer.status_code == 503
    assert controls.requests("GET", f"/v2/oauth_clients/{client_id}") == 1
    assert controls.operation_count("get_oauth_client") == 1
    assert controls.stats()["responses"] == {"503": 1}
    controls.clear_faults()
    controls.clear_stats()
    assert controls.faults() == []
    assert controls.stats()["total"] == 0


def test_token_requests_are_counted_by_grant_type(
    server: SandboxServer, controls: SandboxControls
) -> None:
    """token_requests counts client_credentials by default, any grant type when named."""
    (client_id,) = controls.seed_clients(1, client_secret="s3cret")
    httpx.post(
        f"{server.base_url}/v2/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(client_id, "s3cret"),
    )
    assert controls.token_requests() == 1
    assert controls.token_requests("refresh_token") == 0


def test_rate_limit_settings(controls: SandboxControls) -> None:
    """set_rate_limit keeps the window unless given one; None turns limiting off."""
    assert controls.set_rate_limit(5) == {"limit": 5, "window_seconds": 60}
    assert controls.set_rate_limit(7, window_seconds=10) == {"limit": 7, "window_seconds": 10}
    controls.set_rate_limit(None)
    assert controls.rate_limit() == {"limit": None, "window_seconds": 10}


def test_seed_clients_passes_every_field(server: SandboxServer, controls: SandboxControls) -> None:
    """Seeded clients carry the fields given."""
    ids = controls.seed_clients(
        2,
        name_prefix="app",
        client_type="public",
        allowed_grant_types=["authorization_code"],
        allowed_scopes=["numbers.read"],
        redirect_uris=[REDIRECT_URI],
        require_pkce=True,
        verified=True,
    )
    headers = {"Authorization": f"Bearer {server.api_key}"}
    data = httpx.get(f"{server.base_url}/v2/oauth_clients/{ids[1]}", headers=headers).json()["data"]
    assert (data["name"], data["client_type"], data["allowed_scopes"], data["redirect_uris"]) == (
        "app-00001",
        "public",
        ["numbers.read"],
        [REDIRECT_URI],
    )


def test_seed_defaults(server: SandboxServer, controls: SandboxControls) -> None:
    """Without fields, seeded clients are confidential, client_credentials, admin."""
    (client_id,) = controls.seed_clients(1)
    headers = {"Authorization": f"Bearer {server.api_key}"}
    url = f"{server.base_url}/v2/oauth_clients/{client_id}"
    data = httpx.get(url, headers=headers).json()["data"]
    assert (data["name"], data["client_type"], data["allowed_grant_types"]) == (
        "seed-00000",
        "confidential",
        ["client_credentials"],
    )
    assert (data["allowed_scopes"], data["redirect_uris"]) == (["admin"], [])


def test_refusals_raise_with_the_sandboxs_words(
    server: SandboxServer, controls: SandboxControls
) -> None:
    """A refused control raises SandboxControlError with the status and the description."""
    with pytest.raises(SandboxControlError) as refused:
        controls.fault(path="/v2/oauth_clientz", status=503)
    assert refused.value.status_code == 400
    assert "names no operation of the spec" in str(refused.value)
    with (
        SandboxControls(server.base_url, "wrong-key") as stranger,
        pytest.raises(SandboxControlError, match="401 The API key is invalid") as denied,
    ):
        stranger.reset()
    assert "wrong-key" not in str(denied.value)


# -- complete_consent -------------------------------------------------------------------------


class Recorder(httpx.BaseTransport):
    """A real transport that remembers what it sent."""

    def __init__(self) -> None:
        self.sent: list[httpx.Request] = []
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


def _authorization_url(server: SandboxServer, client_id: str, **extra: str) -> str:
    params = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": REDIRECT_URI,
        "state": "st-1",
        **extra,
    }
    return str(httpx.URL(f"{server.base_url}/v2/oauth/authorize", params=params))


def _web_app(controls: SandboxControls) -> str:
    (client_id,) = controls.seed_clients(
        1,
        allowed_grant_types=["authorization_code"],
        allowed_scopes=["numbers.read"],
        redirect_uris=[REDIRECT_URI],
    )
    return client_id


@pytest.mark.parametrize(("allow", "expected"), [(True, "code"), (False, "error")])
def test_complete_consent_returns_the_callback(
    server: SandboxServer, controls: SandboxControls, allow: bool, expected: str
) -> None:
    """Allowed: the redirect URI with code and state; denied: with error=access_denied."""
    url = _authorization_url(server, _web_app(controls))
    callback = httpx.URL(complete_consent(url, api_key=server.api_key, allow=allow))
    assert str(callback.copy_with(query=None)) == REDIRECT_URI
    assert callback.params["state"] == "st-1"
    assert expected in callback.params
    if not allow:
        assert callback.params["error"] == "access_denied"


def test_complete_consent_sends_the_key_to_the_consent_step_only(
    server: SandboxServer, controls: SandboxControls
) -> None:
    """The authorization URL is fetched without the API key; the decision carries it."""
    recorder = Recorder()
    url = _authorization_url(server, _web_app(controls))
    complete_consent(url, api_key=server.api_key, transport=recorder)
    authorize, decision = recorder.sent
    assert "authorization" not in authorize.headers
    assert decision.url.path == "/v2/oauth/grants"
    assert decision.headers["authorization"] == f"Bearer {server.api_key}"


def test_error_sent_back_to_the_client_is_returned(
    server: SandboxServer, controls: SandboxControls
) -> None:
    """A request the sandbox answers by redirecting back (a scope not allowed) is the callback."""
    url = _authorization_url(server, _web_app(controls), scope="calls.write")
    callback = httpx.URL(controls.complete_consent(url))
    assert callback.params["error"] == "invalid_scope"


def test_refused_authorization_raises(server: SandboxServer, controls: SandboxControls) -> None:
    """An unknown client is no redirect at all: SandboxControlError with the page's words."""
    url = _authorization_url(server, "no-such-client")
    with pytest.raises(SandboxControlError, match="404 client_id: unknown client"):
        complete_consent(url, api_key=server.api_key)


def test_refused_decision_raises(server: SandboxServer, controls: SandboxControls) -> None:
    """A decision the sandbox refuses (the client was deleted after authorize) raises 404."""
    client_id = _web_app(controls)
    headers = {"Authorization": f"Bearer {server.api_key}"}

    class DeleteAfterAuthorize(Recorder):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = super().handle_request(request)
            if request.url.path == "/v2/oauth/authorize":
                url = f"{server.base_url}/v2/oauth_clients/{client_id}"
                assert httpx.delete(url, headers=headers).status_code == 204
            return response

    with pytest.raises(SandboxControlError, match="consent decision was refused: 404") as refused:
        complete_consent(
            _authorization_url(server, client_id),
            api_key=server.api_key,
            transport=DeleteAfterAuthorize(),
        )
    assert refused.value.status_code == 404
