"""TypeScript consumes the spec: generated types, a strict compile, and a real run.

openapi-typescript generates `paths` from the spec into a temporary folder; a tsconfig there
extends examples/typescript/tsconfig.json and points the "telnyx-oauth-spec" import at the
generated file, so nothing is written into the repo. The compiled example then runs with Node
against the sandbox on 127.0.0.1.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from telnyx_oauth_sandbox import ACCESS_TOKEN_LIFETIME_SECONDS, SandboxServer, running
from tests.docs._tools import (
    NODE_MODULES,
    REPO,
    SPEC_PATH,
    describe,
    npx,
    run_tool,
    tool_env,
)

pytestmark = [pytest.mark.docs, pytest.mark.slow]

EXAMPLE_DIR = REPO / "examples" / "typescript"
TYPES_MODULE = "telnyx-oauth-spec"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def _example_page_size() -> int:
    """The example's `PAGE_SIZE`, so the sandbox can hold one full page and a part page."""
    source = (EXAMPLE_DIR / "example.ts").read_text(encoding="utf-8")
    match = re.search(r"^const PAGE_SIZE = (\d+);$", source, re.MULTILINE)
    assert match is not None
    return int(match.group(1))


PAGE_SIZE = _example_page_size()
SEEDED_CLIENTS = PAGE_SIZE + 2


@dataclass(frozen=True)
class Workspace:
    """The temporary folder: generated types, the tsconfig pointing at them, compiled output."""

    root: Path
    types: Path
    tsconfig: Path
    generate: subprocess.CompletedProcess[str]

    @property
    def compiled(self) -> Path:
        """The compiled example."""
        return self.root / "dist" / "example.js"


@dataclass(frozen=True)
class Run:
    """One run of the compiled example against a fresh sandbox."""

    process: subprocess.CompletedProcess[str]
    api_key: str
    stats: dict[str, Any]
    clients_after: int


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """Generate the types into a temporary folder and write a tsconfig that uses them."""
    root = tmp_path_factory.mktemp("typescript")
    types = root / "generated" / "telnyx-oauth.d.ts"
    generate = npx("openapi-typescript", str(SPEC_PATH.relative_to(REPO)), "-o", str(types))
    assert generate.returncode == 0, describe(generate)
    tsconfig = root / "tsconfig.json"
    tsconfig.write_text(
        json.dumps(
            {
                "extends": str(EXAMPLE_DIR / "tsconfig.json"),
                "compilerOptions": {
                    "paths": {TYPES_MODULE: [str(types)]},
                    "outDir": str(root / "dist"),
                },
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    # The compiled example imports openapi-fetch: Node finds it by walking up from dist/.
    (root / "node_modules").symlink_to(NODE_MODULES, target_is_directory=True)
    return Workspace(root=root, types=types, tsconfig=tsconfig, generate=generate)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    """A fresh sandbox on 127.0.0.1 holding one full page of OAuth clients and two more."""
    with running() as server:
        seeded = httpx.post(
            f"{server.base_url}/_sandbox/seed/oauth_clients",
            headers={"Authorization": f"Bearer {server.api_key}"},
            json={"count": SEEDED_CLIENTS},
        )
        assert seeded.status_code == 201, seeded.text
        yield server


@pytest.fixture(scope="module")
def run(workspace: Workspace, sandbox: SandboxServer) -> Run:
    """Compile the example and run it with Node against the sandbox."""
    compile_ = npx("tsc", "--project", str(workspace.tsconfig), "--pretty", "false")
    assert compile_.returncode == 0, describe(compile_)
    process = run_tool(
        ["node", str(workspace.compiled)],
        env=tool_env(TELNYX_BASE_URL=sandbox.base_url, TELNYX_API_KEY=sandbox.api_key),
    )
    headers = {"Authorization": f"Bearer {sandbox.api_key}"}
    with httpx.Client(base_url=sandbox.base_url, headers=headers) as client:
        stats = client.get("/_sandbox/stats").json()
        listed = client.get("/v2/oauth_clients", params={"page[size]": 1}).json()
    return Run(
        process=process,
        api_key=sandbox.api_key,
        stats=stats,
        clients_after=listed["meta"]["total_results"],
    )


def test_openapi_typescript_generates_types_without_warnings(workspace: Workspace) -> None:
    """openapi-typescript turns the spec into `paths` and `components` with nothing on stderr."""
    source = workspace.types.read_text(encoding="utf-8")
    assert workspace.generate.stderr == "", describe(workspace.generate)
    assert "export interface paths {" in source
    assert "export interface components {" in source


def test_example_type_checks_strictly(workspace: Workspace) -> None:
    """`tsc --noEmit` on the example, in strict mode, reports nothing."""
    shown = npx("tsc", "--project", str(workspace.tsconfig), "--showConfig")
    assert shown.returncode == 0, describe(shown)
    assert json.loads(shown.stdout)["compilerOptions"]["strict"] is True
    check = npx("tsc", "--project", str(workspace.tsconfig), "--noEmit", "--pretty", "false")
    assert (check.returncode, check.stdout, check.stderr) == (0, "", ""), describe(check)


def test_example_fails_type_check_on_a_request_the_spec_forbids(
    workspace: Workspace, tmp_path: Path
) -> None:
    """The generated types bind the example: a grant type the spec lacks does not compile."""
    source = (EXAMPLE_DIR / "example.ts").read_text(encoding="utf-8")
    broken = source.replace('grant_type: "client_credentials"', 'grant_type: "password"')
    assert broken != source
    (tmp_path / "example.ts").write_text(broken, encoding="utf-8")
    (tmp_path / "node_modules").symlink_to(NODE_MODULES, target_is_directory=True)
    config = {
        "extends": str(workspace.tsconfig),
        "compilerOptions": {"rootDir": "."},
        "files": ["example.ts"],
    }
    (tmp_path / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    check = npx(
        "tsc", "--project", str(tmp_path / "tsconfig.json"), "--noEmit", "--pretty", "false"
    )
    errors = [line for line in check.stdout.splitlines() if ": error TS" in line]
    assert len(errors) == 1, describe(check)
    assert "Type '\"password\"' is not assignable" in errors[0], describe(check)


def test_example_prints_each_step(run: Run) -> None:
    """The example lists two pages, creates a client, gets and introspects a token, cleans up."""
    assert (run.process.returncode, run.process.stderr) == (0, ""), describe(run.process)
    lines = run.process.stdout.splitlines()
    assert lines[:3] == [
        f"page 1: {PAGE_SIZE} clients",
        "page 2: 2 clients",
        f"listed {SEEDED_CLIENTS} clients on 2 pages",
    ]
    patterns = [
        rf"created confidential client ({UUID}) \(client_credentials\)",
        rf"token: Bearer, expires in {ACCESS_TOKEN_LIFETIME_SECONDS} s, scope numbers\.read",
        rf"introspection: active true, client ({UUID})",
        rf"deleted client ({UUID})",
    ]
    assert len(lines) == len(patterns) + 3, run.process.stdout
    matches = [re.fullmatch(p, line) for p, line in zip(patterns, lines[3:], strict=True)]
    assert all(matches), run.process.stdout
    created = {match.group(1) for match in matches if match is not None and match.groups()}
    assert len(created) == 1, "create, introspect and delete name one client"


def test_example_makes_the_calls_it_claims(run: Run) -> None:
    """The sandbox saw two list calls, one create, one token, one introspect and one delete."""
    assert run.process.returncode == 0, describe(run.process)
    assert run.stats["operations"] == {
        "list_oauth_clients": 2,
        "create_oauth_client": 1,
        "create_token": 1,
        "introspect_token": 1,
        "delete_oauth_client": 1,
    }
    assert run.stats["token_requests"] == {"client_credentials": 1}


def test_example_leaves_the_account_as_it_found_it(run: Run) -> None:
    """The client the example created is gone again."""
    assert run.process.returncode == 0, describe(run.process)
    assert run.clients_after == SEEDED_CLIENTS


def test_example_never_prints_the_api_key(run: Run) -> None:
    """The API key appears in neither output stream."""
    assert run.api_key not in run.process.stdout + run.process.stderr
