"""``make web-demo``: the sandbox and the Connect Telnyx example app, together, until Ctrl-C.

Usage:
    python tools/web_demo.py [--port 8000] [--sandbox-port 8765]

Starts the sandbox (``telnyx-oauth-sandbox``) and ``examples/web_app.py`` pointed at it, each as
a process of its own, prints the URL to open, and stops both when either stops or on Ctrl-C. The
app's SQLite file is a temporary one, removed at the end.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
WEB_APP = REPO / "examples" / "web_app.py"
START_TIMEOUT_SECONDS = 30.0


def wait_until_up(url: str, process: subprocess.Popen[bytes], what: str) -> None:
    """Poll ``url`` until it answers; exit if ``process`` dies or time runs out."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"web-demo: the {what} exited (code {process.returncode})")
        try:
            httpx.get(url, timeout=1.0)
        except httpx.TransportError:
            time.sleep(0.1)  # a server still starting
            continue
        return
    raise SystemExit(f"web-demo: the {what} did not start in {START_TIMEOUT_SECONDS:g} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The sandbox and the example web app together.")
    parser.add_argument("--port", type=int, default=8000, help="the web app's port")
    parser.add_argument("--sandbox-port", type=int, default=8765, help="the sandbox's port")
    args = parser.parse_args(argv)
    sandbox_url = f"http://127.0.0.1:{args.sandbox_port}"
    api_key = secrets.token_urlsafe(24)  # this run's sandbox key, never printed
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELNYX_")}
    env.update(TELNYX_BASE_URL=sandbox_url, TELNYX_API_KEY=api_key)
    processes: list[subprocess.Popen[bytes]] = []
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with tempfile.TemporaryDirectory(prefix="web-demo-") as folder:
        try:
            sandbox = subprocess.Popen(  # noqa: S603 - our own server, this interpreter
                [
                    sys.executable,
                    "-m",
                    "telnyx_oauth_sandbox._cli",
                    "--port",
                    str(args.sandbox_port),
                    "--log-level",
                    "warning",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
            )
            processes.append(sandbox)
            wait_until_up(
                f"{sandbox_url}/.well-known/oauth-authorization-server", sandbox, "sandbox"
            )
            app = subprocess.Popen(  # noqa: S603 - our own example, this interpreter
                [
                    sys.executable,
                    str(WEB_APP),
                    "--port",
                    str(args.port),
                    "--db",
                    str(Path(folder) / "web_app.sqlite3"),
                ],
                env=env,
                stdout=subprocess.DEVNULL,
            )
            processes.append(app)
            app_url = f"http://127.0.0.1:{args.port}/"
            wait_until_up(app_url, app, "web app")
            print(f"Sandbox at {sandbox_url}", flush=True)
            print(f"Open {app_url}  (Ctrl-C stops both)", flush=True)
            while all(p.poll() is None for p in processes):
                time.sleep(0.5)  # waiting for Ctrl-C or a server to stop
            return 1
        except KeyboardInterrupt:
            return 0
        finally:
            for process in reversed(processes):
                stop(process)


if __name__ == "__main__":
    sys.exit(main())
