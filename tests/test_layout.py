"""The distribution ships three import packages and depends only on what its code imports."""

from __future__ import annotations

import importlib
from importlib import metadata

import pytest
from packaging.requirements import Requirement


@pytest.mark.parametrize("name", ["telnyx_oauth", "telnyx_oauth_api", "telnyx_oauth_sandbox"])
def test_import_package(name: str) -> None:
    """Each import package of the distribution imports as a regular package."""
    module = importlib.import_module(name)
    assert module.__file__ is not None
    assert module.__file__.endswith("__init__.py")


def test_unconditional_requirements() -> None:
    """Without extras, telnyx-oauth pulls in exactly what its code imports."""
    requires = [Requirement(text) for text in metadata.requires("telnyx-oauth") or []]
    unconditional = sorted(req.name for req in requires if req.marker is None)
    assert unconditional == ["anyio", "attrs", "cryptography", "httpx", "joserfc"]


def test_sandbox_console_script() -> None:
    """The `telnyx-oauth-sandbox` command points at the sandbox's CLI entry point."""
    scripts = metadata.entry_points(group="console_scripts", name="telnyx-oauth-sandbox")
    assert [script.value for script in scripts] == ["telnyx_oauth_sandbox._cli:main"]
