"""The overlay's modules import only downwards: a module never imports one above it.

Each module of ``overlay/telnyx_oauth`` sits in one layer; an import (type-only ones included)
must point to a lower layer. The generated package is below them all, and never imports the
overlay (tests/spec checks the distribution from the other side).
"""

from __future__ import annotations

import ast
from pathlib import Path

import telnyx_oauth

PACKAGE = Path(telnyx_oauth.__file__).parent

LAYERS: list[set[str]] = [
    # what stands alone: tuning numbers, what the overlay knows of the API's operations, log
    # masking, the after-fork hooks, the sync/async driver
    {"_constants", "_operations", "_redact", "_fork", "_drive"},
    # the Token value, and the single-flight table (forgotten in a forked child)
    {"_token", "_single_flight"},
    {"_errors"},
    {"_client_auth", "_retries", "_pagination", "_token_store"},
    # the httpx client classes (typed errors, on the retry policy); the token stores (on the
    # protocol), and what the flows do with one
    {"_http", "_store_link", "_sqlite_store", "_redis_store", "_encrypted_store"},
    {"_auth", "_authorization_code", "_discovery", "_verify"},
    {"_client", "retries", "token_stores"},
    {"__init__"},
]


def _layer_of(module: str) -> int:
    return next(index for index, layer in enumerate(LAYERS) if module in layer)


def _imports(path: Path) -> set[str]:
    """The package's own modules that ``path`` imports (relatively, as the overlay does)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        absolute = (
            [node.module or ""]
            if isinstance(node, ast.ImportFrom) and node.level == 0
            else [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else []
        )
        for name in absolute:
            assert name.split(".")[0] != "telnyx_oauth", f"{path.name} imports {name} by name"
    return found


def test_every_module_has_a_layer() -> None:
    """A new module must be placed in a layer before it can land."""
    modules = {path.stem for path in PACKAGE.glob("*.py")}
    assert modules == set().union(*LAYERS)


def test_imports_point_down() -> None:
    """No module imports one in its own layer or above (so there is no cycle either)."""
    for path in sorted(PACKAGE.glob("*.py")):
        here = _layer_of(path.stem)
        for imported in _imports(path):
            assert _layer_of(imported) < here, f"{path.stem} (layer {here}) imports {imported}"
