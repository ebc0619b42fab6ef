"""``make demo``: ``examples/demo.py`` run as a user runs it, in a subprocess."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tools import demo_transcript

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo.py"
JWT = re.compile(r"eyJ[\w-]+\.[\w-]+\.[\w-]+")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    # The autouse fixture in tests/conftest.py has removed TELNYX_* from the environment.
    return subprocess.run(  # noqa: S603 - our own script, with the interpreter running pytest
        [sys.executable, str(DEMO), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def demo() -> subprocess.CompletedProcess[str]:
    """One run of the sandbox demo, shared by the checks on its transcript."""
    return _run()


def test_demo_exits_zero(demo: subprocess.CompletedProcess[str]) -> None:
    """The whole story runs and the process exits 0 with nothing on stderr."""
    assert demo.returncode == 0, demo.stderr
    assert demo.stderr == ""


@pytest.mark.parametrize(
    "line",
    [
        r"^sandbox +running at http://127\.0\.0\.1:\d+$",
        r"^register +client_id [0-9a-f-]{36}, client_secret <hidden, \d+ chars>$",
        r"^authorize +302 -> http://127\.0\.0\.1:\d+/\S+ "
        r"\(consent_token <hidden, \d+ chars>; PKCE S256\)$",
        r"^consent +'Demo web app' asks for: numbers\.read, messaging\.write -> allow$",
        r"^exchange +access_token <hidden, \d+ chars>, refresh_token <hidden, \d+ chars>",
        r"^introspect +active=True client_id=[0-9a-f-]{36} ",
        r"^verify +signature and claims OK locally",
        r"^refresh +new access_token <hidden, \d+ chars>, refresh token rotated: True$",
        r"^list clients +3 pages of up to 10: 10\+10\+5 = 25 clients$",
        r"^revoke grant +[0-9a-f-]{36} ",
        r"^introspect +active=False$",
        r"^sandbox +stopped$",
    ],
)
def test_demo_transcript_line(demo: subprocess.CompletedProcess[str], line: str) -> None:
    """The transcript tells each step of the story."""
    assert re.search(line, demo.stdout, re.MULTILINE), demo.stdout


def test_readme_transcript_is_a_real_run(demo: subprocess.CompletedProcess[str]) -> None:
    """The README's `make demo` transcript is what the demo prints (ports, IDs, secret lengths
    and timing aside); refresh it with `tools/demo_transcript.py` when the demo changes."""
    readme = (DEMO.parents[1] / "README.md").read_text(encoding="utf-8")
    shown = demo_transcript.normalised(demo_transcript.readme_transcript(readme))
    assert shown == demo_transcript.normalised(demo.stdout)


def test_demo_masks_tokens(demo: subprocess.CompletedProcess[str]) -> None:
    """No whole access token (a JWT) appears in the transcript."""
    assert not JWT.search(demo.stdout)


def test_live_without_key_fails_cleanly() -> None:
    """``--live`` without TELNYX_API_KEY exits 2 with a one-line explanation, no traceback."""
    result = _run("--live")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "TELNYX_API_KEY" in result.stderr
    assert "Traceback" not in result.stderr
