"""The /_sandbox/ controls and the gateway: reset, clock, keys, faults, stats, rate limits."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet

from telnyx_oauth_sandbox import SandboxApp, create_app
from tests.sandbox._helpers import (
    API_KEY,
    BEARER,
    ISSUER,
    access_token,
    advance,
    create_client,
    token_response,
)


async def test_controls_require_api_key(http: httpx.AsyncClient) -> None:
    """A control without the API key is 401."""
    assert (await http.post("/_sandbox/reset")).status_code == 401


async def test_reset_forgets_clients(http: httpx.AsyncClient) -> None:
    """Reset empties the store."""
    await create_client(http)
    response = await http.post("/_sandbox/reset", headers=BEARER)
    listed = (await http.get("/v2/oauth_clients", headers=BEARER)).json()
    assert response.json() == {"reset": True}
    assert listed["meta"]["total_results"] == 0


async def test_clock_advance_moves_sandbox_time(http: httpx.AsyncClient) -> None:
    """Advancing the clock adds to its offset."""
    response = await http.post("/_sandbox/clock/advance", json={"seconds": 90}, headers=BEARER)
    assert response.json()["offset_seconds"] == 90


async def test_clock_cannot_go_back(http: httpx.AsyncClient) -> None:
    """A negative advance is 422 naming the field."""
    response = await http.post("/_sandbox/clock/advance", json={"seconds": -1}, headers=BEARER)
    assert response.status_code == 422
    assert response.json()["errors"][0]["detail"] == "seconds: must be >= 0"


async def test_rotation_keeps_old_key_for_grace_period(http: httpx.AsyncClient) -> None:
    """After a rotation, a token signed before it still verifies with the JWKS."""
    client = await create_client(http)
    old_token = await access_token(http, client)
    rotated = (await http.post("/_sandbox/keys/rotate", headers=BEARER)).json()
    jwks = KeySet.import_key_set((await http.get("/v2/oauth/jwks")).json())
    new_token = await access_token(http, client)
    assert rotated["jwks_kids"] == [rotated["kid"], rotated["retired_kid"]]
    assert jwt.decode(old_token, jwks).header["kid"] == rotated["retired_kid"]
    assert jwt.decode(new_token, jwks).header["kid"] == rotated["kid"]


async def test_retired_key_leaves_jwks_after_grace_period(http: httpx.AsyncClient) -> None:
    """Once the grace period is over, only the current key is published."""
    rotated = (
        await http.post("/_sandbox/keys/rotate", json={"grace_period_seconds": 10}, headers=BEARER)
    ).json()
    await advance(http, 11)
    keys = (await http.get("/v2/oauth/jwks")).json()["keys"]
    assert [k["kid"] for k in keys] == [rotated["kid"]]


async def test_status_fault_answers_next_requests_then_stops(http: httpx.AsyncClient) -> None:
    """A status fault answers the next N matching requests, with Retry-After, then is spent."""
    await http.post(
        "/_sandbox/faults",
        headers=BEARER,
        json={
            "match": {"method": "GET", "path": "/v2/oauth_clients"},
            "count": 2,
            "status": 503,
            "retry_after": 1,
        },
    )
    first = await http.get("/v2/oauth_clients", headers=BEARER)
    second = await http.get("/v2/oauth_clients", headers=BEARER)
    third = await http.get("/v2/oauth_clients", headers=BEARER)
    assert [first.status_code, second.status_code, third.status_code] == [503, 503, 200]
    assert first.headers["retry-after"] == "1"
    assert first.json()["errors"][0]["code"] == "503"


async def test_fault_matches_method(http: httpx.AsyncClient) -> None:
    """A fault for POST leaves GET alone."""
    await http.post(
        "/_sandbox/faults",
        headers=BEARER,
        json={"match": {"method": "POST", "path": "/v2/oauth_clients"}, "status": 500},
    )
    assert (await http.get("/v2/oauth_clients", headers=BEARER)).status_code == 200


async def test_fault_needs_an_effect(http: httpx.AsyncClient) -> None:
    """A fault with neither status, delay nor drop is 422."""
    response = await http.post("/_sandbox/faults", headers=BEARER, json={"count": 1})
    assert response.status_code == 422


async def test_slow_fault_does_not_block_other_requests() -> None:
    """A delayed request awaits an async sleep while other requests are served."""
    release = asyncio.Event()
    delays: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        delays.append(seconds)
        await release.wait()

    app = create_app(api_key=API_KEY, issuer=ISSUER, sleep=fake_sleep)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=ISSUER) as http:
        await http.post(
            "/_sandbox/faults",
            headers=BEARER,
            json={"match": {"path": "/v2/oauth_clients"}, "delay_seconds": 2.5},
        )
        slow = asyncio.create_task(http.get("/v2/oauth_clients", headers=BEARER))
        while not delays:
            await asyncio.sleep(0)
        other = await http.get("/v2/oauth/jwks")
        assert (other.status_code, slow.done()) == (200, False)
        release.set()
        assert (await slow).status_code == 200
    assert delays == [2.5]


async def test_drop_fault_in_process_raises(http: httpx.AsyncClient) -> None:
    """Without a socket (ASGI in process), a dropped connection surfaces as an exception."""
    await http.post(
        "/_sandbox/faults",
        headers=BEARER,
        json={"match": {"path": "/v2/oauth/jwks"}, "drop_connection": True},
    )
    with pytest.raises(Exception, match="dropped"):
        await http.get("/v2/oauth/jwks")


async def test_stats_count_requests_and_grant_types(http: httpx.AsyncClient) -> None:
    """Stats count requests by method and path, faulted ones included, and token grant types."""
    client = await create_client(http)
    await http.post(
        "/_sandbox/faults",
        headers=BEARER,
        json={"match": {"path": "/v2/oauth/token"}, "status": 503},
    )
    await token_response(http, client)
    await token_response(http, client)
    stats = (await http.get("/_sandbox/stats", headers=BEARER)).json()
    assert stats["requests"]["POST /v2/oauth/token"] == 2
    assert stats["operations"]["create_token"] == 2
    assert stats["token_requests"] == {"client_credentials": 1}
    assert stats["responses"]["503"] == 1


async def test_rate_limit_headers_on_responses(http: httpx.AsyncClient) -> None:
    """Every API answer carries x-ratelimit-limit, -remaining and -reset."""
    response = await http.get("/v2/oauth/jwks")
    assert int(response.headers["x-ratelimit-limit"]) == 1_000_000
    assert int(response.headers["x-ratelimit-remaining"]) == 999_999
    assert 1 <= int(response.headers["x-ratelimit-reset"]) <= 60


async def test_rate_limit_answers_429_then_resets(http: httpx.AsyncClient) -> None:
    """Over the limit the answer is 429 with Telnyx code 10011; a new window allows again."""
    await http.post("/_sandbox/rate-limit", json={"limit": 2, "window_seconds": 60}, headers=BEARER)
    statuses = [(await http.get("/v2/oauth_clients", headers=BEARER)).status_code for _ in range(3)]
    limited = await http.get("/v2/oauth_clients", headers=BEARER)
    assert statuses == [200, 200, 429]
    assert limited.json()["errors"][0]["code"] == "10011"
    assert limited.headers["x-ratelimit-remaining"] == "0"
    await advance(http, 60)
    assert (await http.get("/v2/oauth_clients", headers=BEARER)).status_code == 200


async def test_rate_limit_is_per_identity(http: httpx.AsyncClient) -> None:
    """Another API key or client has its own budget."""
    await http.post("/_sandbox/rate-limit", json={"limit": 1}, headers=BEARER)
    await http.get("/v2/oauth_clients", headers=BEARER)
    other = await http.get("/v2/oauth/jwks", headers={"Authorization": "Bearer other"})
    assert other.status_code == 200


async def test_rate_limit_can_be_turned_off(http: httpx.AsyncClient) -> None:
    """limit null removes the headers."""
    await http.post("/_sandbox/rate-limit", json={"limit": None}, headers=BEARER)
    assert "x-ratelimit-limit" not in (await http.get("/v2/oauth/jwks")).headers


async def test_unexpected_error_is_json_500_without_secrets(
    app: SandboxApp, http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    """A bug answers a JSON 500 without traceback; the log names the place, not the message."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("super-secret-value")

    app.runtime.store.list_clients = broken  # type: ignore[method-assign,assignment]
    with caplog.at_level(logging.ERROR, logger="telnyx_oauth_sandbox"):
        response = await http.get("/v2/oauth_clients", headers=BEARER)
    assert response.status_code == 500
    assert "Traceback" not in response.text
    assert response.json()["errors"][0]["title"] == "Unexpected error"
    assert "RuntimeError" in caplog.text
    assert "super-secret-value" not in caplog.text


async def test_unknown_route_is_json_404(http: httpx.AsyncClient) -> None:
    """An unknown path is a Telnyx-shaped 404."""
    response = await http.get("/v2/nothing")
    assert (response.status_code, response.json()["errors"][0]["code"]) == (404, "404")


async def test_seed_validates_count(http: httpx.AsyncClient) -> None:
    """Seeding zero clients is 422."""
    response = await http.post("/_sandbox/seed/oauth_clients", json={"count": 0}, headers=BEARER)
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/_sandbox/clock/advance", b'{"seconds": Infinity}'),
        ("/_sandbox/clock/advance", b'{"seconds": NaN}'),
        ("/_sandbox/clock/advance", b'{"seconds": 1e400}'),
        ("/_sandbox/faults", b'{"status": 503, "retry_after": Infinity}'),
        ("/_sandbox/faults", b'{"status": 503, "retry_after": NaN}'),
        ("/_sandbox/keys/rotate", b'{"grace_period_seconds": Infinity}'),
    ],
)
async def test_controls_refuse_non_finite_numbers(
    http: httpx.AsyncClient, path: str, body: bytes
) -> None:
    """NaN and infinities are not JSON: 422, and the sandbox keeps answering (no 500 later)."""
    response = await http.post(
        path, content=body, headers={**BEARER, "Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["detail"] == "The body is not valid JSON."
    for follow_up in ("/_sandbox/clock", "/_sandbox/faults", "/v2/oauth/jwks"):
        assert (await http.get(follow_up, headers=BEARER)).status_code == 200


async def test_clock_refuses_to_leave_the_calendar(http: httpx.AsyncClient) -> None:
    """An advance past what dates can express is 422 naming seconds; the API keeps working."""
    response = await http.post("/_sandbox/clock/advance", json={"seconds": 1e300}, headers=BEARER)
    assert response.status_code == 422
    assert response.json()["errors"][0]["source"] == {"pointer": "/seconds"}
    await create_client(http)
    assert (await http.get("/v2/oauth_clients", headers=BEARER)).status_code == 200
