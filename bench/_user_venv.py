"""A clean virtual environment holding what a user installs, for the cold-import figure.

The dev venv is not what a user has: it holds this project as an editable install (sources on
``sys.path``, so nothing of ours is byte-compiled when ``PYTHONDONTWRITEBYTECODE`` is set, as it
is here), and the dev tools pulled in click, rich and pygments, which httpx imports eagerly for
its command-line interface whenever they are installed. So figure 3 builds, once per source
state, a venv with ``python -m venv``, installs this project into it from a copy of the repo
(a regular, non-editable install: pip builds the wheel) next to the pinned ``telnyx``, pinned to
the dev venv's versions of every shared dependency, and byte-compiles it all, as pip does for a
user. pyinstrument is installed too, for the profile only; nothing else imports it.

The venv lives under the system temp dir, named by a hash of what it is built from (the
interpreter, pyproject.toml, the packaged sources and the pins), and is reused while that hash
holds; a stale one is removed when a new one is built.
"""

from __future__ import annotations

import compileall
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGED = (
    "pyproject.toml",
    "README.md",
    "generated/telnyx_oauth_api",
    "overlay/telnyx_oauth",
)
"""What the client's wheel is built from (pyproject.toml's hatch build targets)."""
EXTRA = ("telnyx", "pyinstrument")
"""Installed next to this project, at the dev venv's versions."""
ABSENT = ("click", "rich", "pygments")
"""Must not be in the venv: their presence makes ``import httpx`` import its CLI."""
ROOT_NAME = "telnyx-oauth-bench"
COMPLETE = ".complete"
_IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc")


@dataclass(frozen=True)
class UserVenv:
    """A built venv: its interpreter, its distributions and versions, and the environment to run
    it in (``PYTHONDONTWRITEBYTECODE`` and ``PYTHONPATH`` removed, as a user's shell has them)."""

    python: Path
    versions: dict[str, str]
    env: dict[str, str]
    reused: bool


def user_env() -> dict[str, str]:
    """This process's environment without the variables that change how Python imports."""
    drop = {"PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV"}
    return {key: value for key, value in os.environ.items() if key not in drop}


def _files(path: Path) -> Iterator[Path]:
    if path.is_file():
        yield path
        return
    for found in sorted(path.rglob("*")):
        if found.is_file() and "__pycache__" not in found.parts and found.suffix != ".pyc":
            yield found


def _pins() -> dict[str, str]:
    """Every distribution of the dev venv but this project, at its version."""
    pins: dict[str, str] = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if name and name.lower() != "telnyx-oauth":
            pins[name.lower()] = dist.version
    return dict(sorted(pins.items()))


def fingerprint(pins: dict[str, str]) -> str:
    """Hash of the interpreter, the packaged sources and the pins: the venv's name."""
    digest = hashlib.sha256(sys.version.encode())
    digest.update(json.dumps(pins, sort_keys=True).encode())
    for part in PACKAGED:
        for file in _files(REPO / part):
            digest.update(str(file.relative_to(REPO)).encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _run(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(  # noqa: S603 (our interpreter, pip, pinned requirements)
        args, check=True, capture_output=True, text=True, env=env
    )
    return result.stdout


def _installed(python: Path, env: dict[str, str]) -> dict[str, str]:
    code = (
        "import json, importlib.metadata as m; "
        "print(json.dumps({d.metadata['Name'].lower(): d.version for d in m.distributions()}))"
    )
    found: dict[str, str] = json.loads(_run([str(python), "-c", code], env))
    return dict(sorted(found.items()))


def _build(venv: Path, pins: dict[str, str], env: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory(prefix="telnyx-oauth-src-") as tmp:
        source = Path(tmp) / "src"
        for part in PACKAGED:
            origin, copy = REPO / part, source / part
            copy.parent.mkdir(parents=True, exist_ok=True)
            if origin.is_dir():
                shutil.copytree(origin, copy, ignore=_IGNORED)
            else:
                shutil.copy2(origin, copy)
        constraints = Path(tmp) / "constraints.txt"
        constraints.write_text("".join(f"{n}=={v}\n" for n, v in pins.items()), encoding="utf-8")
        _run([sys.executable, "-m", "venv", str(venv)], env)
        python = venv / "bin" / "python"
        wanted = [f"{name}=={pins[name]}" for name in EXTRA]
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        _run([*pip, "--constraint", str(constraints), str(source), *wanted], env)
    # pip byte-compiles what it installs; compileall makes sure, then one import of everything
    # (with bytecode writing on) fills whatever is left, as a user's first run would.
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], env)
    compileall.compile_dir(site.strip(), quiet=1, workers=0)
    _run([str(python), "-c", "import telnyx_oauth, telnyx_oauth_api, telnyx, httpx"], env)


def ensure(root: Path | None = None) -> UserVenv:
    """The user venv for the current sources, built if missing or stale."""
    root = root or Path(tempfile.gettempdir()) / ROOT_NAME
    pins = _pins()
    missing = [name for name in EXTRA if name not in pins]
    if missing:
        raise RuntimeError(f"not in the dev venv, so no version to pin: {', '.join(missing)}")
    venv = root / f"user-venv-{fingerprint(pins)}"
    env = user_env()
    reused = (venv / COMPLETE).exists()
    if not reused:
        root.mkdir(parents=True, exist_ok=True)
        for stale in root.glob("user-venv-*"):
            shutil.rmtree(stale)
        _build(venv, pins, env)
        (venv / COMPLETE).write_text("", encoding="utf-8")
    python = venv / "bin" / "python"
    versions = _installed(python, env)
    present = [name for name in ABSENT if name in versions]
    if present:
        raise RuntimeError(f"the user venv holds {', '.join(present)}: it should not")
    return UserVenv(python, versions, env, reused)
