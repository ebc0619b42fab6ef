"""Connect Telnyx (examples/web_app.py) walked through in headless Chromium against the sandbox.

Each test checks what the page shows and what the sandbox recorded: the token requests it
answered, the grants it holds. JavaScript is off in the browser throughout, so the app and the
sandbox's consent page are shown to work without it. The connected page's screenshot is saved
under test-output/web_app/.
"""

from __future__ import annotations

import html
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from telnyx_oauth import connect, paginate
from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api.api.oauth_grants import list_oauth_grants, revoke_oauth_grant
from telnyx_oauth_api.models import OAuthGrant
from telnyx_oauth_sandbox import SandboxControls, SandboxServer
from tests.docs._tools import REPO
from tests.web_app._browser import Browser, Shown
from tests.web_app.conftest import WebApp

SCREENSHOT = REPO / "test-output" / "web_app" / "connected.png"
ACCESS_TOKEN_LIFETIME_SECONDS = 3600
REFRESH_TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600


class _FramingPage(BaseHTTPRequestHandler):
    """Another site: ``/?src=URL`` answers a page that frames URL."""

    def do_GET(self) -> None:
        src = parse_qs(urlsplit(self.path).query).get("src", [""])[0]
        body = f'<!doctype html><iframe src="{html.escape(src)}" width="900" height="600">'
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def framing_site() -> Iterator[Callable[[str], str]]:
    """A site on its own loopback port; calling it gives the URL of a page framing a URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FramingPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        yield lambda url: f"http://127.0.0.1:{port}/?{urlencode({'src': url})}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def api(sandbox: SandboxServer) -> Iterator[AuthenticatedClient]:
    """The account owner's view of the sandbox (its API key), to read what it recorded."""
    with connect(sandbox.api_key, base_url=sandbox.base_url) as client:
        yield client


def grants_of(api: AuthenticatedClient, client_id: str) -> list[OAuthGrant]:
    return [g for g in paginate(list_oauth_grants, api) if g.client_id == client_id]


def stored_tokens(app: WebApp) -> list[dict[str, object]]:
    """The rows of the app's user_tokens table, each read back as its JSON dict."""
    with sqlite3.connect(app.db_path) as db:
        rows = db.execute("SELECT token FROM user_tokens").fetchall()
    db.close()
    return [json.loads(row[0]) for row in rows]


def open_consent_page(browser: Browser, app: WebApp) -> Shown:
    home = browser.goto(app.url + "/")
    assert "Connect Telnyx" in home.text
    return browser.click("#connect")


def connect_in_browser(browser: Browser, app: WebApp) -> Shown:
    open_consent_page(browser, app)
    return browser.click("button[value=true]")


def assert_friendly(shown: Shown, status: int, *words: str) -> None:
    assert shown.status == status, shown.text
    for word in words:
        assert word in shown.text
    assert "Traceback" not in shown.html
    assert "Back to the start" in shown.text


def test_consent_page_names_the_app_and_each_scope(browser: Browser, web_app: WebApp) -> None:
    """The sandbox's consent page shows the app's name, each scope with its description, and
    Allow and Deny buttons, with JavaScript off."""
    consent = open_consent_page(browser, web_app)
    assert consent.url.startswith(web_app.url.rsplit(":", 1)[0])  # still on 127.0.0.1
    assert "/_sandbox/consent" in consent.url
    assert "Connect Telnyx example" in consent.title
    for words in ("Admin", "Full access to the account.", "Read numbers", "List and read phone"):
        assert words in consent.text
    assert "Allow" in consent.text
    assert "Deny" in consent.text


def test_consent_page_cannot_be_framed(
    browser: Browser, web_app: WebApp, framing_site: Callable[[str], str]
) -> None:
    """Chromium refuses to show the consent page inside another site's frame."""
    consent = open_consent_page(browser, web_app)
    framed = browser.framed(framing_site(consent.url))
    assert framed["frameUrl"] is not None  # the framing page did hold a frame
    assert "Allow" not in framed["text"]
    assert "Full access" not in framed["text"]
    # The control: a sandbox answer without the page headers does show inside the same frame.
    metadata = consent.url.split("/_sandbox/")[0] + "/.well-known/oauth-authorization-server"
    assert "authorization_endpoint" in browser.framed(framing_site(metadata))["text"]


def test_allow_connects_and_shows_scopes_and_grants(
    browser: Browser, web_app: WebApp, controls: SandboxControls, api: AuthenticatedClient
) -> None:
    """Allow ends on the connected page, with the granted scopes and the account's grant; the
    sandbox exchanged one code, and the app keeps the user's token as Token.to_dict() JSON."""
    connected = connect_in_browser(browser, web_app)
    assert connected.url == web_app.url + "/"
    assert "Connected to Telnyx" in connected.text
    assert "admin" in connected.text
    assert "numbers.read" in connected.text
    (grant,) = grants_of(api, web_app.client_id)
    assert str(grant.id) in connected.text
    assert sorted(grant.scopes) == ["admin", "numbers.read"]
    assert controls.token_requests("authorization_code") == 1
    (token,) = stored_tokens(web_app)
    assert token["version"] == 1
    assert token["scope"] == "admin numbers.read"
    assert isinstance(token["refresh_token"], str)
    browser.screenshot(SCREENSHOT)


def test_deny_shows_a_friendly_page_and_grants_nothing(
    browser: Browser, web_app: WebApp, controls: SandboxControls, api: AuthenticatedClient
) -> None:
    """Deny ends on a page saying nothing was connected; no grant, no token, nothing kept."""
    open_consent_page(browser, web_app)
    denied = browser.click("button[value=false]")
    assert_friendly(denied, 403, "You did not connect Telnyx", "denied")
    assert grants_of(api, web_app.client_id) == []
    assert controls.token_requests("authorization_code") == 0
    assert stored_tokens(web_app) == []
    assert "Connect Telnyx" in browser.goto(web_app.url + "/").text


def test_disconnect_revokes_the_grant(
    browser: Browser, web_app: WebApp, api: AuthenticatedClient, sandbox: SandboxServer
) -> None:
    """Disconnect revokes the grant at Telnyx and forgets the token; the old token is dead."""
    connect_in_browser(browser, web_app)
    (token,) = stored_tokens(web_app)
    done = browser.click("#disconnect")
    assert done.status == 200
    assert "Disconnected" in done.text
    assert grants_of(api, web_app.client_id) == []
    assert stored_tokens(web_app) == []
    bearer = {"Authorization": f"Bearer {token['access_token']}"}
    refused = httpx.get(f"{sandbox.base_url}/v2/oauth_grants", headers=bearer)
    assert refused.status_code == 401
    assert "Connect Telnyx" in browser.goto(web_app.url + "/").text


def test_forged_callback_is_refused_and_leaves_the_sign_in_usable(
    browser: Browser, web_app: WebApp, controls: SandboxControls, api: AuthenticatedClient
) -> None:
    """A callback whose state is not the browser's shows a friendly page and exchanges nothing;
    the browser's own sign-in still completes afterwards."""
    consent = open_consent_page(browser, web_app)
    forged = browser.goto(web_app.url + "/callback?code=stolen-code&state=forged-state")
    assert_friendly(forged, 400, "not for this browser")
    assert controls.token_requests("authorization_code") == 0
    browser.goto(consent.url)
    connected = browser.click("button[value=true]")
    assert "Connected to Telnyx" in connected.text
    assert controls.token_requests("authorization_code") == 1
    assert len(grants_of(api, web_app.client_id)) == 1


def test_callback_in_another_browser_is_refused(
    browser: Browser, web_app: WebApp, controls: SandboxControls
) -> None:
    """A callback with no sign-in started in this browser (a fresh session) connects nothing."""
    shown = browser.goto(web_app.url + "/callback?code=c&state=s")
    assert_friendly(shown, 400, "not for this browser")
    assert controls.token_requests("authorization_code") == 0


def test_refresh_after_the_access_token_expires(
    browser: Browser, web_app: WebApp, controls: SandboxControls
) -> None:
    """Once the sandbox clock passes the access token's expiry, the next page load refreshes
    once, keeps the new token, and shows the connected page."""
    connect_in_browser(browser, web_app)
    (before,) = stored_tokens(web_app)
    controls.advance_clock(ACCESS_TOKEN_LIFETIME_SECONDS + 60)
    again = browser.goto(web_app.url + "/")
    assert again.status == 200
    assert "Connected to Telnyx" in again.text
    assert controls.token_requests("refresh_token") == 1
    (after,) = stored_tokens(web_app)
    assert after["access_token"] != before["access_token"]
    assert after["refresh_token"] != before["refresh_token"]  # the sandbox rotates them
    browser.goto(web_app.url + "/")
    assert controls.token_requests("refresh_token") == 1  # the new token serves the next load


@pytest.mark.parametrize("how", ["revoked", "expired"])
def test_a_grant_gone_shows_a_friendly_page(
    browser: Browser,
    web_app: WebApp,
    controls: SandboxControls,
    api: AuthenticatedClient,
    how: str,
) -> None:
    """A grant revoked elsewhere, or a refresh token past its lifetime, ends on a page asking
    to connect again, and the app forgets the token."""
    connect_in_browser(browser, web_app)
    if how == "revoked":
        (grant,) = grants_of(api, web_app.client_id)
        revoke_oauth_grant.sync(grant.id, client=api)
    else:
        controls.advance_clock(REFRESH_TOKEN_LIFETIME_SECONDS + 60)
    gone = browser.goto(web_app.url + "/")
    assert_friendly(gone, 401, "Your Telnyx connection has ended", "Connect again")
    assert stored_tokens(web_app) == []
    assert "Connect Telnyx" in browser.goto(web_app.url + "/").text
