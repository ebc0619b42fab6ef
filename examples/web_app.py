"""Connect Telnyx: a small Starlette web app that connects each of its users' Telnyx accounts.

    TELNYX_BASE_URL=http://127.0.0.1:8765 TELNYX_API_KEY=... python examples/web_app.py --port 8000

What it shows, in one file a developer can copy:

- The authorization-code flow with PKCE (S256) through ``telnyx_oauth.AuthorizationCodeFlow``:
  the home page's "Connect Telnyx" button starts it; ``/callback`` checks the ``state`` (bound to
  the browser's session) and exchanges the code.
- Each user's tokens kept in SQLite (``UserTokens``, the recipe: ``Token.to_dict()`` as JSON in a
  row per user), refreshed through the overlay with ``SQLiteTokenStore`` in the same file, so
  several worker processes refresh a user's token once between them.
- The connected page: the scopes granted and the account's grants, read with the user's access
  token; a "Disconnect" button revokes the grant.
- Friendly pages, never a traceback: consent denied, a callback that does not match the
  browser's sign-in (a forged or replayed link), a grant revoked or expired, Telnyx unreachable.

Configuration: ``TELNYX_BASE_URL`` (default ``https://api.telnyx.com``) and ``TELNYX_API_KEY``.
With the API key alone, the app creates its own OAuth client at start, whose redirect URI is its
own loopback ``/callback``; ``TELNYX_CLIENT_ID`` and ``TELNYX_CLIENT_SECRET`` use an existing
client instead (its redirect URIs must include ``http://127.0.0.1:PORT/callback``). Sessions are
signed with ``WEB_APP_SESSION_SECRET`` (a new random one each start when unset, which logs
everybody out). Needs ``pip install 'telnyx-oauth[sandbox]' itsdangerous``: Starlette and uvicorn
come with the sandbox extra, itsdangerous signs the session cookie.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import logging
import os
import secrets
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from telnyx_oauth import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    AuthorizationCallbackError,
    AuthorizationCodeFlow,
    AuthorizationRequest,
    StateMismatchError,
    TelnyxOAuthError,
    Token,
    connect,
    connect_anonymous,
    paginate,
)
from telnyx_oauth.token_stores import SQLiteTokenStore
from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api.api.oauth_clients import create_oauth_client
from telnyx_oauth_api.api.oauth_grants import list_oauth_grants, revoke_oauth_grant
from telnyx_oauth_api.models import ClientType, GrantType, OAuthClientCreateRequest

DEFAULT_BASE_URL = "https://api.telnyx.com"
SCOPES = ("admin", "numbers.read")
"""What the app asks for: ``admin`` lets the user's token list and revoke the account's grants."""
APP_NAME = "Connect Telnyx example"
PENDING_SECONDS = 600
"""How long a started sign-in may wait for its callback (seconds)."""

log = logging.getLogger("web_app")
T = TypeVar("T")


# -- the recipe: each user's tokens in a SQLite table ---------------------------------------------


class _SQLiteTable:
    """A table in the app's SQLite file, created on first use; each call its own transaction."""

    _SCHEMA: str

    def __init__(self, path: str) -> None:
        self.path = path
        with self._connection() as db:
            db.execute(self._SCHEMA)

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        # A connection per call: sync endpoints run in a thread pool. 30 s covers a refresh that
        # holds the file's write lock for one token request.
        db = sqlite3.connect(self.path, timeout=30.0)
        try:
            with db:  # one transaction: commit, or roll back on error
                yield db
        finally:
            db.close()


class UserTokens(_SQLiteTable):
    """Each user's ``Token`` (its ``to_dict()`` as JSON) in a SQLite table, one row per user.

    Refresh through ``AuthorizationCodeFlow(..., store=SQLiteTokenStore(same path))``: the store
    makes the processes sharing the file send one refresh request per refresh token and hands
    the others its successor. Save the result *after* ``refresh`` returns, never from
    ``on_token``: the store holds the file's write lock while ``on_token`` runs. ``replace`` only
    writes over the token it refreshed, so a slow worker cannot put back an older token.
    """

    _SCHEMA = (
        "CREATE TABLE IF NOT EXISTS user_tokens "
        "(user_id TEXT PRIMARY KEY NOT NULL, token TEXT NOT NULL, updated_at REAL NOT NULL)"
    )

    def load(self, user_id: str) -> Token | None:
        """The user's token, or ``None`` when the user is not connected."""
        with self._connection() as db:
            row = db.execute("SELECT token FROM user_tokens WHERE user_id = ?", (user_id,))
            found = row.fetchone()
        return None if found is None else Token.from_dict(json.loads(found[0]))

    def save(self, user_id: str, token: Token) -> None:
        """Keep ``token`` as the user's token, whatever was there."""
        with self._connection() as db:
            db.execute(
                "INSERT OR REPLACE INTO user_tokens (user_id, token, updated_at) VALUES (?, ?, ?)",
                (user_id, json.dumps(token.to_dict()), time.time()),
            )

    def replace(self, user_id: str, old: Token, new: Token) -> bool:
        """Keep ``new`` if the user's row still holds ``old``; whether it did."""
        with self._connection() as db:
            changed = db.execute(
                "UPDATE user_tokens SET token = ?, updated_at = ? WHERE user_id = ? AND token = ?",
                (json.dumps(new.to_dict()), time.time(), user_id, json.dumps(old.to_dict())),
            ).rowcount
        return changed == 1

    def delete(self, user_id: str) -> None:
        """Forget the user's token (disconnected, or its grant is gone)."""
        with self._connection() as db:
            db.execute("DELETE FROM user_tokens WHERE user_id = ?", (user_id,))


class PendingSignIns(_SQLiteTable):
    """The authorization request each browser started, kept on the server: the PKCE verifier
    never travels in a cookie. Keyed by the session's user id."""

    _SCHEMA = (
        "CREATE TABLE IF NOT EXISTS pending_sign_ins "
        "(user_id TEXT PRIMARY KEY NOT NULL, request TEXT NOT NULL, started_at REAL NOT NULL)"
    )

    def put(self, user_id: str, request: AuthorizationRequest) -> None:
        fields = {
            "url": request.url,
            "state": request.state,
            "code_verifier": request.code_verifier,
            "redirect_uri": request.redirect_uri,
            "scope": request.scope,
        }
        with self._connection() as db:
            db.execute(
                "INSERT OR REPLACE INTO pending_sign_ins VALUES (?, ?, ?)",
                (user_id, json.dumps(fields), time.time()),
            )

    def get(self, user_id: str) -> AuthorizationRequest | None:
        with self._connection() as db:
            found = db.execute(
                "SELECT request FROM pending_sign_ins WHERE user_id = ? AND started_at > ?",
                (user_id, time.time() - PENDING_SECONDS),
            ).fetchone()
        return None if found is None else AuthorizationRequest(**json.loads(found[0]))

    def delete(self, user_id: str) -> None:
        with self._connection() as db:
            db.execute("DELETE FROM pending_sign_ins WHERE user_id = ?", (user_id,))


# -- the app ----------------------------------------------------------------------------------


class GrantGoneError(Exception):
    """The user's grant was revoked or has expired: the refresh token no longer works."""


@dataclass
class Settings:
    base_url: str
    api_key: str
    client_id: str
    client_secret: str | None
    redirect_uri: str
    db_path: str
    session_secret: str


@dataclass
class Services:
    settings: Settings
    flow: AuthorizationCodeFlow
    tokens: UserTokens
    pending: PendingSignIns

    def user_api(self, token: Token) -> AuthenticatedClient:
        """A client that calls the API as the user, with the user's access token."""
        return connect(token.access_token, base_url=self.settings.base_url)

    def fresh_token(self, user_id: str, token: Token) -> Token:
        """A refreshed token for the user, kept before it is used; ``GrantGoneError`` if refused."""
        try:
            new = self.flow.refresh(token)
        except APIStatusError as exc:
            if exc.status_code in (400, 401) and exc.error in ("invalid_grant", "invalid_token"):
                self.tokens.delete(user_id)
                raise GrantGoneError from exc
            raise
        self.tokens.replace(user_id, token, new)
        return new

    def as_user(self, user_id: str, call: Callable[[AuthenticatedClient], T]) -> T:
        """``call`` with the user's API client: refreshed first when the token is expired, and
        once more when the API refuses the token (revoked early, or clocks that disagree)."""
        token = self.tokens.load(user_id)
        if token is None:
            raise GrantGoneError
        if token.is_expired():
            token = self.fresh_token(user_id, token)
        try:
            with self.user_api(token) as api:
                return call(api)
        except AuthenticationError:
            token = self.fresh_token(user_id, token)
        with self.user_api(token) as api:
            return call(api)


def services_of(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def user_id_of(request: Request) -> str:
    """The browser's user id, made on its first visit and kept in its signed session cookie."""
    user_id = request.session.get("user_id")
    if not isinstance(user_id, str):
        user_id = secrets.token_urlsafe(16)
        request.session["user_id"] = user_id
    return user_id


def csrf_token_of(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(16)
        request.session["csrf"] = token
    return token


PAGE_HEADERS = {
    # The pages load nothing but their own inline style, post only to the app, and no site may
    # frame them (the Disconnect button).
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;"
    "color:#1b1b1f}h1{font-size:1.6rem}table{border-collapse:collapse;width:100%}"
    "td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;font-size:.9rem}"
    ".button,button{display:inline-block;background:#00a37a;color:#fff;border:0;"
    "border-radius:6px;padding:.6rem 1.2rem;font-size:1rem;text-decoration:none;cursor:pointer}"
    ".danger{background:#b3261e}.note{color:#555}"
)


def page(title: str, body: str, *, status: int = 200) -> HTMLResponse:
    """A whole page; ``title`` is plain text, ``body`` escaped HTML."""
    text = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )
    return HTMLResponse(text, status_code=status, headers=PAGE_HEADERS)


def problem_page(title: str, text: str, *, status: int) -> HTMLResponse:
    """A friendly page for something that went wrong, with the way back."""
    body = (
        f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p>"
        '<p><a class="button" href="/">Back to the start</a></p>'
    )
    return page(title, body, status=status)


def grant_gone_page() -> HTMLResponse:
    return problem_page(
        "Your Telnyx connection has ended",
        "Access to your Telnyx account was revoked or has expired. Connect again to continue.",
        status=401,
    )


def home(request: Request) -> Response:
    services = services_of(request)
    user_id = user_id_of(request)
    if services.tokens.load(user_id) is None:
        body = (
            f"<h1>{html.escape(APP_NAME)}</h1>"
            "<p>Connect your Telnyx account to let this app read your account's OAuth grants.</p>"
            '<p><a class="button" id="connect" href="/connect">Connect Telnyx</a></p>'
        )
        return page(APP_NAME, body)
    try:
        grants = services.as_user(user_id, lambda api: list(paginate(list_oauth_grants, api)))
    except GrantGoneError:
        return grant_gone_page()
    token = services.tokens.load(user_id)
    if token is None:  # disconnected in another tab meanwhile
        return grant_gone_page()
    scopes = "".join(f"<li>{html.escape(s)}</li>" for s in (token.scope or "").split())
    rows = "".join(
        f"<tr><td>{html.escape(str(g.id))}</td><td>{html.escape(g.client_id)}</td>"
        f"<td>{html.escape(' '.join(g.scopes))}</td>"
        f"<td>{html.escape(g.created_at.isoformat(timespec='seconds'))}</td></tr>"
        for g in grants
    )
    csrf = html.escape(csrf_token_of(request))
    body = (
        "<h1>Connected to Telnyx</h1>"
        f'<h2>Scopes granted</h2><ul id="scopes">{scopes}</ul>'
        "<h2>Your account's grants</h2>"
        '<table id="grants"><tr><th>Grant</th><th>Client</th><th>Scopes</th><th>Since</th></tr>'
        f"{rows}</table>"
        '<form method="post" action="/disconnect">'
        f'<input type="hidden" name="csrf" value="{csrf}">'
        '<p><button class="danger" id="disconnect">Disconnect</button></p></form>'
    )
    return page("Connected to Telnyx", body)


def start_connect(request: Request) -> Response:
    services = services_of(request)
    authorization = services.flow.start()
    services.pending.put(user_id_of(request), authorization)
    return RedirectResponse(authorization.url, status_code=303)


def callback(request: Request) -> Response:
    services = services_of(request)
    user_id = user_id_of(request)
    authorization = services.pending.get(user_id)
    if authorization is None:
        return problem_page(
            "This sign-in link is not for this browser",
            "It did not start here, or it has expired. Start again from this app.",
            status=400,
        )
    try:
        token = services.flow.exchange(authorization, dict(request.query_params))
    except StateMismatchError:
        # A forged or stale callback: the browser's real sign-in stays usable.
        return problem_page(
            "This sign-in link is not for this browser",
            "Its state does not match the sign-in this browser started. Nothing was connected.",
            status=400,
        )
    except AuthorizationCallbackError as exc:
        services.pending.delete(user_id)
        if exc.error == "access_denied":
            return problem_page(
                "You did not connect Telnyx",
                "Access was denied on Telnyx's consent page, so this app has no access to your "
                "account. You can connect whenever you like.",
                status=403,
            )
        return problem_page(
            "Telnyx could not connect", f"Telnyx answered: {exc.error}.", status=400
        )
    except APIStatusError as exc:
        services.pending.delete(user_id)
        log.warning("code exchange refused: %s", exc)
        return problem_page(
            "Telnyx could not connect",
            "Telnyx refused this sign-in (it may have expired). Start again.",
            status=400,
        )
    services.pending.delete(user_id)
    services.tokens.save(user_id, token)
    return RedirectResponse("/", status_code=303)


async def disconnect(request: Request) -> Response:
    form = await request.form()
    if not secrets.compare_digest(str(form.get("csrf", "")), csrf_token_of(request)):
        return problem_page(
            "That did not come from this app", "Reload the page and try again.", status=403
        )
    services = services_of(request)
    user_id = user_id_of(request)
    client_id = services.settings.client_id

    def revoke(api: AuthenticatedClient) -> None:
        for grant in paginate(list_oauth_grants, api):
            if grant.client_id == client_id:
                revoke_oauth_grant.sync(grant.id, client=api)

    with contextlib.suppress(GrantGoneError):  # already gone: nothing left to revoke
        await run_in_threadpool(services.as_user, user_id, revoke)
    services.tokens.delete(user_id)
    body = (
        "<h1>Disconnected</h1><p>This app's access to your Telnyx account was revoked.</p>"
        '<p><a class="button" href="/">Back to the start</a></p>'
    )
    return page("Disconnected", body)


async def on_unreachable(request: Request, exc: Exception) -> Response:
    log.warning("Telnyx unreachable: %s", type(exc).__name__)
    return problem_page("Telnyx cannot be reached", "Try again in a moment.", status=502)


async def on_error(request: Request, exc: Exception) -> Response:
    # Logged by type only: an error's message could quote what a user typed.
    log.error("request failed: %s", type(exc).__name__)
    return problem_page("Something went wrong", "Try again in a moment.", status=500)


def create_app(settings: Settings) -> Starlette:
    """The app, over the OAuth client and SQLite file of ``settings``."""
    anonymous = connect_anonymous(base_url=settings.base_url)
    flow = AuthorizationCodeFlow(
        anonymous,
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        redirect_uri=settings.redirect_uri,
        scope=SCOPES,
        store=SQLiteTokenStore(settings.db_path),
    )
    app = Starlette(
        routes=[
            Route("/", home),
            Route("/connect", start_connect),
            Route("/callback", callback),
            Route("/disconnect", disconnect, methods=["POST"]),
        ],
        middleware=[
            Middleware(
                SessionMiddleware,
                secret_key=settings.session_secret,
                session_cookie="web_app_session",
                same_site="lax",  # sent on the top-level redirect back from Telnyx
                https_only=settings.redirect_uri.startswith("https:"),
            )
        ],
        exception_handlers={
            APIConnectionError: on_unreachable,
            TelnyxOAuthError: on_error,
            Exception: on_error,
        },
    )
    app.state.services = Services(
        settings=settings,
        flow=flow,
        tokens=UserTokens(settings.db_path),
        pending=PendingSignIns(settings.db_path),
    )
    return app


def register_client(base_url: str, api_key: str, redirect_uri: str) -> tuple[str, str]:
    """A new confidential OAuth client for this app: its client id and secret."""
    body = OAuthClientCreateRequest(
        name=APP_NAME,
        allowed_scopes=list(SCOPES),
        client_type=ClientType.CONFIDENTIAL,
        allowed_grant_types=[GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN],
        redirect_uris=[redirect_uri],
        require_pkce=True,
    )
    with connect(api_key, base_url=base_url) as api:
        created = create_oauth_client.sync(client=api, body=body).data
    if not isinstance(created.client_secret, str):
        raise RuntimeError("the new OAuth client came without a client_secret")
    return created.client_id, created.client_secret


def settings_from(environ: dict[str, str], *, host: str, port: int, db_path: str) -> Settings:
    """Settings from the environment; registers a client when none is configured."""
    base_url = environ.get("TELNYX_BASE_URL") or DEFAULT_BASE_URL
    api_key = environ.get("TELNYX_API_KEY", "")
    if not api_key:
        raise SystemExit("web_app: set TELNYX_API_KEY (and TELNYX_BASE_URL for a sandbox)")
    redirect_uri = f"http://{host}:{port}/callback"
    client_id = environ.get("TELNYX_CLIENT_ID")
    client_secret = environ.get("TELNYX_CLIENT_SECRET")
    if bool(client_id) != bool(client_secret):
        raise SystemExit("web_app: set both TELNYX_CLIENT_ID and TELNYX_CLIENT_SECRET, or neither")
    if not client_id:
        client_id, client_secret = register_client(base_url, api_key, redirect_uri)
        print(f"Registered OAuth client {client_id} ({redirect_uri})", flush=True)
    return Settings(
        base_url=base_url,
        api_key=api_key,
        client_id=client_id,
        client_secret=client_secret,
        redirect_uri=redirect_uri,
        db_path=db_path,
        session_secret=environ.get("WEB_APP_SESSION_SECRET") or secrets.token_urlsafe(32),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Connect Telnyx: an example web app.")
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1")
    parser.add_argument("--db", default="web_app.sqlite3", help="SQLite file for users' tokens")
    args = parser.parse_args(argv)
    host = "127.0.0.1"
    try:
        settings = settings_from(dict(os.environ), host=host, port=args.port, db_path=args.db)
    except TelnyxOAuthError as exc:
        print(f"web_app: could not register an OAuth client: {exc}", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    print(f"Open http://{host}:{args.port}/", flush=True)
    uvicorn.run(create_app(settings), host=host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
