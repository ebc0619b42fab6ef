"""The sandbox for the loopback figures, run in its own process.

The benchmarks run the sandbox as a separate process (its ``telnyx-oauth-sandbox`` command), not
in a thread of the measuring process: with two cores, server and clients each get one, and the
server's work never competes for the client's GIL or shows up in the client's profile. The
request and token counts come from the server's own stats, not from the clients.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench._ports import free_port
from telnyx_oauth_sandbox import SandboxControls

STARTUP_TIMEOUT_SECONDS = 30.0
STARTUP_POLL_SECONDS = 0.05
READY_PATH = "/.well-known/oauth-authorization-server"
CLI_MODULE = "telnyx_oauth_sandbox._cli"  # what the console script runs


@dataclass(frozen=True)
class Server:
    """A running sandbox: where it listens and the API key it accepts."""

    base_url: str
    api_key: str

    def controls(self) -> SandboxControls:
        """The sandbox's ``/_sandbox/`` controls (the client the sandbox ships)."""
        return SandboxControls(self.base_url, self.api_key)


def _command() -> str:
    script = Path(sys.executable).with_name("telnyx-oauth-sandbox")
    found = str(script) if script.exists() else shutil.which("telnyx-oauth-sandbox")
    if found is None:
        raise RuntimeError("telnyx-oauth-sandbox is not installed: run `make install`")
    return found


def _wait_ready(base_url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the sandbox exited with status {process.returncode}")
        try:
            if httpx.get(base_url + READY_PATH).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(STARTUP_POLL_SECONDS)  # a benchmark, not a test: waiting here is fine
    raise RuntimeError(f"the sandbox did not answer within {STARTUP_TIMEOUT_SECONDS} seconds")


@contextmanager
def serve(
    api_key: str, *, profile_to: Path | None = None, interval_seconds: float = 0.001
) -> Iterator[Server]:
    """Run ``telnyx-oauth-sandbox`` on a free loopback port until the block ends.

    With ``profile_to``, the server runs under pyinstrument, which saves its session there
    when the server stops (on SIGINT, uvicorn's graceful shutdown).
    """
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    options = [
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--api-key",
        api_key,
        "--log-level",
        "warning",
    ]
    if profile_to is None:
        args = [_command(), *options]
    else:
        args = [
            sys.executable,
            "-m",
            "pyinstrument",
            "--interval",
            str(interval_seconds),
            "-r",
            "pyisession",
            "-o",
            str(profile_to),
            "-m",
            CLI_MODULE,
            *options,
        ]
    process = subprocess.Popen(  # noqa: S603 (our own interpreter and console script)
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_ready(base_url, process)
        yield Server(base_url, api_key)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
