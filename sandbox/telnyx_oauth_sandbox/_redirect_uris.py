"""Which redirect URIs a client may register, and how answers are added to one.

The rules (RFC 6749 3.1.2, RFC 8252 7, and what browsers make dangerous):

- ``https`` with a host: any web application.
- ``http`` only on a loopback host (``127.0.0.0/8``, ``::1``, ``localhost``): native apps and
  local tests (RFC 8252 7.3). Plain ``http`` elsewhere would hand codes to the network.
- A private-use scheme in reverse-domain form, with a period (``com.example.app:/callback``):
  native apps (RFC 8252 7.1).
- Nothing else: ``javascript:``, ``data:``, ``file:``, ``vbscript:`` and other schemes without a
  period would run code or read files in the user's browser instead of reaching a client.

Every URI must be absolute, without a fragment and without whitespace.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ._problems import Problem

ALLOWED_SCHEMES_TEXT = (
    "must use https, http on a loopback host, or a private-use scheme such as "
    "com.example.app (RFC 8252)"
)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def redirect_uri_problem(uri: str) -> str | None:
    """Why ``uri`` cannot be a redirection endpoint, or None when it can."""
    try:
        parts = urlsplit(uri)
        host = parts.hostname
    except ValueError:
        return "is not a valid URI"
    scheme = parts.scheme.lower()
    if not scheme:
        return "must be an absolute URI"
    if parts.fragment or uri.endswith("#"):
        return "must not contain a fragment"
    if any(ch.isspace() for ch in uri):
        return "must not contain whitespace"
    if scheme == "https":
        return None if host else "must name a host"
    if scheme == "http":
        if not host:
            return "must name a host"
        return None if _is_loopback(host) else "http is allowed on a loopback host only"
    if "." in scheme:
        return None
    return ALLOWED_SCHEMES_TEXT


def redirect_uri_problems(uris: list[str]) -> list[Problem]:
    """What is wrong with each redirect URI of a client, beyond the spec's ``format: uri``."""
    problems = []
    for index, uri in enumerate(uris):
        problem = redirect_uri_problem(uri)
        if problem is not None:
            problems.append(Problem(f"redirect_uris[{index}]", problem))
    return problems


def add_query(uri: str, params: dict[str, str | None]) -> str:
    """``uri`` with ``params`` appended to its query (None values left out)."""
    parts = urlsplit(uri)
    query = parse_qsl(parts.query, keep_blank_values=True)
    query.extend((k, v) for k, v in params.items() if v is not None)
    return urlunsplit(parts._replace(query=urlencode(query)))
