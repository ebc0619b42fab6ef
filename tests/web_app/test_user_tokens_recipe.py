"""The recipe for keeping each user's tokens (``UserTokens`` in examples/web_app.py): a SQLite
table of ``Token.to_dict()`` rows, refreshed through ``AuthorizationCodeFlow`` with a
``SQLiteTokenStore`` in the same file.

The cross-process test runs real worker processes against the sandbox: both hold the same
expired token and refresh it at once, as two web workers serving one user would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from telnyx_oauth import AuthorizationCodeFlow, Token, connect_anonymous
from telnyx_oauth_sandbox import SandboxControls, SandboxServer
from tests.docs._tools import REPO
from tests.web_app._example import WEB_APP, load_web_app

REDIRECT_URI = "http://127.0.0.1:9/callback"
WORKERS = 3

WORKER = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("web_app", sys.argv[1])
web_app = importlib.util.module_from_spec(spec)
sys.modules["web_app"] = web_app  # dataclasses look their module up there
spec.loader.exec_module(web_app)
settings = web_app.Settings(**json.loads(sys.argv[2]))
services = web_app.create_app(settings).state.services
token = services.tokens.load("alice")
print("ready", flush=True)
sys.stdin.readline()  # every worker holds the same token before any refreshes it
new = services.fresh_token("alice", token)
print(json.dumps({"access_token": new.access_token}), flush=True)
"""


@pytest.fixture
def connected(
    sandbox: SandboxServer, controls: SandboxControls, tmp_path: Path
) -> tuple[dict[str, Any], Token]:
    """A registered client, and a token for user "alice" kept in a fresh file: the settings."""
    controls.reset()
    web_app = load_web_app()
    client_id, client_secret = web_app.register_client(
        sandbox.base_url, sandbox.api_key, REDIRECT_URI
    )
    with connect_anonymous(base_url=sandbox.base_url) as anon:
        flow = AuthorizationCodeFlow(
            anon,
            client_id=client_id,
            client_secret=client_secret,
            redirect_uri=REDIRECT_URI,
            scope=web_app.SCOPES,
        )
        request = flow.start()
        token = flow.exchange(request, controls.complete_consent(request.url))
    settings = {
        "base_url": sandbox.base_url,
        "api_key": sandbox.api_key,
        "client_id": client_id,
        "client_secret": client_secret,
        "redirect_uri": REDIRECT_URI,
        "db_path": str(tmp_path / "app.sqlite3"),
        "session_secret": "not-used-here",
    }
    web_app.UserTokens(settings["db_path"]).save("alice", token)
    return settings, token


def test_workers_refreshing_one_user_at_once_send_one_refresh(
    connected: tuple[dict[str, Any], Token], controls: SandboxControls
) -> None:
    """Worker processes that refresh the same user's token at the same moment make one refresh
    request between them, all get its successor, and the user's row holds it."""
    settings, old = connected
    workers = [
        subprocess.Popen(  # noqa: S603 - a fixed script, with the interpreter of pytest
            [sys.executable, "-c", WORKER, str(WEB_APP), json.dumps(settings)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for _ in range(WORKERS)
    ]
    results = []
    try:
        for worker in workers:
            assert worker.stdout is not None
            assert worker.stdout.readline().strip() == "ready"
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        for worker in workers:
            out, err = worker.communicate(timeout=60)
            assert worker.returncode == 0, err
            results.append(json.loads(out)["access_token"])
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.communicate()
    assert controls.token_requests("refresh_token") == 1
    assert len(set(results)) == 1
    assert results[0] != old.access_token
    kept = load_web_app().UserTokens(settings["db_path"]).load("alice")
    assert kept is not None
    assert kept.access_token == results[0]


def test_replace_keeps_a_newer_token(tmp_path: Path) -> None:
    """``replace`` writes only over the token it refreshed: a slow worker cannot put back an
    older token over a newer one."""
    tokens = load_web_app().UserTokens(str(tmp_path / "t.sqlite3"))
    first, second, third = (Token(access_token=f"a{n}", refresh_token=f"r{n}") for n in range(3))
    tokens.save("bob", first)
    assert tokens.replace("bob", first, second)
    assert not tokens.replace("bob", first, third)  # a worker that still held `first`
    assert tokens.load("bob") == second
    tokens.delete("bob")
    assert tokens.load("bob") is None
