"""What the ``/_sandbox/`` controls answer, typed for their clients, and how a refusal reads.

The TypedDicts mirror the JSON bodies of ``_controls`` field by field.
"""

from __future__ import annotations

import html
import re
from typing import Any, TypedDict

import httpx

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


class SandboxControlError(Exception):
    """The sandbox refused a control or a consent step; ``status_code`` is its answer's status.

    The message is the sandbox's own description; it never carries the API key or a token.
    """

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class ClockReading(TypedDict):
    now: float
    """Sandbox time, in seconds since the epoch."""
    offset_seconds: float
    """How far the sandbox clock runs ahead of real time."""


class KeyRotation(TypedDict):
    kid: str
    retired_kid: str
    grace_period_seconds: float
    jwks_kids: list[str]


class FaultMatch(TypedDict):
    method: str | None
    path: str | None


class FaultInfo(TypedDict):
    id: int
    match: FaultMatch
    remaining: int
    status: int | None
    retry_after: float | None
    delay_seconds: float | None
    drop_connection: bool


class StatsSnapshot(TypedDict):
    total: int
    requests: dict[str, int]
    """Per ``"METHOD /path"`` (consent tokens masked)."""
    operations: dict[str, int]
    """Per operationId."""
    responses: dict[str, int]
    """Per status, as a string."""
    token_requests: dict[str, int]
    """Per grant type (``missing`` and ``unsupported`` too)."""


class RateLimitSetting(TypedDict):
    limit: int | None
    window_seconds: int


def refusal(response: httpx.Response, what: str) -> SandboxControlError:
    """The sandbox's own description of why it refused, from either error shape or a page."""
    detail = ""
    try:
        body: Any = response.json()
    except ValueError:
        found = _PARAGRAPH.search(response.text)
        detail = html.unescape(found.group(1)) if found else ""
    else:
        if isinstance(body, dict):
            errors = body.get("errors")
            if isinstance(errors, list) and errors and isinstance(errors[0], dict):
                detail = str(errors[0].get("detail", ""))
            else:
                detail = str(body.get("error_description", ""))
    message = f"{what}: {response.status_code}" + (f" {detail}" if detail else "")
    return SandboxControlError(message, status_code=response.status_code)
