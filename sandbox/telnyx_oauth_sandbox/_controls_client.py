"""``SandboxControls``: a typed client of the ``/_sandbox/`` test controls.

It speaks to a running sandbox over HTTP with httpx alone (no overlay, no generated code), so a
user's test suite can drive the sandbox whatever client it tests. It is synchronous: the sandbox
of ``running()`` serves from its own thread, so a call from inside an event loop blocks only that
loop for a loopback round trip, and one client serves sync and async suites alike.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

import httpx

from ._consent_helper import complete_consent
from ._constants import MAX_FAULT_COUNT
from ._control_answers import (
    ClockReading,
    FaultInfo,
    KeyRotation,
    RateLimitSetting,
    StatsSnapshot,
    refusal,
)


class SandboxControls:
    """The ``/_sandbox/`` controls of one running sandbox, typed.

    ::

        with running() as sandbox, SandboxControls(sandbox.base_url, sandbox.api_key) as controls:
            controls.fault(method="GET", path="/v2/oauth_clients/{id}", status=503)
            ...
            assert controls.requests("GET", "/v2/oauth_clients/...") == 2

    Every method raises ``SandboxControlError`` when the sandbox refuses the call.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        timeout_seconds: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key
        self._transport = transport
        self._timeout_seconds = timeout_seconds
        self._http = httpx.Client(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {api_key}"},
            timeout=timeout_seconds,
            transport=transport,
        )

    def __repr__(self) -> str:
        return f"SandboxControls(base_url={self.base_url!r})"

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> SandboxControls:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _call(self, method: str, control: str, body: dict[str, Any] | None = None) -> Any:
        response = self._http.request(method, f"/_sandbox/{control}", json=body)
        if not response.is_success:
            raise refusal(response, f"{method} /_sandbox/{control}")
        return response.json() if response.content else None

    def reset(self) -> None:
        """Forget every client, grant and token; real time; no faults; zero counts."""
        self._call("POST", "reset")

    def clock(self) -> ClockReading:
        """The sandbox clock and how far it runs ahead of real time."""
        reading: ClockReading = self._call("GET", "clock")
        return reading

    def now(self) -> float:
        """The sandbox clock, in seconds since the epoch."""
        return self.clock()["now"]

    def advance_clock(self, seconds: float) -> float:
        """Move the sandbox clock forward; return its new time (seconds since the epoch)."""
        reading: ClockReading = self._call("POST", "clock/advance", {"seconds": seconds})
        return reading["now"]

    def rotate_keys(self, *, grace_period_seconds: float | None = None) -> KeyRotation:
        """Sign new tokens with a fresh key; the old one stays in the JWKS for a grace period."""
        body: dict[str, Any] = {}
        if grace_period_seconds is not None:
            body["grace_period_seconds"] = grace_period_seconds
        rotation: KeyRotation = self._call("POST", "keys/rotate", body)
        return rotation

    def fault(
        self,
        *,
        method: str | None = None,
        path: str | None = None,
        count: int = 1,
        status: int | None = None,
        retry_after: float | None = None,
        delay_seconds: float | None = None,
        drop_connection: bool = False,
    ) -> FaultInfo:
        """Make the next ``count`` requests matching ``method`` and ``path`` fail as described.

        ``path`` is a spec path template (``/v2/oauth_clients/{id}``), a concrete path or a
        ``*`` glob; one that names no operation of the spec is refused.
        """
        body: dict[str, Any] = {"match": {"method": method, "path": path}, "count": count}
        for name, value in (
            ("status", status),
            ("retry_after", retry_after),
            ("delay_seconds", delay_seconds),
        ):
            if value is not None:
                body[name] = value
        if drop_connection:
            body["drop_connection"] = True
        fault: FaultInfo = self._call("POST", "faults", body)["data"]
        return fault

    def delay(
        self, seconds: float, *, path: str = "/v2/*", count: int = MAX_FAULT_COUNT
    ) -> FaultInfo:
        """Delay the next ``count`` requests under ``path`` by ``seconds`` each (an async sleep
        in the sandbox: other requests go on meanwhile), then serve them normally."""
        return self.fault(path=path, count=count, delay_seconds=seconds)

    def faults(self) -> list[FaultInfo]:
        """The pending faults."""
        faults: list[FaultInfo] = self._call("GET", "faults")["data"]
        return faults

    def clear_faults(self) -> None:
        """Remove every pending fault, delays included."""
        self._call("DELETE", "faults")

    def stats(self) -> StatsSnapshot:
        """Server-side counts since the last reset or clear."""
        stats: StatsSnapshot = self._call("GET", "stats")
        return stats

    def clear_stats(self) -> None:
        """Zero the server-side counts."""
        self._call("DELETE", "stats")

    def requests(self, method: str, path: str) -> int:
        """How many ``method path`` requests the server saw (faulted ones included)."""
        return self.stats()["requests"].get(f"{method} {path}", 0)

    def operation_count(self, operation_id: str) -> int:
        """How many requests the server counted for one operation."""
        return self.stats()["operations"].get(operation_id, 0)

    def token_requests(self, grant_type: str = "client_credentials") -> int:
        """How many token requests of ``grant_type`` the server saw."""
        return self.stats()["token_requests"].get(grant_type, 0)

    def rate_limit(self) -> RateLimitSetting:
        """The rate limit in force."""
        setting: RateLimitSetting = self._call("GET", "rate-limit")
        return setting

    def set_rate_limit(
        self, limit: int | None, *, window_seconds: int | None = None
    ) -> RateLimitSetting:
        """Allow ``limit`` requests per identity per window (``None``: no limit, no headers);
        the window stays as it is unless given. Every counter restarts."""
        body: dict[str, Any] = {"limit": limit}
        if window_seconds is not None:
            body["window_seconds"] = window_seconds
        setting: RateLimitSetting = self._call("POST", "rate-limit", body)
        return setting

    def seed_clients(
        self,
        count: int,
        *,
        name_prefix: str | None = None,
        client_type: str | None = None,
        allowed_grant_types: list[str] | None = None,
        allowed_scopes: list[str] | None = None,
        redirect_uris: list[str] | None = None,
        require_pkce: bool | None = None,
        verified: bool | None = None,
        client_secret: str | None = None,
    ) -> list[str]:
        """Create ``count`` clients named ``{name_prefix}-{i:05d}``; return their client ids.

        Unset fields take the control's defaults: ``seed``, confidential, ``client_credentials``
        (public: ``authorization_code`` and ``refresh_token``), ``admin``, no redirect URIs.
        """
        fields = {
            "name_prefix": name_prefix,
            "client_type": client_type,
            "allowed_grant_types": allowed_grant_types,
            "allowed_scopes": allowed_scopes,
            "redirect_uris": redirect_uris,
            "require_pkce": require_pkce,
            "verified": verified,
            "client_secret": client_secret,
        }
        body = {"count": count, **{k: v for k, v in fields.items() if v is not None}}
        ids: list[str] = self._call("POST", "seed/oauth_clients", body)["data"]["client_ids"]
        return ids

    def complete_consent(self, authorization_url: str, *, allow: bool = True) -> str:
        """``complete_consent`` with this sandbox's API key: the callback URL the browser would
        land on after allowing (or denying) ``authorization_url``."""
        return complete_consent(
            authorization_url,
            api_key=self._api_key,
            allow=allow,
            transport=self._transport,
            timeout_seconds=self._timeout_seconds,
        )
