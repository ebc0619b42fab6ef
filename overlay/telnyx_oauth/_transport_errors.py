"""The typed error for a request that got no response, with a message saying what failed.

``APIConnectionError`` / ``APITimeoutError`` name, once each: the method and URL of the request
that failed (secrets masked, see ``_redact.masked_url``; when it is the token request an auth
flow made for the caller's request, the caller's request too), and the transport's reason: the
httpx error's class and text (``ConnectError: [Errno 111] Connection refused``), or for a
timeout, which phase ran out and the limit that applied (``ReadTimeout, no response within
1 s``). The httpx error stays the ``__cause__``.
"""

from __future__ import annotations

import httpx

from ._errors import APIConnectionError, APITimeoutError
from ._redact import masked_url, redact_text

__all__ = ["connection_error"]

# httpx timeout class -> (the key of the request's "timeout" extension, what did not happen).
_TIMEOUT_PHASES: dict[type[httpx.TimeoutException], tuple[str, str]] = {
    httpx.ConnectTimeout: ("connect", "could not connect"),
    httpx.ReadTimeout: ("read", "no response"),
    httpx.WriteTimeout: ("write", "could not send the request"),
    httpx.PoolTimeout: ("pool", "no free connection in the pool"),
}
# What httpx says of every timeout; the phase says it better.
_BARE_TIMEOUT_TEXTS = frozenset({"", "timed out"})


def connection_error(error: httpx.TransportError, request: httpx.Request) -> APIConnectionError:
    """The ``APIConnectionError`` (``APITimeoutError`` for a timeout) for ``request``."""
    failed = _request_of(error) or request
    target = f"{failed.method} {masked_url(failed.url)}"
    if failed is not request:
        target += f" (authenticating {request.method} {masked_url(request.url)})"
    if isinstance(error, httpx.TimeoutException):
        reason = _timeout_reason(error, failed)
        return APITimeoutError(f"{target} timed out: {reason}", request=request)
    text = redact_text(str(error))
    reason = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return APIConnectionError(f"{target} failed: {reason}", request=request)


def _timeout_reason(error: httpx.TimeoutException, request: httpx.Request) -> str:
    reason = type(error).__name__
    phase = _TIMEOUT_PHASES.get(type(error))
    if phase is not None:
        key, what = phase
        limits = request.extensions.get("timeout")
        seconds = limits.get(key) if isinstance(limits, dict) else None
        reason += f", {what} within {seconds:g} s" if isinstance(seconds, (int, float)) else ""
    text = str(error)
    if text not in _BARE_TIMEOUT_TEXTS:
        reason += f" ({redact_text(text)})"
    return reason


def _request_of(error: httpx.TransportError) -> httpx.Request | None:
    try:
        return error.request
    except RuntimeError:  # raised by a transport used outside a client: httpx set no request
        return None
