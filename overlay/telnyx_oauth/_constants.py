"""The overlay's tuning numbers, each named with its unit (why these values: docs/design.md)."""

from __future__ import annotations

DEFAULT_TIMEOUT_SECONDS = 30.0
MAX_CONNECTIONS = 100  # httpx's default, per httpx client; the sync pool keeps all idle

TOKEN_REFRESH_LEEWAY_SECONDS = 30.0
