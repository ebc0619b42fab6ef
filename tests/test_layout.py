"""The two distributions: their import packages, their requirements and the sandbox's command."""

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
    """Without extras, telnyx-oauth pulls in what every path imports, and no server."""
    requires = [Requirement(text) for text in metadata.requires("telnyx-oauth") or []]
    unconditional = sorted(req.name for req in requires if req.marker is None)
    assert unconditional == ["anyio", "attrs", "httpx"]


def test_extras_hold_the_optional_features_libraries() -> None:
    """Each optional feature's library is in the extra its error message names."""
    requires = [Requirement(text) for text in metadata.requires("telnyx-oauth") or []]
    by_extra = {
        extra: sorted(
            req.name for req in requires if req.marker and req.marker.evaluate({"extra": extra})
        )
        for extra in ("verify", "encryption", "redis")
    }
    assert by_extra == {"verify": ["joserfc"], "encryption": ["cryptography"], "redis": ["redis"]}


def test_sandbox_console_script() -> None:
    """The `telnyx-oauth-sandbox` command is the sandbox distribution's, not the client's."""
    scripts = metadata.entry_points(group="console_scripts", name="telnyx-oauth-sandbox")
    assert [(script.dist.name if script.dist else None, script.value) for script in scripts] == [
        ("telnyx-oauth-sandbox", "telnyx_oauth_sandbox._cli:main")
    ]
