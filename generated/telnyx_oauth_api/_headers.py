"""Rate-limit and retry headers: seconds and counts read leniently (an odd value is ``None``)."""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx


def int_header(headers: httpx.Headers, name: str) -> int | None:
    value = headers.get(name)
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def parse_seconds_header(value: str | None) -> float | None:
    """A non-negative finite number of seconds, or ``None``."""
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    if not math.isfinite(seconds) or seconds < 0:
        return None
    return seconds


def parse_retry_after_seconds(headers: httpx.Headers, *, now: float | None = None) -> float | None:
    """The delay from ``retry-after-ms`` or ``Retry-After`` (seconds or HTTP date), in seconds."""
    millis = parse_seconds_header(headers.get("retry-after-ms"))
    if millis is not None:
        return millis / 1000.0
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = parse_seconds_header(value)
    if seconds is not None:
        return seconds
    # email.utils costs milliseconds to import and an HTTP-date Retry-After is rare.
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    current = time.time() if now is None else now
    return max(when.timestamp() - current, 0.0)
