"""The retry policy, for building a transport of your own or testing what would be retried.

``telnyx_oauth.connect()`` already puts ``RetryTransport`` / ``AsyncRetryTransport`` around the
transport httpx builds; reach for this module to give a transport of your own the same policy
(``connect(transport=RetryTransport(my_transport, max_retries=5))`` is used as given), to inject
the sleep, clock and jitter in tests, or to ask the policy directly:

- ``is_safe_to_retry(request)``: whether repeating the request after it may have reached the
  server does no harm (the operations it holds safe are listed in ``_operations``);
- ``should_retry(request, outcome)``: whether the policy allows another attempt after a response
  or a transport error;
- ``retry_delay(attempt, headers, now, policy=...)``: how long to wait first, or ``None`` when
  the server asked for longer than the policy's ``max_retry_after_seconds``.

``RetryPolicy`` (also ``telnyx_oauth.RetryPolicy``) holds the knobs: ``max_retries``,
``max_retry_after_seconds``, ``initial_delay_seconds``, ``max_delay_seconds`` and
``jitter_fraction``; give it to ``connect(retry_policy=...)`` or to a transport (``policy=``).

The rules and their reasons are in ``_retries`` (the policy) and ``_constants`` (the numbers).
"""

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
