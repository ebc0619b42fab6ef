"""The overlay's tuning numbers, each named with its unit (why these values: docs/design.md)."""

from __future__ import annotations

DEFAULT_TIMEOUT_SECONDS = 30.0
MAX_CONNECTIONS = 100  # httpx's default, per httpx client; the sync pool keeps all idle

TOKEN_REFRESH_LEEWAY_SECONDS = 30.0

STORE_LOCK_TTL_MARGIN_SECONDS = 0.5
STORE_LOCK_POLL_SECONDS = 0.01
STORE_RECORD_MIN_SECONDS = 60.0
STORE_RECORD_SECONDS_WITHOUT_EXPIRY = 3600.0
