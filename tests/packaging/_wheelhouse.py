"""A wheelhouse of the client's dependencies, made offline from the dev venv.

The clean-venv test must not reach an index (tests stay on 127.0.0.1), so the wheels pip needs
besides ours are rebuilt from the distributions installed here: each one's files as its RECORD
lists them (through ``importlib.metadata``), under its own wheel tag, with a fresh RECORD. Only
the closure of the client's unconditional requirements goes in, so a requirement the client
forgets to declare is missing in the clean venv, as it would be for a user.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

# pip writes these at install time; a wheel does not carry them.
_INSTALL_ONLY = {"INSTALLER", "REQUESTED", "RECORD", "direct_url.json"}


def closure(requirements: list[str]) -> list[str]:
    """The distributions the requirements pull in without extras, by normalised name."""
    seen: set[str] = set()
    todo = [Requirement(text) for text in requirements]
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        if name not in seen:
            seen.add(name)
            todo += [Requirement(text) for text in metadata.requires(name) or []]
    return sorted(seen)


def _digest(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def repack(name: str, into: Path) -> Path:
    """A wheel of the installed distribution ``name``, written into ``into``."""
    dist = metadata.distribution(name)
    tags = [
        line.split(":", 1)[1].strip().split("-")
        for line in (dist.read_text("WHEEL") or "").splitlines()
        if line.startswith("Tag:")
    ]
    # Several Tag lines (py2-none-any, py3-none-any) make one compressed tag: py2.py3-none-any.
    tag = "-".join(".".join(dict.fromkeys(parts)) for parts in zip(*tags, strict=True))
    stem = f"{re.sub(r'[-_.]+', '_', dist.metadata['Name']).lower()}-{dist.version}"
    wheel = into / f"{stem}-{tag}.whl"
    record: list[str] = []
    info_dir = ""
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in dist.files or []:
            parts = file.parts
            if parts[0] == ".." or "__pycache__" in parts:
                continue  # scripts outside site-packages, and bytecode pip compiled
            if parts[0].endswith(".dist-info"):
                info_dir = parts[0]
                if parts[-1] in _INSTALL_ONLY:
                    continue
            data = Path(str(file.locate())).read_bytes()
            archive.writestr(file.as_posix(), data)
            record.append(f"{file.as_posix()},{_digest(data)},{len(data)}")
        record.append(f"{info_dir}/RECORD,,")
        archive.writestr(f"{info_dir}/RECORD", "\n".join(record) + "\n")
    return wheel
