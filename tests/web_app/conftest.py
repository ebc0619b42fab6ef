"""The example web app as a developer runs it, against a sandbox, in headless Chromium.

Each test gets a reset sandbox (one for the module, in a thread on 127.0.0.1), the app started
as ``python examples/web_app.py --port N`` with only ``TELNYX_BASE_URL`` and ``TELNYX_API_KEY``
(so it registers its own client), a fresh SQLite file, and a browser with a fresh profile.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench._ports import free_port
from telnyx_oauth_sandbox import SandboxControls, SandboxServer, running
from tests.docs._tools import REPO
from tests.web_app._browser import Browser

WEB_APP = REPO / "examples" / "web_app.py"
START_TIMEOUT_SECONDS = 30.0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that drive Chromium (they need node tools and /usr/bin/chromium)."""
    for item in items:
        if "tests/web_app/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.slow)
            if "browser" in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with running() as server:
        yield server


@pytest.fixture(scope="module")
def controls(sandbox: SandboxServer) -> Iterator[SandboxControls]:
    with sandbox.controls() as controls:
        yield controls


@dataclass
class WebApp:
    """The running app: where it listens, its SQLite file and the OAuth client it registered."""

    url: str
    db_path: Path
    client_id: str
    process: subprocess.Popen[str]


@pytest.fixture
def web_app(sandbox: SandboxServer, controls: SandboxControls, tmp_path: Path) -> Iterator[WebApp]:
    """``python examples/web_app.py --port N`` on a reset sandbox, stopped after the test.

    The test fails if the app logged a traceback: every failure must end in a friendly page.
    """
    controls.reset()
    port = free_port()
    db_path = tmp_path / "web_app.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELNYX_")}
    env.update(TELNYX_BASE_URL=sandbox.base_url, TELNYX_API_KEY=sandbox.api_key)
    process = subprocess.Popen(  # noqa: S603 - our own example, with the interpreter of pytest
        [sys.executable, str(WEB_APP), "--port", str(port), "--db", str(db_path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        client_id = _wait_until_listening(process, port)
        yield WebApp(f"http://127.0.0.1:{port}", db_path, client_id, process)
    finally:
        process.terminate()
        _, log = process.communicate(timeout=30)  # closes the pipes
    assert "Traceback" not in log, log


def _wait_until_listening(process: subprocess.Popen[str], port: int) -> str:
    """Read the app's start-up lines; the client id it registered, once it serves."""
    assert process.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    stdout = process.stdout

    def read_lines() -> None:  # a thread: readline blocks, and may read ahead of select()
        for line in iter(stdout.readline, ""):
            lines.put(line)
            if line.startswith("Open http"):
                return
        lines.put("")

    threading.Thread(target=read_lines, daemon=True).start()
    client_id = ""
    while True:
        try:
            line = lines.get(timeout=START_TIMEOUT_SECONDS)
        except queue.Empty:
            raise AssertionError("the web app printed nothing in time") from None
        if not line:
            raise AssertionError("the web app exited at start (its stderr is in the failure)")
        if line.startswith("Registered OAuth client "):
            client_id = line.split()[3]
        if line.startswith("Open http"):
            break
    _wait_for_port(process, port)
    return client_id


def _wait_for_port(process: subprocess.Popen[str], port: int) -> None:
    """uvicorn prints nothing at warning level once bound: poll its port for a moment."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        if process.poll() is not None:
            raise AssertionError("the web app exited at start")
        time.sleep(0.05)  # polling a server start, not a test delay
    raise AssertionError("the web app did not listen in time")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    """Headless Chromium with a fresh profile (no cookies), JavaScript off."""
    browser = Browser(tmp_path / "profile")
    try:
        yield browser
    finally:
        browser.close()
