"""Test controls under ``/_sandbox/``: not part of the Telnyx API.

Every control takes the sandbox's API key (``Authorization: Bearer KEY``), except the consent
page, whose consent token is its own capability. Bodies are JSON. Errors: 401
``{"error": "invalid_token", ...}`` without the key, 422 ``{"errors": [{"code": "10015",
"title": "Invalid parameter", "detail": ..., "source": {"pointer": ...}}]}`` for a bad body.
Controls are not rate limited, not faulted and not counted in the stats.

``POST /_sandbox/reset``
    Forget all clients, grants, consents, codes and tokens; return the clock to real time; drop
    retired signing keys (the current key stays); clear faults and stats; restore the rate
    limit given at start-up. -> 200 ``{"reset": true}``

Bodies are strict JSON: ``NaN`` and ``Infinity`` are refused (422) like any malformed body.

``GET /_sandbox/clock`` and ``POST /_sandbox/clock/advance`` ``{"seconds": N}`` (N >= 0)
    Read or move the sandbox clock (real time plus an offset of at most about a century,
    ``MAX_CLOCK_OFFSET_SECONDS``, in all; beyond it 422; nothing sleeps). Tokens, codes,
    consent tokens, key grace periods and rate-limit windows all follow it.
    -> 200 ``{"now": <epoch seconds>, "offset_seconds": <float>}``

``POST /_sandbox/keys/rotate`` ``{"grace_period_seconds": N}`` (body optional)
    Sign new tokens with a fresh RS256 key. The old public key stays in the JWKS for the grace
    period (default 3600 s, the access-token lifetime), so tokens signed before the rotation
    still verify. -> 200 ``{"kid": new, "retired_kid": old, "grace_period_seconds": N,
    "jwks_kids": [...]}``

``POST /_sandbox/faults``
    ``{"match": {"method": "GET", "path": "/v2/oauth_clients"}, "count": 1, "status": 503,
    "retry_after": 1, "delay_seconds": 0.5, "drop_connection": false}``. The next ``count``
    requests matching ``method`` (any if absent) and ``path`` (exact, ``*`` globs, any if
    absent) are delayed by ``delay_seconds`` (an async sleep: other requests go on), then either
    dropped (the socket is closed without a response), or answered with ``status`` (Telnyx error
    body; ``Retry-After`` when ``retry_after`` is set; a 429 gets the rate-limit body), or, with
    only a delay, served normally. At least one of status, delay_seconds, drop_connection.
    -> 201 ``{"data": fault}``. ``GET /_sandbox/faults`` -> ``{"data": [faults]}``;
    ``DELETE /_sandbox/faults`` -> 204.

``GET /_sandbox/stats`` (alias ``GET /_sandbox/requests``)
    Server-side counts since the last reset: ``{"total": N, "requests": {"GET /v2/oauth_clients":
    N}, "operations": {"list_oauth_clients": N}, "responses": {"200": N},
    "token_requests": {"client_credentials": N}}``. Faulted and rate-limited requests count.
    ``DELETE /_sandbox/stats`` -> 204 clears them.

``GET /_sandbox/rate-limit`` and ``POST /_sandbox/rate-limit``
    ``{"limit": N | null, "window_seconds": W}``: N requests per identity (API key, Basic
    client_id, else client address) per fixed window of W seconds on the sandbox clock;
    ``null`` turns limiting and the ``x-ratelimit-*`` headers off. Counters restart.
    -> 200 ``{"limit": N, "window_seconds": W}``

``POST /_sandbox/seed/oauth_clients``
    ``{"count": N, "name_prefix": "seed", "client_type": "confidential", "allowed_grant_types":
    [...], "allowed_scopes": [...], "redirect_uris": [...], "require_pkce": false,
    "verified": false, "client_secret": "shared secret for all of them"}`` (all but count
    optional; N <= 100000). Creates N clients named ``{name_prefix}-{i:05d}``.
    -> 201 ``{"data": {"count": N, "client_ids": [...]}}``

``GET /_sandbox/consent?consent_token=...`` and ``POST /_sandbox/consent``
    The consent URL that ``/v2/oauth/authorize`` redirects to: an HTML page showing the client
    and scopes with Allow/Deny buttons; the form POST (``consent_token``, ``allowed=true|false``)
    answers 303 to the client's redirect URI with ``code``/``state`` or
    ``error=access_denied``. No API key needed. Programs use ``GET /v2/oauth/consent/{token}``
    and ``POST /v2/oauth/grants`` instead.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from jsonschema import Draft202012Validator
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from ._constants import MAX_CLOCK_OFFSET_SECONDS, MAX_FAULT_DELAY_SECONDS, MAX_SEED_COUNT
from ._errors import ApiError, OAuthError, html_error
from ._spec import problem_of
from ._store import GRANT_TYPES
from ._util import loads_json

if TYPE_CHECKING:
    from ._app import Runtime

_ADVANCE = Draft202012Validator(
    {
        "type": "object",
        "additionalProperties": False,
        "required": ["seconds"],
        "properties": {"seconds": {"type": "number", "minimum": 0}},
    }
)
_ROTATE = Draft202012Validator(
    {
        "type": "object",
        "additionalProperties": False,
        "properties": {"grace_period_seconds": {"type": "number", "minimum": 0}},
    }
)
_FAULT = Draft202012Validator(
    {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "match": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "method": {"type": ["string", "null"], "minLength": 1},
                    "path": {"type": ["string", "null"], "pattern": "^/"},
                },
            },
            "count": {"type": "integer", "minimum": 1},
            "status": {"type": ["integer", "null"], "minimum": 100, "maximum": 599},
            "retry_after": {"type": ["number", "null"], "minimum": 0},
            "delay_seconds": {
                "type": ["number", "null"],
                "minimum": 0,
                "maximum": MAX_FAULT_DELAY_SECONDS,
            },
            "drop_connection": {"type": "boolean"},
        },
    }
)
_RATE_LIMIT = Draft202012Validator(
    {
        "type": "object",
        "additionalProperties": False,
        "required": ["limit"],
        "properties": {
            "limit": {"type": ["integer", "null"], "minimum": 1},
            "window_seconds": {"type": "integer", "minimum": 1},
        },
    }
)
_SEED = Draft202012Validator(
    {
        "type": "object",
        "additionalProperties": False,
        "required": ["count"],
        "properties": {
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
    }
)


async def _json_body(
    request: Request, validator: Draft202012Validator, *, optional: bool = False
) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        if optional:
            return {}
        raise ApiError(422, "A JSON body is required.", code="10015", title="Invalid parameter")
    try:
        body = loads_json(raw)
    except ValueError:
        raise ApiError(
            422, "The body is not valid JSON.", code="10015", title="Invalid parameter"
        ) from None
    errors = sorted(validator.iter_errors(body), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        problem = problem_of(errors[0])
        raise ApiError(
            422,
            str(problem),
            code="10015",
            title="Invalid parameter",
            pointer="/" + problem.field.replace(".", "/") if problem.field else "",
        )
    if not isinstance(body, dict):  # pragma: no cover - every schema says "object"
        raise ApiError(422, "The body must be a JSON object.", code="10015")
    return body


def control_routes(rt: Runtime) -> list[BaseRoute]:
    """The ``/_sandbox/`` routes, bound to one runtime."""

    def guard(request: Request) -> None:
        rt.check_api_key(request)

    def clock_json() -> dict[str, Any]:
        return {"now": rt.clock.now(), "offset_seconds": rt.clock.offset_seconds}

    async def reset(request: Request) -> Response:
        guard(request)
        rt.reset()
        return JSONResponse({"reset": True})

    async def clock(request: Request) -> Response:
        guard(request)
        return JSONResponse(clock_json())

    async def advance(request: Request) -> Response:
        guard(request)
        body = await _json_body(request, _ADVANCE)
        seconds = float(body["seconds"])
        if rt.clock.offset_seconds + seconds > MAX_CLOCK_OFFSET_SECONDS:
            # Further on, timestamps stop being dates and every answer that shows one would fail.
            raise ApiError(
                422,
                f"seconds: must keep the clock within {MAX_CLOCK_OFFSET_SECONDS} seconds of "
                "real time",
                code="10015",
                title="Invalid parameter",
                pointer="/seconds",
            )
        rt.clock.advance(seconds)
        return JSONResponse(clock_json())

    async def rotate(request: Request) -> Response:
        guard(request)
        body = await _json_body(request, _ROTATE, optional=True)
        grace = body.get("grace_period_seconds")
        new_kid, old_kid = rt.keys.rotate(
            grace_period_seconds=None if grace is None else float(grace)
        )
        return JSONResponse(
            {
                "kid": new_kid,
                "retired_kid": old_kid,
                "grace_period_seconds": rt.keys.grace_period_seconds,
                "jwks_kids": [key["kid"] for key in rt.keys.jwks()["keys"]],
            }
        )

    async def add_fault(request: Request) -> Response:
        guard(request)
        body = await _json_body(request, _FAULT)
        status = body.get("status")
        delay = body.get("delay_seconds")
        drop = bool(body.get("drop_connection", False))
        if status is None and not delay and not drop:
            raise ApiError(
                422,
                "Give at least one of status, delay_seconds, drop_connection.",
                code="10015",
                title="Invalid parameter",
            )
        match = body.get("match") or {}
        method = match.get("method")
        fault = rt.faults.add(
            method=None if method is None else method.upper(),
            path=match.get("path"),
            remaining=body.get("count", 1),
            status=status,
            retry_after=body.get("retry_after"),
            delay_seconds=delay,
            drop_connection=drop,
        )
        return JSONResponse({"data": fault.to_json()}, status_code=201)

    async def list_faults(request: Request) -> Response:
        guard(request)
        return JSONResponse({"data": rt.faults.list()})

    async def clear_faults(request: Request) -> Response:
        guard(request)
        rt.faults.clear()
        return Response(status_code=204)

    async def stats(request: Request) -> Response:
        guard(request)
        return JSONResponse(rt.stats.snapshot())

    async def clear_stats(request: Request) -> Response:
        guard(request)
        rt.stats.clear()
        return Response(status_code=204)

    async def get_rate_limit(request: Request) -> Response:
        guard(request)
        return JSONResponse(rt.limiter.config())

    async def set_rate_limit(request: Request) -> Response:
        guard(request)
        body = await _json_body(request, _RATE_LIMIT)
        rt.limiter.configure(
            limit=body["limit"],
            window_seconds=body.get("window_seconds", rt.limiter.window_seconds),
        )
        return JSONResponse(rt.limiter.config())

    async def seed_clients(request: Request) -> Response:
        guard(request)
        body = await _json_body(request, _SEED)
        client_type = body.get("client_type", "confidential")
        prefix = body.get("name_prefix", "seed")
        ids = []
        for index in range(body["count"]):
            client, _ = rt.sandbox.create_client(
                name=f"{prefix}-{index:05d}",
                client_type=client_type,
                allowed_grant_types=body.get(
                    "allowed_grant_types",
                    ["client_credentials"]
                    if client_type == "confidential"
                    else ["authorization_code", "refresh_token"],
                ),
                allowed_scopes=body.get("allowed_scopes", ["admin"]),
                redirect_uris=body.get("redirect_uris"),
                require_pkce=body.get("require_pkce", False),
                verified=body.get("verified", False),
                client_secret=body.get("client_secret"),
            )
            ids.append(client.client_id)
        return JSONResponse({"data": {"count": len(ids), "client_ids": ids}}, status_code=201)

    async def consent_page(request: Request) -> Response:
        token = request.query_params.get("consent_token", "")
        try:
            details = rt.sandbox.consent_details(token)
        except OAuthError as exc:
            return html_error(404, exc.description)
        scopes = "".join(
            f"<li><b>{html.escape(s['name'])}</b> ({html.escape(s['id'])}) "
            f"{html.escape(s['description'])}</li>"
            for s in details["requested_scopes"]
        )
        name = html.escape(details["name"])
        hidden = f'<input type="hidden" name="consent_token" value="{html.escape(token)}">'
        page = (
            '<!doctype html><html><head><meta charset="utf-8">'
            f"<title>Authorize {name}</title></head><body>"
            f"<h1>Authorize {name}</h1>"
            f"<p>{name} asks for access to your Telnyx sandbox account:</p><ul>{scopes}</ul>"
            f"<p>You will be sent back to {html.escape(details['redirect_uri'])}</p>"
            f'<form method="post" action="/_sandbox/consent">{hidden}'
            '<button name="allowed" value="true">Allow</button> '
            '<button name="allowed" value="false">Deny</button></form>'
            "</body></html>"
        )
        return HTMLResponse(page, headers={"Cache-Control": "no-store"})

    async def consent_submit(request: Request) -> Response:
        raw = await request.body()
        try:
            form = dict(parse_qsl(raw.decode("utf-8"), max_num_fields=8))
        except (UnicodeDecodeError, ValueError):
            return html_error(400, "The form is malformed.")
        if form.get("allowed") not in ("true", "false") or not form.get("consent_token"):
            return html_error(400, "consent_token and allowed=true|false are required.")
        try:
            target = rt.sandbox.decide_consent(form["consent_token"], form["allowed"] == "true")
        except OAuthError as exc:
            return html_error(404, exc.description)
        return RedirectResponse(target, status_code=303)

    return [
        Route("/_sandbox/reset", reset, methods=["POST"]),
        Route("/_sandbox/clock", clock, methods=["GET"]),
        Route("/_sandbox/clock/advance", advance, methods=["POST"]),
        Route("/_sandbox/keys/rotate", rotate, methods=["POST"]),
        Route("/_sandbox/faults", add_fault, methods=["POST"]),
        Route("/_sandbox/faults", list_faults, methods=["GET"]),
        Route("/_sandbox/faults", clear_faults, methods=["DELETE"]),
        Route("/_sandbox/stats", stats, methods=["GET"]),
        Route("/_sandbox/requests", stats, methods=["GET"]),
        Route("/_sandbox/stats", clear_stats, methods=["DELETE"]),
        Route("/_sandbox/rate-limit", get_rate_limit, methods=["GET"]),
        Route("/_sandbox/rate-limit", set_rate_limit, methods=["POST"]),
        Route("/_sandbox/seed/oauth_clients", seed_clients, methods=["POST"]),
        Route("/_sandbox/consent", consent_page, methods=["GET"]),
        Route("/_sandbox/consent", consent_submit, methods=["POST"]),
    ]
