"""Handlers of the spec's ``oauth_grants`` tag: the grants users gave to OAuth clients."""

from __future__ import annotations

from starlette.responses import JSONResponse, Response

from .._constants import DEFAULT_PAGE_SIZE
from .._endpoint import Binding, Call


async def list_oauth_grants(call: Call) -> Response:
    grants, meta = call.runtime.store.list_grants(
        call.query.get("page[number]", 1), call.query.get("page[size]", DEFAULT_PAGE_SIZE)
    )
    return JSONResponse({"data": [g.to_json() for g in grants], "meta": meta})


async def get_oauth_grant(call: Call) -> Response:
    grant = call.runtime.store.get_grant(call.path["id"])
    return JSONResponse({"data": grant.to_json()})


async def revoke_oauth_grant(call: Call) -> Response:
    grant = call.runtime.store.revoke_grant(call.path["id"])
    return JSONResponse({"data": grant.to_json()})


HANDLERS = {
    "list_oauth_grants": Binding(list_oauth_grants),
    "get_oauth_grant": Binding(get_oauth_grant),
    "revoke_oauth_grant": Binding(revoke_oauth_grant),
}
