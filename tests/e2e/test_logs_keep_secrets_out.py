"""Every flow end to end with every logger at DEBUG: no secret of the run in any log record.

The run registers a client, authorizes with PKCE, reads and decides the consent, exchanges the
code, refreshes, calls the API with client credentials (sync and async), introspects, reads and
revokes the grant and manages clients, against the sandbox over loopback. Every secret value it
produced is collected (API key, client secrets, consent token, code, state, code verifier,
access and refresh tokens) and searched for in every formatted record of ``httpx``, ``httpcore``
(whose DEBUG lines print response headers), ``telnyx_oauth``, ``telnyx_oauth_sandbox`` and
anything else that logged, exceptions included.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import httpx
import pytest

from telnyx_oauth import AuthorizationCodeFlow, ClientCredentials, Token, connect
from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_api.api.oauth import (
    get_consent_details,
    introspect_token,
    register_client,
    submit_consent,
)
from telnyx_oauth_api.api.oauth_clients import (
    delete_oauth_client,
    get_oauth_client,
    list_oauth_clients,
    update_oauth_client,
)
from telnyx_oauth_api.api.oauth_grants import get_oauth_grant, list_oauth_grants, revoke_oauth_grant
from telnyx_oauth_api.models import (
    ConsentDecisionRequest,
    GrantType,
    IntrospectRequest,
    OAuthClientUpdateRequest,
    RegistrationRequest,
    TokenEndpointAuthMethod,
)
from telnyx_oauth_sandbox import MANAGEMENT_SCOPE, SandboxServer
from tests.e2e._flows import (
    REDIRECT_URI,
    SCOPES,
    authorize_redirect,
    consent_token_of,
    create_client,
    secret_of,
)

LOGGERS = ("httpx", "httpcore", "telnyx_oauth", "telnyx_oauth_sandbox")
FORMAT = logging.Formatter("%(name)s %(levelname)s %(message)s")


def _authorize_and_consent(
    api: AuthenticatedClient, anon: Client, url: str, secrets: dict[str, str], shown: list[object]
) -> str:
    """The browser's part: authorize (302 to the consent page), read and allow the consent."""
    consent_token = consent_token_of(authorize_redirect(anon, url))
    secrets["consent token"] = consent_token
    shown.append(get_consent_details.sync_detailed(client=api, consent_token=consent_token))
    body = ConsentDecisionRequest(consent_token=consent_token, allowed=True)
    decision = submit_consent.sync(client=api, body=body)
    shown += [body, decision]
    secrets["code"] = httpx.URL(decision.redirect_uri).params["code"]
    return decision.redirect_uri


def _run_every_flow(
    sandbox: SandboxServer, api: AuthenticatedClient, anon: Client, shown: list[object]
) -> dict[str, str]:
    """The whole story; returns every secret it produced, by name, and puts every object the
    library returned or raised on the way into ``shown``."""
    secrets = {"API key": sandbox.api_key}
    shown += [api, anon]
    registered = register_client.sync(
        client=anon,
        body=RegistrationRequest(
            client_name="log scan",
            grant_types=[GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN],
            redirect_uris=[REDIRECT_URI],
            scope=" ".join(SCOPES),
            token_endpoint_auth_method=TokenEndpointAuthMethod.CLIENT_SECRET_BASIC,
        ),
    )
    secrets["registered client secret"] = str(registered.client_secret)
    shown.append(registered)
    flow = AuthorizationCodeFlow(
        anon,
        client_id=registered.client_id,
        client_secret=str(registered.client_secret),
        redirect_uri=REDIRECT_URI,
        scope=SCOPES,
    )
    request = flow.start()
    secrets["state"], secrets["code verifier"] = request.state, request.code_verifier
    callback = _authorize_and_consent(api, anon, request.url, secrets, shown)
    token = flow.exchange(request, callback)
    secrets["access token"], secrets["refresh token"] = token.access_token, str(token.refresh_token)
    shown += [flow, request, token, _raised(lambda: flow.exchange(request, callback))]
    refreshed = flow.refresh(token)
    shown += [
        refreshed,
        _raised(lambda: flow.refresh(Token("bad-" + "x" * 20, refresh_token="r" * 20))),
    ]
    secrets["refreshed access token"] = refreshed.access_token
    secrets["rotated refresh token"] = str(refreshed.refresh_token)

    machine_client = create_client(
        api, grant_types=[GrantType.CLIENT_CREDENTIALS], scopes=[MANAGEMENT_SCOPE]
    )
    secrets["machine client secret"] = secret_of(machine_client)
    auth = ClientCredentials(machine_client.client_id, secret_of(machine_client))
    with connect(auth=auth, base_url=sandbox.base_url) as machine:
        shown += [auth, machine, machine_client, list_oauth_clients.sync_detailed(client=machine)]
        shown.append(
            asyncio.run(get_oauth_client.asyncio(machine_client.client_id, client=machine))
        )
    cached = auth._token
    assert cached is not None
    secrets["client credentials access token"] = cached.access_token

    introspection = IntrospectRequest(token=refreshed.access_token)
    shown += [introspection, introspect_token.sync_detailed(client=api, body=introspection)]
    wrong = ClientCredentials(machine_client.client_id, "wrong-" + secret_of(machine_client))
    with connect(auth=wrong, base_url=sandbox.base_url) as refused:
        shown += [wrong, _raised(lambda: list_oauth_clients.sync(client=refused))]
    grant = next(
        g for g in list_oauth_grants.sync(client=api).data if g.client_id == registered.client_id
    )
    get_oauth_grant.sync(grant.id, client=api)
    revoke_oauth_grant.sync(grant.id, client=api)
    update_oauth_client.sync(
        machine_client.client_id, client=api, body=OAuthClientUpdateRequest(name="renamed")
    )
    delete_oauth_client.sync(machine_client.client_id, client=api)
    return secrets


def _raised(call: Callable[[], object]) -> BaseException:
    """The exception ``call`` raises (it must raise one)."""
    try:
        call()
    except Exception as error:
        return error
    raise AssertionError("expected an exception")


def _texts(value: object) -> list[str]:
    """What a user may see of ``value``: its repr and str, and those of an exception's cause."""
    texts = [repr(value), str(value)]
    if isinstance(value, BaseException) and value.__cause__ is not None:
        texts += _texts(value.__cause__)
    return texts


def test_no_secret_of_a_full_run_reaches_any_repr_or_message(
    sandbox: SandboxServer, api: AuthenticatedClient, anon: Client
) -> None:
    """Everything the library returned or raised during the run (clients, auth objects, the
    flow, its request, tokens, every model and detailed Response, the errors of a refused
    client, a spent request and a bad refresh) shows none of the run's secrets, in repr() or
    str(), nor does any error's cause."""
    shown: list[object] = []
    secrets = _run_every_flow(sandbox, api, anon, shown)
    assert len(shown) >= 20
    assert any(isinstance(value, BaseException) for value in shown)
    for value in shown:
        for text in _texts(value):
            for name, secret in secrets.items():
                assert secret not in text, f"the {name} is in repr/str of {type(value).__name__}"


def test_no_secret_of_a_full_run_reaches_any_log_record(
    caplog: pytest.LogCaptureFixture,
    sandbox: SandboxServer,
    api: AuthenticatedClient,
    anon: Client,
) -> None:
    """Every record of the run, formatted with its exception, names none of its secrets; the
    httpcore and httpx records that carried them are there, masked."""
    caplog.set_level(logging.DEBUG)
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    secrets = _run_every_flow(sandbox, api, anon, [])
    records = caplog.records
    lines = [FORMAT.format(record) for record in records]
    for name, secret in secrets.items():
        assert len(secret) >= 16, name  # long enough not to turn up by chance
        leaked = [line for line in lines if secret in line]
        assert not leaked, f"the {name} is in: {leaked[0][:300]}"
    # The scan saw what it had to: httpcore's response headers and httpx's request lines.
    assert any(r.name.startswith("httpcore.") for r in records)
    assert any("consent_token=***" in line and "location" in line.lower() for line in lines)
    assert any(line.startswith("httpx INFO") and "state=***" in line for line in lines)
