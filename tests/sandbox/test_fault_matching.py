"""Faults select operations of the spec: by path template, concrete path or glob; a selection
that names no operation is refused when the fault is added, never accepted to fire never."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.sandbox._helpers import BEARER, create_client


async def _add(http: httpx.AsyncClient, match: dict[str, Any], **fields: Any) -> httpx.Response:
    body = {"match": match, "status": 503, **fields}
    return await http.post("/_sandbox/faults", json=body, headers=BEARER)


async def _statuses(http: httpx.AsyncClient, *paths: str) -> list[int]:
    return [(await http.get(path, headers=BEARER)).status_code for path in paths]


async def test_template_matches_every_id(http: httpx.AsyncClient) -> None:
    """``/v2/oauth_clients/{id}`` fires for any client id, and not for the list."""
    first, second = await create_client(http), await create_client(http)
    added = await _add(http, {"method": "GET", "path": "/v2/oauth_clients/{id}"}, count=2)
    assert added.status_code == 201
    statuses = await _statuses(
        http,
        "/v2/oauth_clients",
        f"/v2/oauth_clients/{first['client_id']}",
        f"/v2/oauth_clients/{second['client_id']}",
        f"/v2/oauth_clients/{first['client_id']}",
    )
    assert statuses == [200, 503, 503, 200]


async def test_concrete_path_matches_that_path_only(http: httpx.AsyncClient) -> None:
    """A concrete path of an operation fires for that path and no other."""
    first, second = await create_client(http), await create_client(http)
    await _add(http, {"path": f"/v2/oauth_clients/{first['client_id']}"})
    statuses = await _statuses(
        http, f"/v2/oauth_clients/{second['client_id']}", f"/v2/oauth_clients/{first['client_id']}"
    )
    assert statuses == [200, 503]


async def test_glob_matches_request_paths(http: httpx.AsyncClient) -> None:
    """A glob fires for every request path it matches."""
    client = await create_client(http)
    await _add(http, {"path": "/v2/oauth_clients*"}, count=2)
    statuses = await _statuses(
        http, "/v2/oauth/jwks", "/v2/oauth_clients", f"/v2/oauth_clients/{client['client_id']}"
    )
    assert statuses == [200, 503, 503]


@pytest.mark.parametrize(
    ("match", "pointer"),
    [
        ({"path": "/v2/oauth_clientz"}, "/match/path"),
        ({"path": "/v2/oauth_clients/{client_id}"}, "/match/path"),
        ({"path": "/v2/oauth_clients/abc/extra"}, "/match/path"),
        ({"path": "/_sandbox/reset"}, "/match/path"),
        ({"path": "/v3/*"}, "/match/path"),
        ({"method": "POST", "path": "/v2/oauth_clients/{id}"}, "/match/method"),
        ({"method": "GET", "path": "/v2/oauth/token"}, "/match/method"),
        ({"method": "POST", "path": "/v2/oauth/jwks"}, "/match/method"),
        ({"method": "BREW"}, "/match/method"),
    ],
)
async def test_match_naming_no_operation_is_400(
    http: httpx.AsyncClient, match: dict[str, Any], pointer: str
) -> None:
    """A path or method that selects no operation of the spec is 400 pointing at it; nothing
    is added."""
    response = await _add(http, match)
    error = response.json()["errors"][0]
    assert (response.status_code, error["source"]["pointer"]) == (400, pointer)
    assert "no operation of the spec" in error["detail"]
    assert (await http.get("/_sandbox/faults", headers=BEARER)).json()["data"] == []


async def test_listed_fault_shows_its_match_as_given(http: httpx.AsyncClient) -> None:
    """The fault list shows the template as it was given, the method upper-cased."""
    await _add(http, {"method": "delete", "path": "/v2/oauth_grants/{id}"})
    (fault,) = (await http.get("/_sandbox/faults", headers=BEARER)).json()["data"]
    assert fault["match"] == {"method": "DELETE", "path": "/v2/oauth_grants/{id}"}
