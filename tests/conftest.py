"""Fixtures shared by every test."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def _clear_telnyx_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test without the caller's TELNYX_* variables (API keys, base URLs)."""
    for name in list(os.environ):
        if name.startswith("TELNYX_"):
            monkeypatch.delenv(name)
