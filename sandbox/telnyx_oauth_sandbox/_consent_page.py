"""The consent page a browser lands on after ``/v2/oauth/authorize``: Allow or Deny.

``GET /_sandbox/consent?consent_token=...`` shows the client and the scopes it asks for; the
form posts back (``consent_token``, ``allowed=true|false``) and is answered 303 to the client's
redirect URI with ``code`` and ``state``, or ``error=access_denied``. The consent token is the
page's capability, so no API key is asked for; programs use ``complete_consent`` or
``GET /v2/oauth/consent/{token}`` and ``POST /v2/oauth/grants`` instead. No site may frame the
page (``HTML_HEADERS``).
"""

from __future__ import annotations

import html
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ._constants import CONSENT_PAGE_PATH
from ._errors import HTMLError, OAuthError, html_page
from ._reading import read_body
from ._runtime import runtime_of


async def show_consent_page(request: Request) -> Response:
    token = request.query_params.get("consent_token", "")
    try:
        details = runtime_of(request).consents.details(token)
    except OAuthError as exc:
        raise HTMLError(404, exc.description) from None
    scopes = "".join(
        f"<li><b>{html.escape(s['name'])}</b> ({html.escape(s['id'])}) "
        f"{html.escape(s['description'])}</li>"
        for s in details["requested_scopes"]
    )
    name = html.escape(details["name"])
    hidden = f'<input type="hidden" name="consent_token" value="{html.escape(token)}">'
    body = (
        f"<h1>Authorize {name}</h1>"
        f"<p>{name} asks for access to your Telnyx sandbox account:</p><ul>{scopes}</ul>"
        f"<p>You will be sent back to {html.escape(details['redirect_uri'])}</p>"
        f'<form method="post" action="{CONSENT_PAGE_PATH}">{hidden}'
        '<button name="allowed" value="true">Allow</button> '
        '<button name="allowed" value="false">Deny</button></form>'
    )
    return html_page(f"Authorize {name}", body)


async def submit_consent_form(request: Request) -> Response:
    runtime = runtime_of(request)
    raw = await read_body(request, runtime.max_body_bytes)
    try:
        form = dict(parse_qsl(raw.decode("utf-8"), max_num_fields=8))
    except (UnicodeDecodeError, ValueError):
        raise HTMLError(400, "The form is malformed.") from None
    if form.get("allowed") not in ("true", "false") or not form.get("consent_token"):
        raise HTMLError(400, "consent_token and allowed=true|false are required.")
    try:
        target = runtime.consents.decide(form["consent_token"], form["allowed"] == "true")
    except OAuthError as exc:
        raise HTMLError(404, exc.description) from None
    return RedirectResponse(target, status_code=303)


CONSENT_PAGE = [
    (CONSENT_PAGE_PATH, "GET", show_consent_page),
    (CONSENT_PAGE_PATH, "POST", submit_consent_form),
]
"""The consent page's routes (path, method, endpoint)."""
