"""The rate limit: a fixed window per identity, on the sandbox clock, with Telnyx's headers.

Who an identity is, is decided by ``_access.rate_limit_identity``: only credentials the sandbox
verified count as their own identity, so a made-up header cannot buy a fresh budget.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Any

from ._clock import Clock
from ._constants import MAX_RATE_LIMIT_REQUESTS, MAX_RATE_LIMIT_WINDOW_SECONDS


@dataclass(frozen=True)
class RateDecision:
    """Whether one request may go on, and the ``x-ratelimit-*`` headers it gets."""

    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int

    def headers(self) -> list[tuple[bytes, bytes]]:
        return [
            (b"x-ratelimit-limit", str(self.limit).encode()),
            (b"x-ratelimit-remaining", str(self.remaining).encode()),
            (b"x-ratelimit-reset", str(self.reset_seconds).encode()),
        ]


def check_rate_limit(limit: int | None, window_seconds: int) -> None:
    """``ValueError`` unless ``limit`` (None: off) and ``window_seconds`` are in range."""
    if limit is not None and not 1 <= limit <= MAX_RATE_LIMIT_REQUESTS:
        raise ValueError(f"the rate limit must be from 1 to {MAX_RATE_LIMIT_REQUESTS}")
    if not 1 <= window_seconds <= MAX_RATE_LIMIT_WINDOW_SECONDS:
        raise ValueError(
            f"the rate-limit window must be from 1 to {MAX_RATE_LIMIT_WINDOW_SECONDS} seconds"
        )


class RateLimiter:
    """A fixed window per identity (API key, OAuth client or address), on the sandbox clock.

    ``limit=None`` turns limiting off; the ``x-ratelimit-*`` headers then disappear too.
    """

    def __init__(self, clock: Clock, *, limit: int | None, window_seconds: int) -> None:
        check_rate_limit(limit, window_seconds)
        self._clock = clock
        self._lock = threading.Lock()
        self.limit = limit
        self.window_seconds = window_seconds
        self._windows: dict[str, tuple[int, int]] = {}

    def configure(self, *, limit: int | None, window_seconds: int) -> None:
        """Set the limit and window (checked as at start-up); every counter restarts."""
        check_rate_limit(limit, window_seconds)
        with self._lock:
            self.limit = limit
            self.window_seconds = window_seconds
            self._windows.clear()

    def config(self) -> dict[str, Any]:
        return {"limit": self.limit, "window_seconds": self.window_seconds}

    def hit(self, identity: str) -> RateDecision | None:
        """Count one request of ``identity``; None when limiting is off."""
        with self._lock:
            limit, window = self.limit, self.window_seconds
            if limit is None:
                return None
            now = self._clock.now()
            index = int(now // window)
            start, used = self._windows.get(identity, (index, 0))
            if start != index:
                used = 0
            reset = max(1, math.ceil((index + 1) * window - now))
            if used >= limit:
                self._windows[identity] = (index, used)
                return RateDecision(False, limit, 0, reset)
            used += 1
            self._windows[identity] = (index, used)
            return RateDecision(True, limit, limit - used, reset)
