"""The repo's Node tools as the docs tests run them, and the spec they read."""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO / "openapi" / "telnyx-oauth.yaml"
NODE_MODULES = REPO / "node_modules"
TEST_OUTPUT = REPO / "test-output" / "docs"
"""Screenshots land here (gitignored), where a person or CI can look at them after the run."""

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
TOOL_TIMEOUT_SECONDS = 90


@cache
def load_spec() -> dict[str, Any]:
    """openapi/telnyx-oauth.yaml as plain data."""
    spec: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


def operations() -> list[dict[str, Any]]:
    """Every operation object of the spec, in document order."""
    return [
        operation
        for path_item in load_spec()["paths"].values()
        for method, operation in path_item.items()
        if method in HTTP_METHODS
    ]


def tool_env(**extra: str) -> dict[str, str]:
    """A quiet, colourless environment for Node tools: no telemetry, no update checks.

    The caller's Node options and TELNYX_* variables stay out; `extra` adds variables.
    """
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("NODE_", "npm_", "FORCE_COLOR", "TELNYX_"))
    }
    env.update(
        NO_COLOR="1",
        REDOCLY_TELEMETRY="off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE="true",
        NO_UPDATE_NOTIFIER="1",
    )
    env.update(extra)
    return env


def run_tool(
    args: list[str], *, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command from the repo root; the caller checks the exit code and the output."""
    executable = shutil.which(args[0])
    assert executable is not None, f"{args[0]} is not on PATH; run `make install`"
    return subprocess.run(  # noqa: S603 - fixed commands, no shell
        [executable, *args[1:]],
        cwd=REPO,
        env=env if env is not None else tool_env(),
        capture_output=True,
        text=True,
        timeout=TOOL_TIMEOUT_SECONDS,
        check=False,
    )


def npx(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a tool pinned in package.json, never downloading one (`npx --no-install`)."""
    return run_tool(["npx", "--no-install", *args])


def describe(process: subprocess.CompletedProcess[str]) -> str:
    """A command's exit code and output, for an assertion message."""
    return (
        f"$ {' '.join(map(str, process.args))}\nexit code {process.returncode}\n"
        f"--- stdout\n{process.stdout}\n--- stderr\n{process.stderr}"
    )
