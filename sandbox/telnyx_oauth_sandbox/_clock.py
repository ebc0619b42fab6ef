"""A controllable clock: real time plus an offset that tests move forward."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Clock:
    """Wall-clock seconds since the epoch, shifted by an offset that only grows on request.

    ``POST /_sandbox/clock/advance`` moves the offset so tokens and codes expire without anyone
    sleeping.
    """

    def __init__(self, *, time_source: Callable[[], float] = time.time) -> None:
        self._time_source = time_source
        self._offset_seconds = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        """Current sandbox time, in seconds since the epoch."""
        return self._time_source() + self._offset_seconds

    @property
    def offset_seconds(self) -> float:
        """How far the sandbox clock runs ahead of real time, in seconds."""
        return self._offset_seconds

    def advance(self, seconds: float) -> None:
        """Move the clock forward by ``seconds`` (must not be negative)."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset_seconds += seconds

    def reset(self) -> None:
        """Return to real time."""
        with self._lock:
            self._offset_seconds = 0.0
