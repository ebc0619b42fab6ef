"""Server-side counts of the requests the API saw, so client tests can count retries."""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any

CONSENT_PREFIX = "/v2/oauth/consent/"


def shown_path(path: str) -> str:
    """``path`` fit for a log line or a stats key: a consent token (a capability) is masked,
    whether or not the rest of the path matches an operation."""
    if path.startswith(CONSENT_PREFIX):
        return CONSENT_PREFIX + "{consent_token}"
    return path


class RequestStats:
    """Counts per method and path, per operation, per status and per token grant type."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: Counter[str] = Counter()
        self._operations: Counter[str] = Counter()
        self._statuses: Counter[str] = Counter()
        self._grant_types: Counter[str] = Counter()

    def count_request(self, method: str, path: str, operation_id: str | None) -> None:
        with self._lock:
            self._requests[f"{method} {shown_path(path)}"] += 1
            if operation_id is not None:
                self._operations[operation_id] += 1

    def count_status(self, status: int) -> None:
        with self._lock:
            self._statuses[str(status)] += 1

    def count_grant_type(self, grant_type: str) -> None:
        with self._lock:
            self._grant_types[grant_type] += 1

    def clear(self) -> None:
        with self._lock:
            for counter in (self._requests, self._operations, self._statuses, self._grant_types):
                counter.clear()

    def snapshot(self) -> dict[str, Any]:
        """The counts as ``GET /_sandbox/stats`` shows them."""
        with self._lock:
            return {
                "total": sum(self._requests.values()),
                "requests": dict(self._requests),
                "operations": dict(self._operations),
                "responses": dict(self._statuses),
                "token_requests": dict(self._grant_types),
            }
