"""Generate telnyx_oauth_api from the spec, or check that the committed copy is current.

Usage:
    python tools/generate.py          rebuild generated/telnyx_oauth_api from a clean folder;
                                      on failure generated/ is left as it was
    python tools/generate.py --check  generate into a temporary folder and compare; exit 1 on
                                      any changed, new or stale file, or uncommitted change

The one place that knows how the generator is called, so `make generate`, `make
check-generated` and the tests cannot drift apart. It also copies the hand-written modules of
templates/runtime/ (the error tree, error-body reading, the models' JSON checks) into the
package as they are: real .py files that ruff and mypy check, rather than Python inside a
template. The templates import them (`errors.py` re-exports them; models call `_checks`).
`git diff --exit-code` alone would miss new files, hence the tree walk and `git status`.

Generation is atomic: the generator writes into a temporary folder next to the package, and only
a complete, successful run replaces the package (two renames on one file system). A spec that
does not parse, or a generator that fails or warns, leaves the committed package importable.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "openapi" / "telnyx-oauth.yaml"
CONFIG = REPO / "generator-config.yaml"
TEMPLATES = REPO / "templates"
RUNTIME = TEMPLATES / "runtime"
PACKAGE = REPO / "generated" / "telnyx_oauth_api"

IGNORED_PARTS = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache"})


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not IGNORED_PARTS.intersection(path.relative_to(root).parts)
    }


def generate(output: Path, spec: Path = SPEC, config: Path = CONFIG) -> None:
    """Run the pinned generator on `spec` into `output`, which must not exist yet, then copy
    the runtime modules in (`spec` and `config` differ for the tests' fixture specs).

    The generator's post-hooks call `ruff` from PATH, so this interpreter's scripts folder (the
    venv with the pinned ruff) goes first. --fail-on-warning turns a missing ruff or a spec
    shape the generator skips into an error instead of quietly incomplete output.
    """
    scripts = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}"}
    generator = shutil.which("openapi-python-client", path=env["PATH"])
    if generator is None:
        raise SystemExit("openapi-python-client is not installed: run `make install`")
    command = [
        generator,
        "generate",
        f"--path={spec}",
        f"--config={config}",
        f"--custom-template-path={TEMPLATES}",
        "--meta=none",
        "--fail-on-warning",
        f"--output-path={output}",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise SystemExit(f"generation failed:\n{result.stdout}{result.stderr}")
    if not (output / "__init__.py").is_file():
        # Never swap in an empty folder, whatever the generator's exit status said.
        output_text = f"{result.stdout}{result.stderr}"
        raise SystemExit(f"generation failed: no package was written\n{output_text}")
    for module in sorted(RUNTIME.glob("*.py")):
        shutil.copyfile(module, output / module.name)


def regenerate(package: Path = PACKAGE, spec: Path = SPEC) -> None:
    """Replace `package` with a fresh generation from `spec`, or leave it untouched on failure.

    The new package is generated beside the old one (same file system, so the swap is two
    renames), and the old one is removed only once the new one is in place.
    """
    package.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{package.name}-", dir=package.parent))
    try:
        fresh = scratch / package.name
        generate(fresh, spec)
        previous = scratch / "previous"
        if package.exists():
            package.rename(previous)
        fresh.rename(package)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def tree_drift(fresh: Path, committed: Path) -> list[str]:
    """One line per file where `committed` differs from `fresh`, sorted by path."""
    want, have = _files(fresh), _files(committed)
    lines = []
    for name in sorted(want.keys() | have.keys()):
        if name not in have:
            lines.append(f"new: {name} (generation writes it; it is not committed)")
        elif name not in want:
            lines.append(f"stale: {name} (generation no longer writes it)")
        elif want[name] != have[name]:
            lines.append(f"changed: {name}")
    return lines


def uncommitted(path: Path) -> list[str]:
    """`git status --porcelain` lines for `path`, untracked files included."""
    result = subprocess.run(  # noqa: S603 - fixed command, no shell
        ["git", "status", "--porcelain", "--untracked-files=all", "--", str(path)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    )
    return [f"uncommitted: {line}" for line in result.stdout.splitlines()]


def check() -> int:
    """Compare a fresh generation with the committed package; 0 when they match."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / PACKAGE.name
        generate(fresh)
        problems = tree_drift(fresh, PACKAGE) + uncommitted(PACKAGE)
    for line in problems:
        print(line)
    if problems:
        print("generated/ is out of date with the spec: run `make generate` and commit.")
        return 1
    print("generated/ matches a fresh generation.")
    return 0


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        return check()
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        regenerate()
    except SystemExit as failure:
        print(failure, file=sys.stderr)
        print(f"{PACKAGE.relative_to(REPO)} was left as it was.", file=sys.stderr)
        return 1
    print(f"generated {PACKAGE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
