"""Handlers of the spec's ``oauth`` tag: the authorization server itself.

authorize -> consent (details, decision) -> token; introspection, the JWKS and dynamic
registration (RFC 7591).
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse, RedirectResponse, Response

from .._access import may_see_token, registration_problems
from .._consents import TooManyPendingConsentsError
from .._constants import CONSENT_PAGE_PATH
from .._endpoint import Binding, Call
from .._errors import NO_STORE_HEADERS, HTMLError, OAuthError
from .._pkce import is_code_challenge
from .._problems import (
    Problem,
    bad_authorization_request,
    bad_oauth_request,
    bad_registration,
    bad_token_request,
)
from .._records import GRANT_TYPES
from .._redirect_uris import add_query, redirect_uri_problems
from .._runtime import Runtime
from .._scopes import DEFAULT_REGISTRATION_SCOPES, is_scope_token, scopes_outside, split_scope


async def authorize(call: Call) -> Response:
    """Check the request; send the browser to the consent page, or back with an error."""
    query = call.query
    client = call.runtime.store.find_client(query["client_id"])
    if client is None:
        raise HTMLError(404, "client_id: unknown client")
    redirect_uri: str = query["redirect_uri"]
    if redirect_uri not in client.redirect_uris:
        raise HTMLError(422, "redirect_uri: is not registered for this client")
    state = query.get("state")

    def back(error: str, description: str) -> Response:
        # The redirect URI is trusted from here on: errors go back to the client (RFC 6749 4.1.2.1).
        target = add_query(
            redirect_uri, {"error": error, "error_description": description, "state": state}
        )
        return RedirectResponse(target, status_code=302)

    if "authorization_code" not in client.allowed_grant_types:
        return back("unauthorized_client", "this client may not use authorization_code")
    requested = split_scope(query.get("scope") or "") or list(client.allowed_scopes)
    outside = scopes_outside(requested, client.allowed_scopes)
    if outside:
        return back("invalid_scope", f"scope not allowed: {' '.join(outside)}")
    challenge = query.get("code_challenge")
    method = query.get("code_challenge_method")
    if challenge:
        if method != "S256":
            return back("invalid_request", "code_challenge_method must be S256")
        if not is_code_challenge(challenge):
            return back("invalid_request", "code_challenge must be 43 base64url characters")
    elif method:
        return back("invalid_request", "code_challenge_method given without code_challenge")
    elif client.require_pkce or client.client_type == "public":
        return back("invalid_request", "code_challenge is required (PKCE, S256)")
    try:
        consent_token = call.runtime.consents.start(
            client=client,
            redirect_uri=redirect_uri,
            scopes=requested,
            state=state,
            code_challenge=challenge or None,
        )
    except TooManyPendingConsentsError:
        # RFC 6749 4.1.2.1's answer to a temporary overload, through the trusted redirect.
        return back(
            "temporarily_unavailable",
            "too many authorization requests are waiting for consent; try again later",
        )
    location = f"{call.runtime.issuer}{CONSENT_PAGE_PATH}?consent_token={consent_token}"
    return RedirectResponse(location, status_code=302, headers=NO_STORE_HEADERS)


async def get_consent_details(call: Call) -> Response:
    details = call.runtime.consents.details(call.path["consent_token"])
    return JSONResponse({"data": details})


async def submit_consent(call: Call) -> Response:
    target = call.runtime.consents.decide(call.body["consent_token"], call.body["allowed"])
    return JSONResponse({"redirect_uri": target}, headers=NO_STORE_HEADERS)


def count_grant_type(runtime: Runtime, params: dict[str, Any]) -> None:
    """Count a token request by grant type, valid or not (``token_requests`` in the stats)."""
    grant_type = params.get("grant_type")
    if not isinstance(grant_type, str):
        runtime.stats.count_grant_type("missing")
    elif grant_type in GRANT_TYPES:
        runtime.stats.count_grant_type(grant_type)
    else:
        runtime.stats.count_grant_type("unsupported")


async def create_token(call: Call) -> Response:
    params, tokens = call.body, call.runtime.tokens
    client = call.caller.client
    if client is None:  # pragma: no cover - the CLIENT rule authenticated one
        raise OAuthError(401, "invalid_client", "client authentication is required")
    grant_type = params["grant_type"]
    if grant_type == "client_credentials":
        answer = tokens.issue_client_credentials_token(client, params.get("scope"))
    elif grant_type == "authorization_code":
        answer = tokens.exchange_code(
            client,
            code=params.get("code"),
            redirect_uri=params.get("redirect_uri"),
            code_verifier=params.get("code_verifier"),
        )
    else:
        answer = tokens.refresh(
            client, refresh_token=params.get("refresh_token"), scope=params.get("scope")
        )
    return JSONResponse(answer, headers=NO_STORE_HEADERS)


async def introspect_token(call: Call) -> Response:
    facts = call.runtime.tokens.introspect(call.body["token"])
    if facts["active"] and not may_see_token(call.caller, facts["client_id"]):
        facts = {"active": False}  # RFC 7662 2.2: a token this caller may not see
    return JSONResponse(facts, headers=NO_STORE_HEADERS)


async def get_jwks(call: Call) -> Response:
    return JSONResponse(call.runtime.keys.jwks())


async def register_client(call: Call) -> Response:
    """RFC 7591: defaults, cross-field rules, least privilege; 201 with the secret once."""
    body = call.body
    method = body.get("token_endpoint_auth_method", "client_secret_basic")
    grant_types = list(dict.fromkeys(body.get("grant_types", ["authorization_code"])))
    response_types = list(dict.fromkeys(body.get("response_types", ["code"])))
    redirect_uris = list(body.get("redirect_uris") or [])
    problems = redirect_uri_problems(redirect_uris)
    if "authorization_code" in grant_types and not redirect_uris:
        problems.append(Problem("redirect_uris", "is required for the authorization_code grant"))
    if problems:
        raise bad_registration(problems)
    if ("code" in response_types) != ("authorization_code" in grant_types):
        problems.append(Problem("response_types", "code goes with the authorization_code grant"))
    if method == "none" and "client_credentials" in grant_types:
        problems.append(Problem("grant_types", "client_credentials needs a confidential client"))
    scopes = split_scope(body.get("scope", "")) or list(DEFAULT_REGISTRATION_SCOPES)
    if not all(is_scope_token(scope) for scope in scopes):
        problems.append(Problem("scope", "holds a value that is not a valid scope"))
    problems.extend(registration_problems(call.caller, scopes))
    if problems:
        raise bad_registration(problems)
    client, secret = call.runtime.store.create_client(
        name=body.get("client_name") or "Dynamically registered client",
        client_type="public" if method == "none" else "confidential",
        allowed_grant_types=grant_types,
        allowed_scopes=scopes,
        redirect_uris=redirect_uris,
        require_pkce=method == "none",
        logo_uri=body.get("logo_uri"),
        policy_uri=body.get("policy_uri"),
        tos_uri=body.get("tos_uri"),
        auth_methods=(method,),
    )
    answer: dict[str, Any] = {
        "client_id": client.client_id,
        "client_id_issued_at": int(client.created_at),
        "client_name": client.name,
        "grant_types": grant_types,
        "response_types": response_types,
        "redirect_uris": client.redirect_uris,
        "scope": " ".join(client.allowed_scopes),
        "token_endpoint_auth_method": method,
    }
    if secret is not None:
        answer["client_secret"] = secret
        answer["client_secret_expires_at"] = 0
    for name in ("logo_uri", "policy_uri", "tos_uri"):
        if body.get(name) is not None:
            answer[name] = body[name]
    return JSONResponse(answer, status_code=201, headers=NO_STORE_HEADERS)


HANDLERS = {
    "authorize": Binding(authorize, refuse=bad_authorization_request),
    "get_consent_details": Binding(get_consent_details),
    "submit_consent": Binding(submit_consent),
    "create_token": Binding(
        create_token,
        refuse=bad_token_request,
        error_headers=NO_STORE_HEADERS,
        observe=count_grant_type,
    ),
    "introspect_token": Binding(introspect_token, refuse=bad_oauth_request),
    "get_jwks": Binding(get_jwks),
    "register_client": Binding(register_client, refuse=bad_registration),
}
