"""Fixtures shared by every test."""

from __future__ import annotations

import os

import pytest

from tests._support.sleeps import Sleeps


@pytest.fixture(autouse=True)
def _clear_telnyx_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test without the caller's TELNYX_* variables (API keys, base URLs)."""
    for name in list(os.environ):
        if name.startswith("TELNYX_"):
            monkeypatch.delenv(name)


@pytest.fixture
def sleeps() -> Sleeps:
    """The delays the overlay's retries asked for (nobody sleeps)."""
    return Sleeps()
