"""Figure 6: checking an access token locally against the cached JWKS vs asking the server.

Local: ``telnyx_oauth.verify_access_token`` with a warmed ``JWKSCache`` (signature, exp, iat, iss
and aud checked; no request). Remote: the generated ``introspect_token.sync`` through a
``connect()`` client authenticating as the client (HTTP Basic), one loopback request per check.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from bench._report import Row, Section, per_second, ratio_text
from bench._sandbox import Server
from bench._stats import Batch, interleave, per_call
from bench.concurrency import Credentials, fetch_token, seed_machine_client
from telnyx_oauth import JWKSCache, connect, connect_anonymous, verify_access_token
from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_api.api.oauth import introspect_token
from telnyx_oauth_api.models.introspect_request import IntrospectRequest

LOCAL = "local verify_access_token (cached JWKS)"
REMOTE = "introspection call (loopback)"


def local_check(anonymous: Client, issuer: str, token: str) -> Callable[[], object]:
    """One local verification; the JWKS is fetched (through ``anonymous``) before it returns."""
    jwks = JWKSCache(anonymous)
    verify_access_token(token, jwks=jwks, issuer=issuer, audience=issuer)

    def check() -> object:
        return verify_access_token(token, jwks=jwks, issuer=issuer, audience=issuer)

    return check


def as_client(server: Server, credentials: Credentials) -> AuthenticatedClient:
    """A ``connect()`` client authenticating as the OAuth client (HTTP Basic), for introspection."""
    auth = httpx.BasicAuth(credentials.client_id, credentials.client_secret)
    return connect(auth=auth, base_url=server.base_url)


def remote_check(client: AuthenticatedClient, token: str) -> Callable[[], object]:
    """One introspection request through ``client``."""
    body = IntrospectRequest(token=token)

    def check() -> object:
        answer = introspect_token.sync(client=client, body=body)
        if getattr(answer, "active", None) is not True:
            raise RuntimeError("introspection said the token is not active")
        return answer

    return check


def measure(server: Server, rounds: int, local_checks: int, introspections: int) -> Section:
    """Checks per second each way, and how many times faster the local check is."""
    controls = server.controls()
    controls.reset()
    credentials = seed_machine_client(controls)
    controls.close()
    token = fetch_token(server, credentials)
    with (
        connect_anonymous(base_url=server.base_url) as anonymous,
        as_client(server, credentials) as client,
    ):
        batches: dict[str, Batch] = {
            LOCAL: per_call(local_check(anonymous, server.base_url, token), local_checks),
            REMOTE: per_call(remote_check(client, token), introspections),
        }
        samples = interleave(batches, rounds)
    local, remote = 1 / samples.median(LOCAL), 1 / samples.median(REMOTE)
    speedup = samples.ratio(REMOTE, LOCAL)
    section = Section(
        figure="6",
        title="Checking a token: local verification vs introspection",
        method=(
            f"{samples.rounds} interleaved rounds of {local_checks:,} local checks and "
            f"{introspections:,} introspection calls of the same RS256 access token from the "
            "sandbox (introspection runs in the sandbox's own process, over loopback)."
        ),
    )
    section.rows.append(
        Row(
            "6",
            "token checks per second",
            per_second(local),
            f"introspection: {per_second(remote)}",
            speedup,
            f"local {ratio_text(speedup)} faster",
            spread=samples.ratio_iqr(REMOTE, LOCAL),
        )
    )
    section.details += [(LOCAL, f"{per_second(local)}"), (REMOTE, f"{per_second(remote)}")]
    section.notes.append("The issue sets no goal for this figure; it is reported for the choice.")
    return section
