"""The whole Telnyx OAuth story against a local sandbox, or the read-only part against the real API.

    python examples/demo.py          # starts the sandbox on a free port, runs every flow, stops it
    python examples/demo.py --live   # discovery, JWKS and one page of OAuth clients from
                                     # https://api.telnyx.com (needs TELNYX_API_KEY)

Every API call goes through the generated ``telnyx_oauth_api`` functions with a client from
``telnyx_oauth.connect()``, or through the overlay's helpers (authorization-code flow, discovery,
pagination, local token verification). Secrets are masked in the transcript.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence

import httpx

import telnyx_oauth
from telnyx_oauth import (
    AuthorizationCodeFlow,
    JWKSCache,
    TelnyxOAuthError,
    connect,
    connect_anonymous,
    get_authorization_server_metadata,
    get_protected_resource_metadata,
    paginate,
    verify_access_token,
)
from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_api.api.oauth import (
    authorize,
    get_consent_details,
    get_jwks,
    introspect_token,
    register_client,
    submit_consent,
)
from telnyx_oauth_api.api.oauth_clients import create_oauth_client, list_oauth_clients
from telnyx_oauth_api.api.oauth_grants import list_oauth_grants, revoke_oauth_grant
from telnyx_oauth_api.models import (
    ClientType,
    CodeChallengeMethod,
    ConsentDecisionRequest,
    GrantType,
    IntrospectRequest,
    IntrospectResponse,
    OAuthClientCreateRequest,
    PaginationMeta,
    RegistrationRequest,
    RegistrationResponse,
    ResponseType,
    TokenEndpointAuthMethod,
)

LIVE_BASE_URL = "https://api.telnyx.com"
REDIRECT_URI = "https://demo.example.com/oauth/callback"
SCOPES = ("numbers.read", "messaging.write")
EXTRA_CLIENTS = 24
PAGE_SIZE = 10

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def mask(secret: str) -> str:
    """A secret shown by its length only, ``<hidden, 43 chars>``: not even a prefix is printed."""
    return f"<hidden, {len(secret)} chars>"


def say(step: str, text: str = "") -> None:
    """One transcript line."""
    print(f"{step:<14} {text}".rstrip(), flush=True)


# -- the sandbox story -----------------------------------------------------------------------


def register(anon: Client) -> RegistrationResponse:
    """Dynamic client registration (RFC 7591): a confidential web app."""
    body = RegistrationRequest(
        client_name="Demo web app",
        grant_types=[GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN],
        redirect_uris=[REDIRECT_URI],
        scope=" ".join(SCOPES),
        token_endpoint_auth_method=TokenEndpointAuthMethod.CLIENT_SECRET_BASIC,
    )
    registered = register_client.sync(client=anon, body=body)
    say(
        "register",
        f"client_id {registered.client_id}, client_secret {mask(str(registered.client_secret))}",
    )
    return registered


def authorize_with_pkce(
    api: AuthenticatedClient, anon: Client, flow: AuthorizationCodeFlow
) -> telnyx_oauth.Token:
    """Authorize with PKCE, read the consent, allow it, exchange the code."""
    request = flow.start()
    params = httpx.URL(request.url).params
    response = authorize.sync_detailed(
        client=anon,
        response_type=ResponseType.CODE,
        client_id=params["client_id"],
        redirect_uri=params["redirect_uri"],
        scope=params["scope"],
        state=params["state"],
        code_challenge=params["code_challenge"],
        code_challenge_method=CodeChallengeMethod.S256,
    )
    location = httpx.URL(response.headers["location"])
    consent_token = location.params["consent_token"]
    say(
        "authorize",
        f"{int(response.status_code)} -> {location.copy_with(query=None)} "
        f"(consent_token {mask(consent_token)}; PKCE S256)",
    )
    details = get_consent_details.sync(client=api, consent_token=consent_token).data
    # Telnyx's reference guarantees no field of the consent details: show what is there.
    scopes = ", ".join(s.id or "?" for s in details.requested_scopes or [])
    say("consent", f"{details.name!r} asks for: {scopes} -> allow")
    decision = submit_consent.sync(
        client=api, body=ConsentDecisionRequest(consent_token=consent_token, allowed=True)
    )
    callback = httpx.URL(decision.redirect_uri)
    say("callback", f"{callback.copy_with(query=None)}?code={mask(callback.params['code'])}")
    token = flow.exchange(request, decision.redirect_uri)
    say(
        "exchange",
        f"access_token {mask(token.access_token)}, refresh_token "
        f"{mask(str(token.refresh_token))}, expires_in {token.expires_in:.0f} s",
    )
    return token


def introspect(api: AuthenticatedClient, step: str, token: str) -> IntrospectResponse:
    """RFC 7662 introspection, authenticated with the API key."""
    result = introspect_token.sync(client=api, body=IntrospectRequest(token=token))
    if result.active:
        say(step, f"active=True client_id={result.client_id} scope={result.scope!r}")
    else:
        say(step, "active=False")
    return result


def list_with_pagination(api: AuthenticatedClient) -> int:
    """Create a few more clients, then walk every page of the list."""
    for index in range(EXTRA_CLIENTS):
        body = OAuthClientCreateRequest(
            name=f"Demo batch client {index + 1:02d}",
            allowed_scopes=["numbers.read"],
            client_type=ClientType.CONFIDENTIAL,
            allowed_grant_types=[GrantType.CLIENT_CREDENTIALS],
        )
        create_oauth_client.sync(client=api, body=body)
    pages = list(paginate(list_oauth_clients, api, page_size=PAGE_SIZE).pages())
    total = sum(len(page.items) for page in pages)
    sizes = "+".join(str(len(page.items)) for page in pages)
    say("list clients", f"{len(pages)} pages of up to {PAGE_SIZE}: {sizes} = {total} clients")
    return total


def run_sandbox() -> int:
    """The whole story against a sandbox started here and stopped at the end."""
    from telnyx_oauth_sandbox import running

    started = time.perf_counter()
    with running() as sandbox:
        say("sandbox", f"running at {sandbox.base_url}")
        with (
            connect(sandbox.api_key, base_url=sandbox.base_url) as api,
            connect_anonymous(base_url=sandbox.base_url) as anon,
        ):
            metadata = get_authorization_server_metadata(anon)
            say("discovery", f"issuer {metadata.issuer}, token endpoint {metadata.token_endpoint}")
            registered = register(anon)
            flow = AuthorizationCodeFlow(
                anon,
                client_id=registered.client_id,
                client_secret=str(registered.client_secret),
                redirect_uri=REDIRECT_URI,
                scope=SCOPES,
            )
            token = authorize_with_pkce(api, anon, flow)
            introspect(api, "introspect", token.access_token)

            claims = verify_access_token(
                token.access_token,
                jwks=JWKSCache(anon),
                issuer=sandbox.base_url,
                audience=sandbox.base_url,
            )
            lifetime = int(claims["exp"]) - int(claims["iat"])
            say("verify", f"signature and claims OK locally (RS256, exp in {lifetime} s)")

            refreshed = flow.refresh(token)
            rotated = refreshed.refresh_token != token.refresh_token
            say(
                "refresh",
                f"new access_token {mask(refreshed.access_token)}, "
                f"refresh token rotated: {rotated}",
            )

            list_with_pagination(api)

            grants = list_oauth_grants.sync(client=api).data
            grant = next(g for g in grants if g.client_id == registered.client_id)
            revoked = revoke_oauth_grant.sync(grant.id, client=api)
            say("revoke grant", f"{revoked.data.id} ({' '.join(revoked.data.scopes)})")
            after = introspect(api, "introspect", refreshed.access_token)
            if after.active:
                say("FAILED", "the token is still active after its grant was revoked")
                return EXIT_FAILED
        say("sandbox", "stopped")
    say("done", f"in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


# -- the live, read-only part -----------------------------------------------------------------


def run_live(api_key: str) -> int:
    """Discovery documents, the JWKS and the first page of OAuth clients from the real API."""
    say("live", f"read-only calls to {LIVE_BASE_URL}")
    with connect(api_key, base_url=LIVE_BASE_URL) as api:
        metadata = get_authorization_server_metadata(api)
        say("discovery", f"issuer {metadata.issuer}, token endpoint {metadata.token_endpoint}")
        resource = get_protected_resource_metadata(api)
        servers = resource.authorization_servers
        say("resource", f"{resource.resource} <- {', '.join(servers or [])}")
        jwks = get_jwks.sync(client=api)
        kids = ", ".join(str(key.kid) for key in jwks.keys)
        say("jwks", f"{len(jwks.keys)} key(s): {kids}")
        page = list_oauth_clients.sync(client=api, page_size=PAGE_SIZE)
        total = page.meta.total_results if isinstance(page.meta, PaginationMeta) else "?"
        say("list clients", f"first page: {len(page.data)} of {total} client(s)")
        for client in page.data:
            say("", f"- {client.name} ({client.client_type}, {client.client_id})")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--live",
        action="store_true",
        help=f"run only the read-only part against {LIVE_BASE_URL} (needs TELNYX_API_KEY)",
    )
    args = parser.parse_args(argv)
    try:
        if args.live:
            api_key = os.environ.get("TELNYX_API_KEY", "").strip()
            if not api_key:
                print(
                    "demo --live needs a Telnyx API key: set TELNYX_API_KEY "
                    "(https://portal.telnyx.com/#/app/api-keys) and run again.",
                    file=sys.stderr,
                )
                return EXIT_USAGE
            return run_live(api_key)
        return run_sandbox()
    except TelnyxOAuthError as exc:
        print(f"demo failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
