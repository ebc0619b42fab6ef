"""The README's quick start is examples/quickstart.py, and it runs as written against a sandbox.

Run as a user runs it: a separate Python process with TELNYX_API_KEY and TELNYX_BASE_URL set
(``mypy --strict`` on the same file is in tests/typing).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import telnyx_oauth
from telnyx_oauth_api.api.oauth_clients import list_oauth_clients
from telnyx_oauth_sandbox import SandboxControls, SandboxServer

REPO = Path(__file__).resolve().parents[2]
QUICKSTART = REPO / "examples" / "quickstart.py"
README_BLOCK = re.compile(
    r"<!-- quickstart: begin -->\n```python\n(.*?)```\n<!-- quickstart: end -->", re.DOTALL
)


def test_readme_shows_the_file_as_it_is() -> None:
    shown = README_BLOCK.search((REPO / "README.md").read_text(encoding="utf-8"))
    assert shown is not None, "README.md has no quick start block"
    assert shown.group(1) == QUICKSTART.read_text(encoding="utf-8")


def test_quickstart_runs_against_the_sandbox(
    sandbox: SandboxServer, controls: SandboxControls
) -> None:
    env = {**os.environ, "TELNYX_API_KEY": sandbox.api_key, "TELNYX_BASE_URL": sandbox.base_url}
    ran = subprocess.run(  # noqa: S603 (our interpreter, our example)
        [sys.executable, str(QUICKSTART)], env=env, capture_output=True, text=True, check=False
    )
    assert ran.returncode == 0, ran.stderr
    lines = ran.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["created", "found", "read", "deleted"]
    client_id = lines[0].split()[1]
    assert all(client_id in line for line in lines[1:3])
    assert lines[3] == "deleted  404: oauth_client not found"
    # what it did, counted by the sandbox; and it left the account as it found it
    assert controls.operation_count("create_oauth_client") == 1
    assert controls.operation_count("delete_oauth_client") == 1
    assert controls.operation_count("list_oauth_clients") == 1
    with telnyx_oauth.connect(sandbox.api_key, base_url=sandbox.base_url) as client:
        assert list(telnyx_oauth.paginate(list_oauth_clients, client)) == []
    assert sandbox.api_key not in ran.stdout
