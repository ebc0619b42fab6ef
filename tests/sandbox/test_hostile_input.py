"""Hostile input: whatever a caller sends, authenticated or not, the answer is a documented 4xx
in the error shape of its endpoint, never a 500, and the sandbox keeps answering afterwards."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from telnyx_oauth_sandbox._spec import Spec
from tests.sandbox._helpers import BEARER, create_client

DEEP = b"[" * 2000 + b"]" * 2000
BIG = "1" + "0" * 400  # a 401-digit integer

BODY_OPERATIONS = sorted(
    (op.method, op.path.replace("{id}", "0e0f5ad8-2f0c-4f61-9a55-7c1b2a3d4e5f"))
    for op in Spec.load().operations.values()
    if op.body_media_type is not None
)
CONTROLS_WITH_BODIES = [
    "/_sandbox/clock/advance",
    "/_sandbox/keys/rotate",
    "/_sandbox/faults",
    "/_sandbox/rate-limit",
    "/_sandbox/seed/oauth_clients",
]


def _error_shape(response: httpx.Response) -> None:
    """A 4xx whose body is one of the documented error shapes."""
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    body = response.json()
    assert ("error" in body and "error_description" in body) or body["errors"][0]["detail"]


async def _still_answering(http: httpx.AsyncClient) -> None:
    assert (await http.get("/v2/oauth/jwks")).status_code == 200
    assert (await http.get("/v2/oauth_clients", headers=BEARER)).status_code == 200
    assert (await http.get("/_sandbox/clock", headers=BEARER)).status_code == 200


def test_every_body_operation_is_probed() -> None:
    """The six operations of the spec that take a body are all probed below."""
    assert len(BODY_OPERATIONS) == 6


@pytest.mark.parametrize("authorized", [False, True], ids=["anonymous", "api-key"])
@pytest.mark.parametrize(("method", "path"), BODY_OPERATIONS)
@pytest.mark.parametrize("content_type", ["application/json", "application/x-www-form-urlencoded"])
async def test_deeply_nested_json_is_a_4xx(
    http: httpx.AsyncClient, method: str, path: str, authorized: bool, content_type: str
) -> None:
    """2,000 nested arrays, sent to every operation with a body (as JSON, or as JSON under a
    form content type), with or without the API key: a 4xx naming the problem, never a 500."""
    headers = {"Content-Type": "application/json", **(BEARER if authorized else {})}
    if content_type != "application/json":
        headers["Content-Type"] = content_type
    response = await http.request(method, path, content=DEEP, headers=headers)
    _error_shape(response)
    if authorized and content_type == "application/json":
        assert "nest deeper than 32 levels" in response.text
    await _still_answering(http)


@pytest.mark.parametrize("path", CONTROLS_WITH_BODIES)
async def test_deeply_nested_json_to_a_control_is_a_422(http: httpx.AsyncClient, path: str) -> None:
    """The controls read the same strict JSON: 422 with the reason, 401 without the key."""
    anonymous = await http.post(path, content=DEEP, headers={"Content-Type": "application/json"})
    response = await http.post(
        path, content=DEEP, headers={**BEARER, "Content-Type": "application/json"}
    )
    assert anonymous.status_code == 401
    assert response.status_code == 422
    assert "nest deeper than 32 levels" in response.json()["errors"][0]["detail"]
    await _still_answering(http)


def _huge_number_cases() -> Iterator[tuple[str, str, str]]:
    """(control, JSON body with a 401-digit integer, the field it is in)."""
    yield "/_sandbox/clock/advance", f'{{"seconds": {BIG}}}', "seconds"
    yield "/_sandbox/keys/rotate", f'{{"grace_period_seconds": {BIG}}}', "grace_period_seconds"
    yield "/_sandbox/faults", f'{{"status": 503, "retry_after": {BIG}}}', "retry_after"
    yield "/_sandbox/faults", f'{{"status": 503, "count": {BIG}}}', "count"
    yield "/_sandbox/faults", f'{{"delay_seconds": {BIG}}}', "delay_seconds"
    yield "/_sandbox/rate-limit", f'{{"limit": 5, "window_seconds": {BIG}}}', "window_seconds"
    yield "/_sandbox/rate-limit", f'{{"limit": {BIG}}}', "limit"
    yield "/_sandbox/seed/oauth_clients", f'{{"count": {BIG}}}', "count"


@pytest.mark.parametrize(("path", "body", "field"), list(_huge_number_cases()))
async def test_huge_integers_in_controls_are_422(
    http: httpx.AsyncClient, path: str, body: str, field: str
) -> None:
    """A 401-digit integer in any numeric control field is 422 pointing at the field, and every
    later request is still answered (the rate limiter was not left out of range)."""
    response = await http.post(
        path, content=body.encode(), headers={**BEARER, "Content-Type": "application/json"}
    )
    assert response.status_code == 422, response.text
    error = response.json()["errors"][0]
    assert (error["code"], error["source"]) == ("10015", {"pointer": f"/{field}"})
    assert error["detail"].startswith(f"{field}: must be <= ")
    await _still_answering(http)


@pytest.mark.parametrize(
    ("path", "body", "headers"),
    [
        ("/v2/oauth_clients", {"name": "\ud800"}, BEARER),
        ("/v2/oauth/register", {"client_name": "\udfff"}, {}),
        ("/v2/oauth/token", {"grant_type": "client_credentials", "scope": "\ud83d"}, {}),
        ("/_sandbox/faults", {"match": {"path": "/v2/\ud800"}, "status": 503}, BEARER),
    ],
)
async def test_lone_surrogates_are_refused(
    http: httpx.AsyncClient, path: str, body: dict[str, Any], headers: dict[str, str]
) -> None:
    """A ``\\ud800`` escape is valid JSON syntax but no Unicode text: refused before it can reach
    an answer that UTF-8 cannot encode."""
    content = json.dumps(body).encode()  # ensure_ascii keeps the escape as \\ud800
    response = await http.post(
        path, content=content, headers={**headers, "Content-Type": "application/json"}
    )
    _error_shape(response)
    assert "lone surrogate" in response.text
    await _still_answering(http)


async def test_utf16_json_is_read(http: httpx.AsyncClient) -> None:
    """JSON in UTF-16 (RFC 8259 readers may accept it) is read like UTF-8."""
    body = json.dumps({"redirect_uris": ["https://app.example.com/cb"]}).encode("utf-16")
    response = await http.post(
        "/v2/oauth/register", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 201


async def test_undeclared_oversized_body_is_413(http: httpx.AsyncClient) -> None:
    """A body streamed without Content-Length is cut off at the limit: 413."""

    async def chunks() -> Any:
        for _ in range(40):
            yield b" " * 4096

    response = await http.post(
        "/v2/oauth/token",
        content=chunks(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert (response.status_code, response.json()["errors"][0]["code"]) == (413, "413")


@pytest.mark.parametrize(
    ("content", "content_type", "status", "error"),
    [
        (
            b"&".join(b"f%d=1" % i for i in range(500)),
            "application/x-www-form-urlencoded",
            400,
            "invalid_request",
        ),
        (b"grant_type=\xff", "application/x-www-form-urlencoded", 400, "invalid_request"),
        (b"--b\r\n", "multipart/form-data; boundary=b", 400, "invalid_request"),
        (b"<xml/>", "text/xml", 400, "invalid_request"),
        (b'{"grant_type": ["client_credentials"]}', "application/json", 400, "invalid_request"),
        (b'{"grant_type": "password"}', "application/json", 400, "unsupported_grant_type"),
        (b"1" * 5000, "application/json", 400, "invalid_request"),
    ],
)
async def test_odd_token_bodies_are_400(
    http: httpx.AsyncClient, content: bytes, content_type: str, status: int, error: str
) -> None:
    """Too many form fields, bytes that are not UTF-8, multipart, XML, a list for a string, a
    5,000-digit number: each is an OAuth 400 at the token endpoint."""
    response = await http.post(
        "/v2/oauth/token", content=content, headers={"Content-Type": content_type}
    )
    assert (response.status_code, response.json()["error"]) == (status, error)


@pytest.mark.parametrize(
    "authorization",
    ["Basic !!!", "Basic YWJj", "Basic /w==", "Basic " + "A" * 3000, "Bearer", "Negotiate x"],
)
async def test_malformed_authorization_headers_are_401(
    http: httpx.AsyncClient, authorization: str
) -> None:
    """Malformed credentials at the token endpoint are 401 or 400, never 500."""
    response = await http.post(
        "/v2/oauth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": authorization},
    )
    assert response.status_code in (400, 401)
    assert response.json()["error"] in ("invalid_client", "invalid_request")


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("page[number]=" + "9" * 1000, 200),
        ("page[number]=" + "9" * 5000, 422),
        ("page[size]=" + "9" * 1000, 422),
        ("filter[name]=%ff%fe", 200),
        ("filter[verified]=%00", 422),
    ],
)
async def test_odd_query_values_are_answered(
    http: httpx.AsyncClient, query: str, status: int
) -> None:
    """Huge page numbers, broken percent-encoding and NUL bytes in a query: 200 or 422."""
    await create_client(http)
    response = await http.get(f"/v2/oauth_clients?{query}", headers=BEARER)
    assert response.status_code == status, response.text


@pytest.mark.parametrize("method", ["GET", "DELETE"])
async def test_path_parameter_the_spec_refuses_is_404(http: httpx.AsyncClient, method: str) -> None:
    """A grant id that is not a UUID names no grant: 404 not_found, as the spec documents."""
    response = await http.request(method, "/v2/oauth_grants/not-a-uuid", headers=BEARER)
    assert (response.status_code, response.json()["error"]) == (404, "not_found")
    assert response.json()["error_description"] == "id: must be a valid uuid"
