"""A local, stateful stand-in for the Telnyx OAuth API, driven by its OpenAPI spec.

``running()`` / ``SandboxServer`` serve it on 127.0.0.1 from a background thread;
``SandboxControls`` drives its ``/_sandbox/`` test controls; ``complete_consent`` takes an
authorization URL through the consent step; ``create_app(api_key=..., issuer=...)`` builds the
ASGI app; ``telnyx-oauth-sandbox`` serves it from the command line.
"""

from __future__ import annotations

from ._app import SandboxApp, create_app
from ._clock import Clock
from ._consent_helper import complete_consent
from ._constants import (
    ACCESS_TOKEN_LIFETIME_SECONDS,
    AUTHORIZATION_CODE_LIFETIME_SECONDS,
    CONSENT_TOKEN_LIFETIME_SECONDS,
    KEY_GRACE_PERIOD_SECONDS,
    REFRESH_TOKEN_LIFETIME_SECONDS,
)
from ._control_answers import (
    ClockReading,
    FaultInfo,
    FaultMatch,
    KeyRotation,
    RateLimitSetting,
    SandboxControlError,
    StatsSnapshot,
)
from ._controls_client import SandboxControls
from ._routes import RouteTableError
from ._runtime import Runtime
from ._scopes import DEFAULT_REGISTRATION_SCOPES, MANAGEMENT_SCOPE
from ._server import SandboxServer, running

__all__ = [
    "ACCESS_TOKEN_LIFETIME_SECONDS",
    "AUTHORIZATION_CODE_LIFETIME_SECONDS",
    "CONSENT_TOKEN_LIFETIME_SECONDS",
    "DEFAULT_REGISTRATION_SCOPES",
    "KEY_GRACE_PERIOD_SECONDS",
    "MANAGEMENT_SCOPE",
    "REFRESH_TOKEN_LIFETIME_SECONDS",
    "Clock",
    "ClockReading",
    "FaultInfo",
    "FaultMatch",
    "KeyRotation",
    "RateLimitSetting",
    "RouteTableError",
    "Runtime",
    "SandboxApp",
    "SandboxControlError",
    "SandboxControls",
    "SandboxServer",
    "StatsSnapshot",
    "complete_consent",
    "create_app",
    "running",
]
