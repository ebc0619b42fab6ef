"""``make web-demo``: the sandbox and the web app start together, the URL is printed, and
stopping the demo stops both."""

from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading

import httpx

from bench._ports import free_port
from tests.docs._tools import REPO

WEB_DEMO = REPO / "tools" / "web_demo.py"


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_web_demo_prints_a_url_that_serves_the_app_and_stops_both() -> None:
    """The printed URL shows the Connect Telnyx button; SIGTERM leaves neither port open."""
    app_port, sandbox_port = free_port(), free_port()
    process = subprocess.Popen(  # noqa: S603 - our own tool, with the interpreter of pytest
        [
            sys.executable,
            str(WEB_DEMO),
            "--port",
            str(app_port),
            "--sandbox-port",
            str(sandbox_port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    stdout = process.stdout

    def read_lines() -> None:
        for line in iter(stdout.readline, ""):
            lines.put(line)

    threading.Thread(target=read_lines, daemon=True).start()
    try:
        printed = [lines.get(timeout=60), lines.get(timeout=60)]
        assert printed[0].strip() == f"Sandbox at http://127.0.0.1:{sandbox_port}"
        url = f"http://127.0.0.1:{app_port}/"
        assert printed[1].startswith(f"Open {url}")
        home = httpx.get(url)
        assert home.status_code == 200
        assert "Connect Telnyx" in home.text
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert not _listening(app_port)
    assert not _listening(sandbox_port)
