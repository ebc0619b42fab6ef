"""Driving the sandbox's ``/_sandbox/`` test controls from the end-to-end and contract tests.

The controls are not part of the Telnyx API, so the generated client has no functions for them;
a plain ``httpx.Client`` with the sandbox's API key talks to them.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

import httpx


class Controls:
    """The ``/_sandbox/`` endpoints of one running sandbox: reset, clock, keys, faults, stats."""

    def __init__(self, base_url: str, api_key: str) -> None:
        self._http = httpx.Client(
            base_url=base_url,
            headers={"Authorization": f"Bearer {api_key}"},
            timeout=10.0,
        )

    def __repr__(self) -> str:
        return f"Controls(base_url={str(self._http.base_url)!r})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Controls:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        response = self._http.request(method, f"/_sandbox/{path}", json=body)
        response.raise_for_status()
        return response.json() if response.content else None

    def reset(self) -> None:
        """Forget every client, grant and token; real time; no faults; zero counts."""
        self._call("POST", "reset")

    def advance_clock(self, seconds: float) -> float:
        """Move the sandbox clock forward; returns its new time (Unix seconds)."""
        now: float = self._call("POST", "clock/advance", {"seconds": seconds})["now"]
        return now

    def now(self) -> float:
        """The sandbox clock (Unix seconds)."""
        now: float = self._call("GET", "clock")["now"]
        return now

    def rotate_keys(self) -> dict[str, Any]:
        """Sign new tokens with a fresh key; the old one stays in the JWKS for a grace period."""
        result: dict[str, Any] = self._call("POST", "keys/rotate", {})
        return result

    def fault(
        self,
        *,
        method: str,
        path: str,
        count: int = 1,
        status: int | None = None,
        retry_after: float | None = None,
        drop_connection: bool = False,
        delay_seconds: float | None = None,
    ) -> None:
        """Make the next ``count`` matching requests fail (or only wait) as described."""
        body: dict[str, Any] = {"match": {"method": method, "path": path}, "count": count}
        if status is not None:
            body["status"] = status
        if retry_after is not None:
            body["retry_after"] = retry_after
        if drop_connection:
            body["drop_connection"] = True
        if delay_seconds is not None:
            body["delay_seconds"] = delay_seconds
        self._call("POST", "faults", body)

    def clear_stats(self) -> None:
        """Zero the server-side counts (clients, tokens and clock stay)."""
        self._call("DELETE", "stats")

    def stats(self) -> dict[str, Any]:
        """Server-side request counts since the last reset."""
        stats: dict[str, Any] = self._call("GET", "stats")
        return stats

    def requests(self, method: str, path: str) -> int:
        """How many ``method path`` requests the server saw (faulted ones included)."""
        count: int = self.stats()["requests"].get(f"{method} {path}", 0)
        return count

    def token_requests(self, grant_type: str) -> int:
        """How many token requests of ``grant_type`` the server saw."""
        count: int = self.stats()["token_requests"].get(grant_type, 0)
        return count

    def set_rate_limit(self, limit: int | None, window_seconds: int = 60) -> None:
        """Allow ``limit`` requests per identity per window (``None``: no limit, no headers)."""
        self._call("POST", "rate-limit", {"limit": limit, "window_seconds": window_seconds})

    def seed_clients(self, count: int, **fields: Any) -> list[str]:
        """Create ``count`` clients named ``{name_prefix}-{i:05d}``; returns their client ids."""
        data = self._call("POST", "seed/oauth_clients", {"count": count, **fields})["data"]
        ids: list[str] = data["client_ids"]
        return ids
