"""Figure 3's clean user venv and import-time attribution, without building a venv."""

from __future__ import annotations

import pytest

from bench import _user_venv, imports


def test_user_env_lets_python_write_bytecode(monkeypatch: pytest.MonkeyPatch) -> None:
    """The user venv runs without PYTHONDONTWRITEBYTECODE or PYTHONPATH, as a user's shell."""
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("PYTHONPATH", "/somewhere")
    env = _user_venv.user_env()
    assert ("PYTHONDONTWRITEBYTECODE" in env, "PYTHONPATH" in env) == (False, False)


def test_fingerprint_follows_the_pins() -> None:
    """A different pinned version names a different venv, so a stale one is never reused."""
    assert _user_venv.fingerprint({"httpx": "0.28.1"}) != _user_venv.fingerprint(
        {"httpx": "0.28.0"}
    )


def test_import_time_is_charged_to_the_importing_package() -> None:
    """A module another package imports counts for that package; this project's modules
    count for themselves (an -X importtime tree: children first, one level deeper)."""
    rows = [
        (3, "platform", 0.001, 0.001),
        (2, "attr._compat", 0.002, 0.003),
        (1, "attr", 0.004, 0.007),
        (0, "attrs", 0.001, 0.008),
        (1, "telnyx_oauth._errors", 0.003, 0.003),
        (0, "telnyx_oauth", 0.001, 0.004),
    ]
    assert imports.charged(rows) == pytest.approx({"attrs": 0.008, "telnyx_oauth": 0.004})
