"""Fixtures of the overlay's unit tests."""

from __future__ import annotations

import pytest

from tests.unit._support import Sleeps


@pytest.fixture
def sleeps() -> Sleeps:
    """A fake sleep that records the requested delays."""
    return Sleeps()
