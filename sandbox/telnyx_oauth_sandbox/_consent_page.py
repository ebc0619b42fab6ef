"""The consent page a browser lands on after ``/v2/oauth/authorize``: Allow or Deny.

``GET /_sandbox/consent?consent_token=...`` shows the client and the scopes it asks for; the
form posts back (``consent_token``, ``allowed=true|false``) and is answered 303 to the client's
redirect URI with ``code`` and ``state``, or ``error=access_denied``. The consent token is the
page's capability, so no API key is asked for; programs use ``complete_consent`` or
``GET /v2/oauth/consent/{token}`` and ``POST /v2/oauth/grants`` instead. No site may frame the
page (``HTML_HEADERS``), and it runs no script: a person with JavaScript off uses it the same way.
"""

from __future__ import annotations

import base64
import hashlib
import html
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ._constants import CONSENT_PAGE_PATH
from ._errors import HTMLError, OAuthError, html_page
from ._reading import read_body
from ._runtime import runtime_of

CONSENT_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;"
    "color:#1b1b1f}h1{font-size:1.5rem}ul{padding:0;list-style:none}"
    "li{border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem;margin:.4rem 0}"
    ".scope-id{color:#555;font-family:monospace}.note{color:#555;font-size:.9rem}"
    ".warn{color:#8a4b00}button{font-size:1rem;border-radius:6px;padding:.6rem 1.4rem;"
    "margin-right:.6rem;cursor:pointer;border:1px solid #888;background:#fff}"
    "button.allow{background:#00a37a;border-color:#00a37a;color:#fff}"
)
"""The page's one style block; the CSP admits it by its hash, and nothing else."""

_STYLE_HASH = base64.b64encode(hashlib.sha256(CONSENT_STYLE.encode("utf-8")).digest()).decode()
CONSENT_HEADERS = {
    "Content-Security-Policy": (
        f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; frame-ancestors 'none'"
    ),
}
"""``HTML_HEADERS``'s policy plus the style: still no script, and no site may frame the page.
(No ``form-action``: browsers apply it to the redirect that follows the form, to the client.)"""


def _link(uri: object, text: str) -> str:
    """A link to an http(s) ``uri`` the client registered; nothing for another scheme."""
    if not isinstance(uri, str) or not uri.startswith(("https://", "http://")):
        return ""
    return f'<a href="{html.escape(uri)}" rel="noopener noreferrer">{text}</a>'


async def show_consent_page(request: Request) -> Response:
    token = request.query_params.get("consent_token", "")
    try:
        details = runtime_of(request).consents.details(token)
    except OAuthError as exc:
        raise HTMLError(404, exc.description) from None
    scopes = "".join(
        f'<li class="scope"><b>{html.escape(s["name"])}</b> '
        f'<span class="scope-id">{html.escape(s["id"])}</span><br>'
        f"{html.escape(s['description'] or 'No description.')}</li>"
        for s in details["requested_scopes"]
    )
    name = html.escape(details["name"])
    verified = (
        ""
        if details["verified"]
        else f'<p class="warn">Telnyx has not verified {name}. Allow only an app you trust.</p>'
    )
    links = " · ".join(
        link
        for link in (
            _link(details["policy_uri"], "Privacy policy"),
            _link(details["tos_uri"], "Terms of service"),
        )
        if link
    )
    hidden = f'<input type="hidden" name="consent_token" value="{html.escape(token)}">'
    body = (
        f"<style>{CONSENT_STYLE}</style>"
        f"<h1>Authorize {name}</h1>"
        f"<p><b>{name}</b> asks for access to your Telnyx sandbox account:</p>"
        f'<ul id="scopes">{scopes}</ul>{verified}'
        f'<form method="post" action="{CONSENT_PAGE_PATH}">{hidden}'
        '<button class="allow" name="allowed" value="true">Allow</button>'
        '<button class="deny" name="allowed" value="false">Deny</button></form>'
        f'<p class="note">Either way you go back to {html.escape(details["redirect_uri"])}</p>'
        + (f'<p class="note">{links}</p>' if links else "")
    )
    return html_page(f"Authorize {name}", body, headers=CONSENT_HEADERS)


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
