"""The JSON bodies the ``/_sandbox/`` controls accept: a schema each, and one strict reader.

Every number has an upper bound, so nothing a control is sent can push the clock, a key's grace
period, a fault or the rate limiter out of range; beyond a bound the answer is 422 naming the
field.
"""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator
from starlette.requests import Request

from ._constants import (
    MAX_CLOCK_OFFSET_SECONDS,
    MAX_FAULT_COUNT,
    MAX_FAULT_DELAY_SECONDS,
    MAX_KEY_GRACE_PERIOD_SECONDS,
    MAX_RATE_LIMIT_REQUESTS,
    MAX_RATE_LIMIT_WINDOW_SECONDS,
    MAX_RETRY_AFTER_SECONDS,
    MAX_SEED_COUNT,
)
from ._errors import TelnyxError
from ._json import UnsafeJSONError, loads_json
from ._reading import read_body
from ._records import GRANT_TYPES
from ._spec import problem_of


def _strict(properties: dict[str, Any], *required: str) -> Draft202012Validator:
    return Draft202012Validator(
        {
            "type": "object",
            "additionalProperties": False,
            "required": list(required),
            "properties": properties,
        }
    )


def _number(maximum: float, *, nullable: bool = False) -> dict[str, Any]:
    return {"type": ["number", "null"] if nullable else "number", "minimum": 0, "maximum": maximum}


ADVANCE = _strict({"seconds": _number(MAX_CLOCK_OFFSET_SECONDS)}, "seconds")
ROTATE = _strict({"grace_period_seconds": _number(MAX_KEY_GRACE_PERIOD_SECONDS)})
FAULT = _strict(
    {
        "match": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "method": {"type": ["string", "null"], "minLength": 1},
                "path": {"type": ["string", "null"], "pattern": "^/"},
            },
        },
        "count": {"type": "integer", "minimum": 1, "maximum": MAX_FAULT_COUNT},
        "status": {"type": ["integer", "null"], "minimum": 100, "maximum": 599},
        "retry_after": _number(MAX_RETRY_AFTER_SECONDS, nullable=True),
        "delay_seconds": _number(MAX_FAULT_DELAY_SECONDS, nullable=True),
        "drop_connection": {"type": "boolean"},
    }
)
RATE_LIMIT = _strict(
    {
        "limit": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_RATE_LIMIT_REQUESTS},
        "window_seconds": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_RATE_LIMIT_WINDOW_SECONDS,
        },
    },
    "limit",
)
SEED = _strict(
    {
        "count": {"type": "integer", "minimum": 1, "maximum": MAX_SEED_COUNT},
        "name_prefix": {"type": "string", "minLength": 1},
        "client_type": {"enum": ["public", "confidential"]},
        "allowed_grant_types": {"type": "array", "items": {"enum": list(GRANT_TYPES)}},
        "allowed_scopes": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "redirect_uris": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "require_pkce": {"type": "boolean"},
        "verified": {"type": "boolean"},
        "client_secret": {"type": "string", "minLength": 1},
    },
    "count",
)


def invalid_parameter(detail: str, pointer: str | None = None) -> TelnyxError:
    """422, Telnyx code 10015: what every control answers to a body it cannot use."""
    return TelnyxError(422, detail, code="10015", title="Invalid parameter", pointer=pointer)


async def read_control_body(
    request: Request, limit: int, validator: Draft202012Validator, *, optional: bool = False
) -> dict[str, Any]:
    """The body as strict JSON, checked against ``validator``; 422 naming the field otherwise."""
    raw = await read_body(request, limit)
    if not raw.strip():
        if optional:
            return {}
        raise invalid_parameter("A JSON body is required.")
    try:
        body = loads_json(raw)
    except UnsafeJSONError as exc:
        raise invalid_parameter(f"The body is not valid JSON: {exc}.") from None
    except ValueError:
        raise invalid_parameter("The body is not valid JSON.") from None
    errors = sorted(validator.iter_errors(body), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        problem = problem_of(errors[0])
        pointer = "/" + problem.field.replace(".", "/") if problem.field else ""
        raise invalid_parameter(str(problem), pointer)
    if not isinstance(body, dict):  # pragma: no cover - every schema says "object"
        raise invalid_parameter("The body must be a JSON object.")
    return body
