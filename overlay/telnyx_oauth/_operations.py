"""The paths the overlay builds itself, and which requests are safe to repeat (docs/design.md)."""

from __future__ import annotations

from urllib.parse import parse_qs

import httpx

TOKEN_PATH = "/v2/oauth/token"
INTROSPECT_PATH = "/v2/oauth/introspect"
AUTHORIZE_PATH = "/v2/oauth/authorize"

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def is_safe_to_retry(request: httpx.Request) -> bool:
    """Whether repeating ``request`` after it may have reached the server does no harm."""
    if request.method != "POST":  # httpx upper-cases it
        return request.method in _SAFE_METHODS
    path = request.url.path.rstrip("/")
    if not path.endswith(TOKEN_PATH):
        return path.endswith(INTROSPECT_PATH)  # read-only
    # A second token is harmless; a second code exchange or refresh is not.
    if not request.headers.get("content-type", "").startswith(FORM_CONTENT_TYPE):
        return False
    try:
        grant_types = parse_qs(request.content.decode("ascii")).get("grant_type")
    except (httpx.RequestNotRead, UnicodeDecodeError):
        return False
    return grant_types == ["client_credentials"]
