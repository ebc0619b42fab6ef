"""Reading request bodies: a size limit, then strict JSON or an OAuth form.

Readers return what they read and the problems they found; the operation decides how to refuse
(see ``_problems``). Nothing here trusts a declared length or content type further than it must.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request

from ._errors import TelnyxError
from ._json import DuplicateKeyError, UnsafeJSONError, loads_json
from ._problems import Problem

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
OAUTH_PARAMETERS = frozenset(
    {
        "grant_type",
        "client_id",
        "client_secret",
        "code",
        "code_verifier",
        "redirect_uri",
        "refresh_token",
        "scope",
        "token",
    }
)
"""The token and introspection parameters (the spec's TokenRequest and IntrospectRequest):
each may appear once (RFC 6749 3.2); other parameters are ignored."""

MAX_FORM_FIELDS = 64


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, or 413 as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise TelnyxError(413, f"The request body is larger than {limit} bytes.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TelnyxError(413, f"The request body is larger than {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def media_type(request: Request) -> str:
    """The Content-Type without parameters, lower case; ``""`` when absent."""
    return request.headers.get("content-type", "").partition(";")[0].strip().lower()


def is_json(kind: str) -> bool:
    return kind == JSON or (kind.startswith("application/") and kind.endswith("+json"))


def _parse_json(body: bytes) -> tuple[Any, list[Problem]]:
    try:
        return loads_json(body), []
    except DuplicateKeyError as exc:
        # Named as a field, so each endpoint refuses it in its own shape (register's
        # invalid_fields included); which of the two values was meant is anyone's guess.
        return None, [Problem(exc.key, "appears more than once in the JSON body", "duplicate")]
    except UnsafeJSONError as exc:
        return None, [Problem("", f"the request body is not valid JSON: {exc}")]
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors too
        return None, [Problem("", "the request body is not valid JSON")]


async def read_json_object(request: Request, limit: int) -> tuple[dict[str, Any], list[Problem]]:
    """A JSON object body; the problems say why there is none."""
    body = await read_body(request, limit)
    if not is_json(media_type(request)):
        return {}, [Problem("", "Content-Type must be application/json")]
    if not body.strip():
        return {}, [Problem("", "a JSON request body is required")]
    value, problems = _parse_json(body)
    if problems:
        return {}, problems
    if not isinstance(value, dict):
        return {}, [Problem("", "the request body must be a JSON object")]
    return value, []


async def read_oauth_params(request: Request, limit: int) -> tuple[dict[str, Any], list[Problem]]:
    """Token and introspection parameters from a form or a JSON body; empty values count as
    absent, as RFC 6749 3.2 asks."""
    body = await read_body(request, limit)
    kind = media_type(request)
    if is_json(kind):
        value, problems = _parse_json(body)
        if problems:
            return {}, problems
        if not isinstance(value, dict):
            return {}, [Problem("", "the JSON body must be an object")]
        return {k: v for k, v in value.items() if v is not None and v != ""}, []
    if kind not in (FORM, "") and body:
        return {}, [Problem("", f"Content-Type must be {FORM} or {JSON}")]
    try:
        pairs = parse_qsl(
            body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS
        )
    except (UnicodeDecodeError, ValueError):
        return {}, [Problem("", "the form body is malformed")]
    params: dict[str, Any] = {}
    for name, value in pairs:
        if name in params:
            if name not in OAUTH_PARAMETERS:
                continue  # RFC 6749 3.2: unrecognized parameters are ignored, repeated or not
            return {}, [Problem(name, "must not be repeated")]
        if value != "":
            params[name] = value
    return params, []
