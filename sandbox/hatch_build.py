"""Build hook: ship the spec inside the sandbox package.

The spec lives once, in ../openapi/ of the repository. Built from the repository, the wheel and
the sdist get a copy at telnyx_oauth_sandbox/telnyx-oauth.yaml; built from the sdist (no
../openapi there), the copy is already in the package folder and is picked up as package data.
Editable installs get nothing: the package then reads ../openapi/ directly (_spec.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SPEC = Path("..") / "openapi" / "telnyx-oauth.yaml"
TARGET = "telnyx_oauth_sandbox/telnyx-oauth.yaml"


class SpecHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        spec = (Path(self.root) / SPEC).resolve()
        if version != "editable" and spec.is_file():
            build_data["force_include"][str(spec)] = TARGET
