"""``Browser``: headless Debian Chromium under test control, one command at a time.

The browser runs in Node (playwright-core, pinned in package.json) as ``browser.mjs``; this
class sends it JSON commands and reads its JSON answers. JavaScript is off in its pages, and it
reaches nothing but 127.0.0.1.
"""

from __future__ import annotations

import json
import selectors
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.docs._tools import REPO, tool_env

DRIVER = Path(__file__).with_name("browser.mjs")
ANSWER_TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True)
class Shown:
    """A page as the browser shows it: its URL, HTTP status, title and visible text."""

    url: str
    status: int | None
    title: str
    text: str
    html: str


class BrowserError(AssertionError):
    """The driver could not do what it was asked (the message is the driver's)."""


class Browser:
    """One Chromium with a fresh profile in ``profile_dir``; ``close()`` ends it."""

    def __init__(self, profile_dir: Path) -> None:
        node = shutil.which("node")
        assert node is not None, "node is not on PATH; run `make node`"
        self._process = subprocess.Popen(  # noqa: S603 - fixed command, no shell
            [node, str(DRIVER), str(profile_dir)],
            cwd=REPO,
            env=tool_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def _send(self, command: dict[str, Any]) -> dict[str, Any]:
        process = self._process
        assert process.stdin is not None
        assert process.stdout is not None
        process.stdin.write(json.dumps(command) + "\n")
        process.stdin.flush()
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            if not selector.select(ANSWER_TIMEOUT_SECONDS):
                raise BrowserError(f"no answer to {command['op']} in {ANSWER_TIMEOUT_SECONDS} s")
        line = process.stdout.readline()
        if not line:
            stderr = process.stderr.read() if process.stderr else ""
            raise BrowserError(f"the browser driver exited: {stderr[-2000:]}")
        answer: dict[str, Any] = json.loads(line)
        if "error" in answer:
            raise BrowserError(f"{command['op']} failed: {answer['error']}")
        return answer

    def _shown(self, command: dict[str, Any]) -> Shown:
        answer = self._send(command)
        return Shown(
            url=answer["url"],
            status=answer["status"],
            title=answer["title"],
            text=answer["text"],
            html=answer["html"],
        )

    def goto(self, url: str) -> Shown:
        """Load ``url``; the page it ends on."""
        return self._shown({"op": "goto", "url": url})

    def click(self, selector: str) -> Shown:
        """Click what ``selector`` (Playwright's syntax) finds; the page that loads."""
        return self._shown({"op": "click", "selector": selector})

    def screenshot(self, path: Path) -> Path:
        """The whole current page as a PNG at ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self._send({"op": "screenshot", "path": str(path)})
        return path

    def framed(self, framing_url: str) -> dict[str, Any]:
        """Load ``framing_url``, a page with an ``<iframe>``: the frame's URL and its text."""
        return self._send({"op": "frame", "url": framing_url})

    def close(self) -> None:
        """Close the browser and wait for its driver to exit."""
        if self._process.poll() is None:
            try:
                self._send({"op": "close"})
                if self._process.stdin is not None:
                    self._process.stdin.close()
                self._process.wait(timeout=30)
            except (BrowserError, OSError, subprocess.TimeoutExpired):
                self._process.kill()
                self._process.wait()
        for stream in (self._process.stdin, self._process.stdout, self._process.stderr):
            if stream is not None:
                stream.close()
