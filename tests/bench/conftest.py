"""The benchmarks' count logic at small sizes, against one in-process sandbox per module.

Timings depend on the machine; these counts do not, so they run inside ``make check``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench._sandbox import Server
from telnyx_oauth_sandbox import SandboxControls, running


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/bench with ``bench``."""
    for item in items:
        if "tests/bench/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.bench)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """The sandbox on a free loopback port, served from a background thread."""
    with running() as sandbox:
        yield Server(sandbox.base_url, sandbox.api_key)


@pytest.fixture
def controls(server: Server) -> Iterator[SandboxControls]:
    """The sandbox's controls, after a reset: no clients, zero counts."""
    controls = server.controls()
    controls.reset()
    yield controls
    controls.close()
