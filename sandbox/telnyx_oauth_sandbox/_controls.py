"""Test controls under ``/_sandbox/``: not part of the Telnyx API.

They are mounted under one check, ``ApiKeyRequired``: every control takes the sandbox's API key
(``Authorization: Bearer KEY``), nothing else. Errors: 401 ``{"error": "invalid_token", ...}``
without the key, 422 ``{"errors": [{"code": "10015", "title": "Invalid parameter", "detail": ...,
"source": {"pointer": ...}}]}`` for a bad body (strict JSON, every number bounded), 400 for a
fault that names no operation. Controls are not rate limited, not faulted and not counted.
``SandboxControls`` (``_controls_client``) calls every one of them.

``POST /_sandbox/reset``
    Forget all clients, grants, consents, codes and tokens; return the clock to real time; drop
    retired signing keys (the current key stays); clear faults and stats; restore the rate
    limit given at start-up. -> 200 ``{"reset": true}``

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
    ``{"match": {"method": "GET", "path": "/v2/oauth_clients/{id}"}, "count": 1, "status": 503,
    "retry_after": 1, "delay_seconds": 0.5, "drop_connection": false}``. The next ``count``
    requests matching ``method`` (any if absent) and ``path`` (a spec path template, a concrete
    path, or a ``*`` glob; any if absent) are delayed by ``delay_seconds`` (an async sleep:
    other requests go on), then either dropped (the socket is closed without a response), or
    answered with ``status`` (Telnyx error body; ``Retry-After`` when ``retry_after`` is set; a
    429 gets the rate-limit body), or, with only a delay, served normally. At least one of
    status, delay_seconds, drop_connection. A match that selects no operation of the spec is
    400. -> 201 ``{"data": fault}``. ``GET /_sandbox/faults`` -> ``{"data": [faults]}``;
    ``DELETE /_sandbox/faults`` -> 204.

``GET /_sandbox/stats`` (alias ``GET /_sandbox/requests``)
    Server-side counts since the last reset: ``{"total": N, "requests": {"GET /v2/oauth_clients":
    N}, "operations": {"list_oauth_clients": N}, "responses": {"200": N},
    "token_requests": {"client_credentials": N}}``. Faulted and rate-limited requests count.
    ``DELETE /_sandbox/stats`` -> 204 clears them.

``GET /_sandbox/rate-limit`` and ``POST /_sandbox/rate-limit``
    ``{"limit": N | null, "window_seconds": W}``: N requests per identity (see
    ``_access.rate_limit_identity``) per fixed window of W seconds on the sandbox clock;
    ``null`` turns limiting and the ``x-ratelimit-*`` headers off. Counters restart.
    -> 200 ``{"limit": N, "window_seconds": W}``

``POST /_sandbox/seed/oauth_clients``
    ``{"count": N, "name_prefix": "seed", "client_type": "confidential", "allowed_grant_types":
    [...], "allowed_scopes": [...], "redirect_uris": [...], "require_pkce": false,
    "verified": false, "client_secret": "shared secret for all of them"}`` (all but count
    optional; N <= 100000). Creates N clients named ``{name_prefix}-{i:05d}``.
    -> 201 ``{"data": {"count": N, "client_ids": [...]}}``

The consent page (``/_sandbox/consent``) is not a control: its consent token is its capability,
and it lives in ``_consent_page``.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ._constants import MAX_CLOCK_OFFSET_SECONDS
from ._control_bodies import (
    ADVANCE,
    FAULT,
    RATE_LIMIT,
    ROTATE,
    SEED,
    invalid_parameter,
    read_control_body,
)
from ._errors import TelnyxError
from ._faults import FaultMatchError
from ._runtime import Runtime, runtime_of


def _clock_json(runtime: Runtime) -> dict[str, Any]:
    return {"now": runtime.clock.now(), "offset_seconds": runtime.clock.offset_seconds}


async def reset(request: Request) -> Response:
    runtime_of(request).reset()
    return JSONResponse({"reset": True})


async def read_clock(request: Request) -> Response:
    return JSONResponse(_clock_json(runtime_of(request)))


async def advance_clock(request: Request) -> Response:
    runtime = runtime_of(request)
    body = await read_control_body(request, runtime.max_body_bytes, ADVANCE)
    seconds = float(body["seconds"])
    if runtime.clock.offset_seconds + seconds > MAX_CLOCK_OFFSET_SECONDS:
        # Further on, timestamps stop being dates and every answer that shows one would fail.
        raise invalid_parameter(
            f"seconds: must keep the clock within {MAX_CLOCK_OFFSET_SECONDS} seconds of real time",
            "/seconds",
        )
    runtime.clock.advance(seconds)
    return JSONResponse(_clock_json(runtime))


async def rotate_keys(request: Request) -> Response:
    runtime = runtime_of(request)
    body = await read_control_body(request, runtime.max_body_bytes, ROTATE, optional=True)
    grace = body.get("grace_period_seconds")
    keys = runtime.keys
    new_kid, old_kid = keys.rotate(grace_period_seconds=None if grace is None else float(grace))
    return JSONResponse(
        {
            "kid": new_kid,
            "retired_kid": old_kid,
            "grace_period_seconds": keys.grace_period_seconds,
            "jwks_kids": [key["kid"] for key in keys.jwks()["keys"]],
        }
    )


async def add_fault(request: Request) -> Response:
    runtime = runtime_of(request)
    body = await read_control_body(request, runtime.max_body_bytes, FAULT)
    status = body.get("status")
    delay = body.get("delay_seconds")
    drop = bool(body.get("drop_connection", False))
    if status is None and not delay and not drop:
        raise invalid_parameter("Give at least one of status, delay_seconds, drop_connection.")
    match = body.get("match") or {}
    try:
        fault = runtime.faults.add(
            method=match.get("method"),
            path=match.get("path"),
            count=body.get("count", 1),
            status=status,
            retry_after=body.get("retry_after"),
            delay_seconds=delay,
            drop_connection=drop,
        )
    except FaultMatchError as exc:
        raise TelnyxError(
            400, str(exc), code="10015", title="Invalid parameter", pointer=exc.pointer
        ) from None
    return JSONResponse({"data": fault.to_json()}, status_code=201)


async def list_faults(request: Request) -> Response:
    return JSONResponse({"data": runtime_of(request).faults.list()})


async def clear_faults(request: Request) -> Response:
    runtime_of(request).faults.clear()
    return Response(status_code=204)


async def read_stats(request: Request) -> Response:
    return JSONResponse(runtime_of(request).stats.snapshot())


async def clear_stats(request: Request) -> Response:
    runtime_of(request).stats.clear()
    return Response(status_code=204)


async def read_rate_limit(request: Request) -> Response:
    return JSONResponse(runtime_of(request).limiter.config())


async def set_rate_limit(request: Request) -> Response:
    runtime = runtime_of(request)
    body = await read_control_body(request, runtime.max_body_bytes, RATE_LIMIT)
    limiter = runtime.limiter
    limiter.configure(
        limit=body["limit"], window_seconds=body.get("window_seconds", limiter.window_seconds)
    )
    return JSONResponse(limiter.config())


async def seed_clients(request: Request) -> Response:
    runtime = runtime_of(request)
    body = await read_control_body(request, runtime.max_body_bytes, SEED)
    client_type = body.get("client_type", "confidential")
    default_grant_types = (
        ["client_credentials"]
        if client_type == "confidential"
        else ["authorization_code", "refresh_token"]
    )
    prefix = body.get("name_prefix", "seed")
    ids = []
    for index in range(body["count"]):
        client, _ = runtime.store.create_client(
            name=f"{prefix}-{index:05d}",
            client_type=client_type,
            allowed_grant_types=body.get("allowed_grant_types", default_grant_types),
            allowed_scopes=body.get("allowed_scopes", ["admin"]),
            redirect_uris=body.get("redirect_uris"),
            require_pkce=body.get("require_pkce", False),
            verified=body.get("verified", False),
            client_secret=body.get("client_secret"),
        )
        ids.append(client.client_id)
    return JSONResponse({"data": {"count": len(ids), "client_ids": ids}}, status_code=201)


CONTROLS = [
    ("/reset", "POST", reset),
    ("/clock", "GET", read_clock),
    ("/clock/advance", "POST", advance_clock),
    ("/keys/rotate", "POST", rotate_keys),
    ("/faults", "POST", add_fault),
    ("/faults", "GET", list_faults),
    ("/faults", "DELETE", clear_faults),
    ("/stats", "GET", read_stats),
    ("/stats", "DELETE", clear_stats),
    ("/requests", "GET", read_stats),
    ("/rate-limit", "GET", read_rate_limit),
    ("/rate-limit", "POST", set_rate_limit),
    ("/seed/oauth_clients", "POST", seed_clients),
]
"""The controls (path relative to the ``/_sandbox`` mount, method, endpoint)."""
