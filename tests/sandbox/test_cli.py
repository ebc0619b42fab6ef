"""The command line: defaults shown in ``--help``, ``--port 0`` served and announced for real
(``--ready-file``), every log level uvicorn knows, and out-of-range options refused before
anything starts."""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from telnyx_oauth_sandbox._cli import build_parser, main, resolve_api_key

COMMAND = Path(sys.executable).with_name("telnyx-oauth-sandbox")
READY_STDOUT = ("--ready-file", "-")


def test_cli_defaults() -> None:
    """The command listens on 127.0.0.1:8765 by default."""
    args = build_parser().parse_args([])
    assert (args.host, args.port, args.api_key) == ("127.0.0.1", 8765, None)


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        ("flag", {"TELNYX_API_KEY": "env"}, ("flag", False)),
        (None, {"TELNYX_API_KEY": "env"}, ("env", False)),
    ],
)
def test_cli_api_key_sources(
    explicit: str | None, environ: dict[str, str], expected: tuple[str, bool]
) -> None:
    """--api-key wins over TELNYX_API_KEY."""
    assert resolve_api_key(explicit, environ) == expected


def test_cli_generates_api_key() -> None:
    """With neither flag nor variable, a key is generated (and flagged as such)."""
    key, generated = resolve_api_key(None, {})
    assert generated
    assert len(key) > 20


def test_help_shows_every_default() -> None:
    """Every option's help line ends with its default, the API key's sources included."""
    parser = build_parser()
    text = " ".join(parser.format_help().split())
    options = [a for a in parser._actions if not isinstance(a, argparse._HelpAction)]
    assert len(options) == 9
    for action in options:
        if action.default is None:  # the API key and the issuer: their help says what instead
            assert "(default: " in (action.help or ""), action.dest
        else:
            assert f"(default: {action.default})" in text, action.dest
    assert "(default: None)" not in text
    assert "$TELNYX_API_KEY, else one generated" in text
    assert "{critical,error,warning,info,debug,trace}" in text


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["--log-level", "loud"], "invalid choice: 'loud'"),
        (["--port", "70000"], "must be from 0 to 65535"),
        (["--port", "eighty"], "not a number: 'eighty'"),
        (["--rate-limit", "1" + "0" * 400], "must be from 0 to 1e+09"),
        (["--rate-limit-window", "0"], "must be from 1 to 86400"),
        (["--key-grace-period", "1e400"], "must be from 0 to 3.16224e+07"),
    ],
)
def test_out_of_range_options_are_usage_errors(
    argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A value the sandbox cannot use is refused by the parser (exit 2, saying why)."""
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(argv)
    assert exited.value.code == 2
    assert complaint in capsys.readouterr().err


def test_log_level_trace_is_accepted() -> None:
    """``trace``, uvicorn's most verbose level, is a level the command accepts."""
    assert build_parser().parse_args(["--log-level", "TRACE"]).log_level == "trace"


def test_busy_port_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A port already in use stops the command with status 1 and a sentence, no traceback."""
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(SystemExit) as exited:
            main(["--port", str(port), "--api-key", "k"])
    assert exited.value.code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


@pytest.fixture
def served() -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``telnyx-oauth-sandbox --port 0 --log-level trace --ready-file -`` in its own process; the
    base URL of the JSON line it writes once it accepts connections."""
    with subprocess.Popen(  # noqa: S603 - our own console script
        [
            str(COMMAND),
            "--port",
            "0",
            "--api-key",
            "cli-key",
            "--log-level",
            "trace",
            *READY_STDOUT,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            ready = json.loads(process.stdout.readline())
            assert ready["port"] != 0
            assert ready["base_url"] == f"http://127.0.0.1:{ready['port']}"
            yield ready["base_url"], process
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=10)


def test_port_zero_serves_and_prints_its_real_address(
    served: tuple[str, subprocess.Popen[str]],
) -> None:
    """With ``--port 0`` the announced address is where it listens, at once (no retry), and the
    issuer, the discovery endpoints and the consent redirect all carry it."""
    base_url, _ = served
    with httpx.Client(base_url=base_url, timeout=10) as http:
        metadata = http.get("/.well-known/oauth-authorization-server").json()
        assert metadata["issuer"] == base_url
        assert metadata["token_endpoint"] == f"{base_url}/v2/oauth/token"
        client = http.post(
            "/v2/oauth_clients",
            headers={"Authorization": "Bearer cli-key"},
            json={
                "name": "cli",
                "client_type": "confidential",
                "allowed_grant_types": ["authorization_code"],
                "allowed_scopes": ["numbers.read"],
                "redirect_uris": ["https://app.example.com/cb"],
            },
        ).json()["data"]
        authorize = http.get(
            "/v2/oauth/authorize",
            params={
                "response_type": "code",
                "client_id": client["client_id"],
                "redirect_uri": "https://app.example.com/cb",
            },
        )
        assert authorize.headers["location"].startswith(f"{base_url}/_sandbox/consent?")


def _start(*options: str) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 - our own console script
        [str(COMMAND), "--port", "0", "--log-level", "warning", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "TELNYX_API_KEY"},
    )


def _stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)
    return out, err


def test_ready_line_on_stdout_carries_a_generated_key() -> None:
    """``--ready-file -``: stdout is one JSON line and nothing else; a generated API key is in
    it (and works), never on stderr, which gets the prose instead."""
    process = _start("--ready-file", "-")
    try:
        assert process.stdout is not None
        ready: dict[str, Any] = json.loads(process.stdout.readline())
        assert set(ready) == {"base_url", "listening", "port", "pid", "api_key"}
        assert ready["pid"] == process.pid
        assert ready["listening"] == ready["base_url"]
        listed = httpx.get(
            f"{ready['base_url']}/v2/oauth_clients",
            headers={"Authorization": f"Bearer {ready['api_key']}"},
        )
        assert listed.status_code == 200
    finally:
        out, err = _stop(process)
    assert out == ""
    assert f"Telnyx OAuth sandbox at {ready['base_url']}" in err
    assert ready["api_key"] not in err


def test_ready_file_is_written_when_ready_and_removed_on_exit(tmp_path: Path) -> None:
    """``--ready-file PATH``: a stale file is replaced; the new one is the owner's alone, holds
    the address (and no API key the caller gave), and is gone once the sandbox stops."""
    path = tmp_path / "sandbox.json"
    path.write_text('{"base_url": "http://stale"}')
    process = _start(
        "--ready-file", str(path), "--api-key", "given-key", "--issuer", "http://x.test"
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(3)]
        assert lines[0] == "Telnyx OAuth sandbox at http://x.test\n"
        assert lines[2] == f"Ready file written: {path}\n"
        ready = json.loads(path.read_text())
        assert lines[1] == f"Listening on {ready['listening']}\n"
        assert ready["base_url"] == "http://x.test"
        assert "api_key" not in ready
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        metadata = httpx.get(f"{ready['listening']}/.well-known/oauth-authorization-server")
        assert metadata.json()["issuer"] == "http://x.test"
    finally:
        _, err = _stop(process)
    assert (process.returncode, err) == (0, "")  # Ctrl-C is a clean stop, not a traceback
    assert list(tmp_path.iterdir()) == []


def test_unwritable_ready_file_stops_the_command(tmp_path: Path) -> None:
    """A ready file that cannot be written is a sentence on stderr and exit status 1."""
    process = _start("--ready-file", str(tmp_path / "missing" / "ready.json"), "--api-key", "k")
    _, err = process.communicate(timeout=10)
    assert process.returncode == 1
    assert "cannot write the ready file" in err
    assert "Traceback" not in err
