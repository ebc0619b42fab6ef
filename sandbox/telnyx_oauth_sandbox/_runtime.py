"""Everything one sandbox app holds, in one object: ``app.state.runtime``."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from ._clock import Clock
from ._consents import Consents
from ._faults import Faults
from ._keys import KeyRing
from ._paths import OperationPaths
from ._rate_limit import RateLimiter
from ._spec import Spec
from ._stats import RequestStats
from ._store import Store
from ._tokens import Tokens


@dataclass
class Runtime:
    """The state and configuration of one sandbox; reachable as ``app.runtime``."""

    api_key: str
    issuer: str
    clock: Clock
    keys: KeyRing
    store: Store
    tokens: Tokens
    consents: Consents
    spec: Spec
    paths: OperationPaths
    stats: RequestStats
    limiter: RateLimiter
    faults: Faults
    default_rate_limit: int | None
    default_rate_limit_window_seconds: int
    max_body_bytes: int

    def __repr__(self) -> str:
        return f"Runtime(issuer={self.issuer!r})"

    def reset(self) -> None:
        """What ``POST /_sandbox/reset`` does: back to the state the app started in."""
        self.consents.reset()
        self.tokens.reset()
        self.store.reset()
        self.clock.reset()
        self.keys.forget_retired()
        self.faults.clear()
        self.stats.clear()
        self.limiter.configure(
            limit=self.default_rate_limit, window_seconds=self.default_rate_limit_window_seconds
        )


def runtime_of(request: Request) -> Runtime:
    """The runtime of the app serving ``request`` (mounted routes included)."""
    runtime: Runtime = request.app.state.runtime
    return runtime
