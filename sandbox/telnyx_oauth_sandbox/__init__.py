"""A local, stateful stand-in for the Telnyx OAuth API, driven by its OpenAPI spec.

``create_app(api_key=..., issuer=...)`` builds the ASGI app; ``running()`` /
``SandboxServer`` serve it on 127.0.0.1 from a background thread; ``telnyx-oauth-sandbox``
serves it from the command line. Test controls live under ``/_sandbox/`` (see ``_controls``).
"""

from __future__ import annotations

from ._app import Runtime, SandboxApp, create_app
from ._clock import Clock
from ._constants import (
    ACCESS_TOKEN_LIFETIME_SECONDS,
    AUTHORIZATION_CODE_LIFETIME_SECONDS,
    CONSENT_TOKEN_LIFETIME_SECONDS,
    KEY_GRACE_PERIOD_SECONDS,
    REFRESH_TOKEN_LIFETIME_SECONDS,
)
from ._server import SandboxServer, running

__all__ = [
    "ACCESS_TOKEN_LIFETIME_SECONDS",
    "AUTHORIZATION_CODE_LIFETIME_SECONDS",
    "CONSENT_TOKEN_LIFETIME_SECONDS",
    "KEY_GRACE_PERIOD_SECONDS",
    "REFRESH_TOKEN_LIFETIME_SECONDS",
    "Clock",
    "Runtime",
    "SandboxApp",
    "SandboxServer",
    "create_app",
    "running",
]
