"""The sandbox package as a product: its layout, its public names, its types for users."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from collections.abc import Mapping
from pathlib import Path

import pytest
import yaml
from mypy import api as mypy_api

import telnyx_oauth_sandbox
from telnyx_oauth_sandbox import RouteTableError, create_app
from telnyx_oauth_sandbox._access import OPERATION_ACCESS, Rule
from telnyx_oauth_sandbox._endpoint import Binding
from telnyx_oauth_sandbox._handlers import HANDLERS_BY_TAG
from telnyx_oauth_sandbox._routes import endpoints
from telnyx_oauth_sandbox._spec import Spec, default_spec_path

PACKAGE = Path(telnyx_oauth_sandbox.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_MODULE_LINES = 300


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The package's own modules that ``path`` imports, TYPE_CHECKING imports included."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            target = f"{base}.{node.module}" if node.module else base
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom | ast.Import):
            modules = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
            )
            found.update(m for m in modules if m.startswith("telnyx_oauth_sandbox"))
    known = {_module_name(p) for p in MODULES}
    return {m for m in found if m in known and m != name}


def _cycle(graph: Mapping[str, set[str]]) -> list[str]:
    """One import cycle of ``graph``, or ``[]``."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_import_cycle() -> None:
    """No module of the sandbox imports, directly or not, a module that imports it back
    (``__init__`` re-exports and is left out: nothing inside imports it)."""
    graph = {
        _module_name(p): _imports(p) - {"telnyx_oauth_sandbox"}
        for p in MODULES
        if p.name != "__init__.py" or p.parent != PACKAGE
    }
    assert _cycle(graph) == []


def test_cycle_finder_finds_cycles() -> None:
    """The cycle check itself can fail."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small(path: Path) -> None:
    """No module is longer than 300 lines unless its docstring says why."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    assert lines <= MAX_MODULE_LINES or "longer than 300 lines because" in docstring


def test_nothing_imports_the_overlay_or_the_generated_client() -> None:
    """The sandbox stands alone: importing it loads neither telnyx_oauth nor telnyx_oauth_api."""
    code = (
        "import sys, telnyx_oauth_sandbox\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('telnyx_oauth', 'telnyx_oauth_api')))"
    )
    shown = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == "[]"


def test_public_names() -> None:
    """``__all__`` is sorted and is exactly the public surface."""
    public = {n for n in vars(telnyx_oauth_sandbox) if not n.startswith("_")} - {"annotations"}
    assert telnyx_oauth_sandbox.__all__ == sorted(
        telnyx_oauth_sandbox.__all__, key=lambda n: (not n.isupper(), n)
    )
    assert set(telnyx_oauth_sandbox.__all__) == public


# -- the route table --------------------------------------------------------------------------


def test_handler_modules_are_the_specs_tags() -> None:
    """One handler module per tag of the spec, each serving exactly its tag's operations."""
    spec = Spec.load()
    assert set(HANDLERS_BY_TAG) == {op.tag for op in spec.operations.values()}
    for tag, handlers in HANDLERS_BY_TAG.items():
        assert set(handlers) == {
            op.operation_id for op in spec.operations.values() if op.tag == tag
        }


def _without(mapping: Mapping[str, Binding], name: str) -> dict[str, Binding]:
    return {key: value for key, value in mapping.items() if key != name}


def test_missing_handler_stops_the_route_table() -> None:
    """An operation without a handler is a RouteTableError naming it."""
    handlers = {**HANDLERS_BY_TAG, "oauth": _without(HANDLERS_BY_TAG["oauth"], "get_jwks")}
    with pytest.raises(RouteTableError, match="get_jwks: no handler under the tag 'oauth'"):
        endpoints(Spec.load(), handlers_by_tag=handlers)


def test_handler_for_no_operation_stops_the_route_table() -> None:
    """A handler for an operation the spec lacks, or under another tag, is an error too."""
    extra = {**HANDLERS_BY_TAG["oauth"], "get_userinfo": HANDLERS_BY_TAG["oauth"]["get_jwks"]}
    with pytest.raises(RouteTableError, match="get_userinfo: a handler under 'oauth'"):
        endpoints(Spec.load(), handlers_by_tag={**HANDLERS_BY_TAG, "oauth": extra})
    moved = {
        **HANDLERS_BY_TAG,
        "discovery": {
            **HANDLERS_BY_TAG["discovery"],
            "get_jwks": HANDLERS_BY_TAG["oauth"]["get_jwks"],
        },
    }
    with pytest.raises(RouteTableError, match="get_jwks: a handler under 'discovery'"):
        endpoints(Spec.load(), handlers_by_tag=moved)


def test_access_rules_must_match_the_operations() -> None:
    """An operation without an access rule, or a rule for no operation, is an error."""
    missing = {k: v for k, v in OPERATION_ACCESS.items() if k != "revoke_oauth_grant"}
    with pytest.raises(RouteTableError, match="revoke_oauth_grant: no access rule"):
        endpoints(Spec.load(), access=missing)
    with pytest.raises(RouteTableError, match="get_userinfo: an access rule for no operation"):
        endpoints(Spec.load(), access={**OPERATION_ACCESS, "get_userinfo": Rule.NONE})


def test_app_refuses_to_start_on_a_spec_with_an_unserved_operation(tmp_path: Path) -> None:
    """create_app with a spec that has one more operation stops at start-up."""
    document = yaml.safe_load(default_spec_path().read_text(encoding="utf-8"))
    document["paths"]["/v2/oauth/userinfo"] = {
        "get": {
            "tags": ["oauth"],
            "operationId": "get_userinfo",
            "responses": {"200": {"description": "ok"}},
        }
    }
    spec_path = tmp_path / "spec.yaml"
    spec_path.write_text(yaml.safe_dump(document), encoding="utf-8")
    with pytest.raises(RouteTableError, match="get_userinfo: no handler"):
        create_app(api_key="k", issuer="http://sandbox.test", spec_path=spec_path)


# -- typed for its users ----------------------------------------------------------------------

USER_PROGRAM = """\
import httpx

from telnyx_oauth_sandbox import (
    SandboxControlError,
    SandboxControls,
    StatsSnapshot,
    complete_consent,
    running,
)


def check_login(authorization_url: str) -> str:
    with running() as sandbox, SandboxControls(sandbox.base_url, sandbox.api_key) as controls:
        controls.reset()
        fault = controls.fault(method="GET", path="/v2/oauth_clients/{id}", status=503)
        remaining: int = fault["remaining"]
        stats: StatsSnapshot = controls.stats()
        counted: int = stats["requests"].get("GET /v2/oauth_clients", 0) + remaining
        ids: list[str] = controls.seed_clients(2, allowed_scopes=["numbers.read"])
        now: float = controls.advance_clock(60)
        try:
            callback: str = complete_consent(authorization_url, api_key=sandbox.api_key)
        except SandboxControlError as exc:
            status: int | None = exc.status_code
            callback = f"{status}"
        deny: str = controls.complete_consent(authorization_url, allow=False)
        print(counted, ids, now, deny, httpx.URL(callback).params.get("code"))
        return callback
"""

USER_MISTAKES = """\
from telnyx_oauth_sandbox import SandboxControls, complete_consent

controls = SandboxControls("http://127.0.0.1:8765", "key")
total: str = controls.stats()["total"]
controls.fault(method="GET", path="/v2/oauth_clients", statuss=503)
complete_consent("http://127.0.0.1:8765/v2/oauth/authorize", allow=True)
"""


def _mypy_as_a_user(tmp_path: Path, *programs: Path) -> list[str]:
    """``mypy --strict`` on ``programs`` with no project configuration: the sandbox is found as
    an installed package, typed only if it ships ``py.typed``."""
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")
    stdout, stderr, _ = mypy_api.run(
        [
            "--config-file",
            str(config),
            "--cache-dir",
            str(tmp_path / "cache"),
            "--strict",
            "--no-error-summary",
            "--show-error-codes",
            *map(str, programs),
        ]
    )
    assert not stderr, stderr
    return [line for line in stdout.splitlines() if ": error:" in line]


@pytest.mark.slow
def test_users_program_passes_mypy_strict(tmp_path: Path) -> None:
    """A user's program importing running, SandboxControls and complete_consent passes
    ``mypy --strict`` (no import-untyped), and the mistakes in another are caught, each named:
    the types bind, they are not Any."""
    good = tmp_path / "user_program.py"
    good.write_text(USER_PROGRAM, encoding="utf-8")
    bad = tmp_path / "user_mistakes.py"
    bad.write_text(USER_MISTAKES, encoding="utf-8")
    errors = _mypy_as_a_user(tmp_path, good, bad)
    assert [line for line in errors if line.startswith(str(good))] == []
    mistakes = textwrap.dedent("\n".join(line.split(": error: ")[1] for line in errors))
    assert "import-untyped" not in mistakes
    assert (
        'Incompatible types in assignment (expression has type "int", variable has type "str")'
        in mistakes
    )
    assert 'Unexpected keyword argument "statuss" for "fault"' in mistakes
    assert 'Missing named argument "api_key" for "complete_consent"' in mistakes
    assert len(errors) == 3


def test_the_package_ships_py_typed() -> None:
    """``py.typed`` is in the package, so installed copies are typed for their users."""
    assert (PACKAGE / "py.typed").is_file()
