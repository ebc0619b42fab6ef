"""The retry policy: give a transport of your own the retries ``connect()`` adds (it uses a
``RetryTransport`` as given), inject sleep, clock and jitter in tests, or ask what is retried
(the rules and their reasons: docs/design.md, retries)."""

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
