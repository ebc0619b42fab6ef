"""The machine-readable start of ``telnyx-oauth-sandbox --ready-file``: one JSON object that says
where the sandbox listens, written once it accepts connections.

``PATH`` gets the object as a file (written whole or not at all, readable by its owner only, and
removed when the sandbox stops), so its existence means "ready"; ``-`` gets it as the single line
on standard output (the prose goes to standard error instead).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STDOUT = "-"
"""The ``--ready-file`` value that means standard output."""


@dataclass(frozen=True)
class ReadyInfo:
    """What a script needs to call the sandbox it started."""

    base_url: str
    """Where clients reach it, the issuer of its tokens (``--issuer``, else the address bound)."""
    listening: str
    """``http://host:port`` of the socket actually bound (the real port when ``--port 0``)."""
    port: int
    pid: int
    generated_api_key: str | None
    """The API key, only when the sandbox generated it: a script cannot know it otherwise."""

    def __repr__(self) -> str:
        return f"ReadyInfo(base_url={self.base_url!r}, listening={self.listening!r})"

    def document(self) -> dict[str, Any]:
        """The JSON object: ``base_url``, ``listening``, ``port``, ``pid`` and, only when the
        sandbox generated it, ``api_key``."""
        document: dict[str, Any] = {
            "base_url": self.base_url,
            "listening": self.listening,
            "port": self.port,
            "pid": self.pid,
        }
        if self.generated_api_key is not None:
            document["api_key"] = self.generated_api_key
        return document


def write_ready_file(target: str, info: ReadyInfo) -> None:
    """Announce ``info`` on standard output (``-``) or in the file ``target``, atomically."""
    line = json.dumps(info.document())
    if target == STDOUT:
        print(line, flush=True)
        return
    path = Path(target)
    # Written beside its final name, then renamed: a reader never sees half an object. mkstemp
    # creates it 0600, which matters when it carries a generated API key.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(line + "\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_ready_file(target: str) -> None:
    """Remove the file ``target`` (not standard output) when the sandbox stops."""
    if target != STDOUT:
        Path(target).unlink(missing_ok=True)


def prose_stream(target: str | None) -> Any:
    """Where the human-readable start lines go: standard error when stdout is the JSON line."""
    return sys.stderr if target == STDOUT else sys.stdout
