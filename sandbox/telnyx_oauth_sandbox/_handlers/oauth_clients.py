"""Handlers of the spec's ``oauth_clients`` tag: the account's OAuth clients."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse, Response

from .._constants import DEFAULT_PAGE_SIZE
from .._endpoint import Binding, Call
from .._errors import NO_STORE_HEADERS
from .._problems import unprocessable
from .._redirect_uris import redirect_uri_problems
from .._store import LIST_FILTERS


def _check_redirect_uris(body: dict[str, Any]) -> None:
    problems = redirect_uri_problems(list(body.get("redirect_uris") or []))
    if problems:
        raise unprocessable(problems)


async def list_oauth_clients(call: Call) -> Response:
    query = call.query
    filters = {key: query[name] for name, key in LIST_FILTERS.items() if name in query}
    clients, meta = call.runtime.store.list_clients(
        filters, query.get("page[number]", 1), query.get("page[size]", DEFAULT_PAGE_SIZE)
    )
    return JSONResponse({"data": [c.to_json() for c in clients], "meta": meta})


async def create_oauth_client(call: Call) -> Response:
    body = call.body
    _check_redirect_uris(body)
    client, secret = call.runtime.store.create_client(
        name=body["name"],
        client_type=body["client_type"],
        allowed_grant_types=body["allowed_grant_types"],
        allowed_scopes=body["allowed_scopes"],
        redirect_uris=body.get("redirect_uris"),
        require_pkce=body.get("require_pkce", False),
        logo_uri=body.get("logo_uri"),
        policy_uri=body.get("policy_uri"),
        tos_uri=body.get("tos_uri"),
    )
    return JSONResponse({"data": client.to_json(secret)}, status_code=201, headers=NO_STORE_HEADERS)


async def get_oauth_client(call: Call) -> Response:
    client = call.runtime.store.get_client(call.path["id"])
    return JSONResponse({"data": client.to_json()})


async def update_oauth_client(call: Call) -> Response:
    _check_redirect_uris(call.body)
    client = call.runtime.store.update_client(call.path["id"], call.body)
    return JSONResponse({"data": client.to_json()})


async def delete_oauth_client(call: Call) -> Response:
    call.runtime.store.delete_client(call.path["id"])
    return Response(status_code=204)


HANDLERS = {
    "list_oauth_clients": Binding(list_oauth_clients),
    "create_oauth_client": Binding(create_oauth_client),
    "get_oauth_client": Binding(get_oauth_client),
    "update_oauth_client": Binding(update_oauth_client),
    "delete_oauth_client": Binding(delete_oauth_client),
}
