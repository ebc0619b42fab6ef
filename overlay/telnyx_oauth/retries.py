"""The retry policy: give your own transport the retries ``connect()`` adds (a ``RetryTransport``
is used as given), inject sleep, clock and jitter in tests, or ask what is retried."""

from __future__ import annotations

from ._operations import is_safe_to_retry
from ._retries import AsyncRetryTransport, RetryPolicy, RetryTransport, retry_delay, should_retry

__all__ = [
    "AsyncRetryTransport",
    "RetryPolicy",
    "RetryTransport",
    "is_safe_to_retry",
    "retry_delay",
    "should_retry",
]
