"""Handlers of the spec's ``discovery`` tag: RFC 8414 and RFC 9728 metadata."""

from __future__ import annotations

from starlette.responses import JSONResponse, Response

from .._endpoint import Binding, Call
from .._scopes import SCOPE_CATALOGUE

TOKEN_AUTH_METHODS = ["none", "client_secret_basic", "client_secret_post"]
# Public clients cannot introspect (RFC 7662 2.1: the caller authenticates).
INTROSPECTION_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]


async def get_authorization_server_metadata(call: Call) -> Response:
    issuer = call.runtime.issuer
    return JSONResponse(
        {
            "issuer": issuer,
            "authorization_endpoint": f"{issuer}/v2/oauth/authorize",
            "token_endpoint": f"{issuer}/v2/oauth/token",
            "introspection_endpoint": f"{issuer}/v2/oauth/introspect",
            "jwks_uri": f"{issuer}/v2/oauth/jwks",
            "registration_endpoint": f"{issuer}/v2/oauth/register",
            "code_challenge_methods_supported": ["S256"],
            "grant_types_supported": ["authorization_code", "client_credentials", "refresh_token"],
            "response_types_supported": ["code"],
            "scopes_supported": list(SCOPE_CATALOGUE),
            "token_endpoint_auth_methods_supported": TOKEN_AUTH_METHODS,
            "introspection_endpoint_auth_methods_supported": INTROSPECTION_AUTH_METHODS,
        }
    )


async def get_protected_resource_metadata(call: Call) -> Response:
    # The two fields Telnyx's live document has; RFC 9728's optional others are left out, so the
    # sandbox answers nothing the spec does not describe.
    issuer = call.runtime.issuer
    return JSONResponse({"resource": issuer, "authorization_servers": [issuer]})


HANDLERS = {
    "get_authorization_server_metadata": Binding(get_authorization_server_metadata),
    "get_protected_resource_metadata": Binding(get_protected_resource_metadata),
}
