"""``complete_consent``: the consent step of an authorization-code flow, in one call.

What a user's integration test needs between ``flow.start()`` and ``flow.exchange(...)``: the
URL the browser would come back to. It uses httpx alone, so it works whatever client is tested.
"""

from __future__ import annotations

import httpx

from ._constants import CONSENT_PAGE_PATH
from ._control_answers import refusal


def complete_consent(
    authorization_url: str,
    *,
    api_key: str,
    allow: bool = True,
    transport: httpx.BaseTransport | None = None,
    timeout_seconds: float = 10.0,
) -> str:
    """Follow ``authorization_url`` as a browser would, allow (or deny) on the consent page, and
    return the callback URL the browser would land on: the client's redirect URI with ``code``
    and ``state``, or with ``error``.

    An authorization request the sandbox sends straight back to the client (an unknown scope,
    say) returns that callback as it is. One it refuses outright (an unknown client, an
    unregistered redirect URI) raises ``SandboxControlError``. The API key is sent only to the
    sandbox that issued the consent page, never to the authorization URL itself.
    """
    with httpx.Client(transport=transport, timeout=timeout_seconds) as http:
        response = http.get(authorization_url)
        if not response.is_redirect:
            raise refusal(response, "the authorization request was refused")
        target = response.url.join(response.headers["location"])
        consent_token = target.params.get("consent_token")
        on_sandbox = target.copy_with(path="/", query=None) == response.url.copy_with(
            path="/", query=None
        )
        if target.path != CONSENT_PAGE_PATH or not consent_token or not on_sandbox:
            return str(target)  # no consent step: the browser goes straight back to the client
        decision = http.post(
            target.copy_with(path="/v2/oauth/grants", query=None),
            json={"consent_token": consent_token, "allowed": allow},
            headers={"Authorization": f"Bearer {api_key}"},
        )
        if decision.status_code != 200:
            raise refusal(decision, "the consent decision was refused")
        callback: str = decision.json()["redirect_uri"]
        return callback
