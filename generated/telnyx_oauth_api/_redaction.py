"""What an error message may show of a request: method, scheme, host and path, a secret masked."""

from __future__ import annotations

import httpx

# GET /v2/oauth/consent/{consent_token}: the token is a capability (whoever holds it can read the
# consent request and, with an API key, decide it). It is the API's one secret path parameter.
CONSENT_PATH_SEGMENT = "/oauth/consent/"


def shown_path(path: str) -> str:
    """``path`` with a consent token replaced by ``{consent_token}``."""
    head, segment, _ = path.partition(CONSENT_PATH_SEGMENT)
    return f"{head}{segment}{{consent_token}}" if segment else path


def shown_url(url: httpx.URL) -> str:
    """Scheme, host, port and shown path of ``url``; no userinfo, query or fragment."""
    origin = str(url.copy_with(userinfo=b"", path="/", query=None, fragment=None)).rstrip("/")
    return origin + shown_path(url.path)


def request_line(request: httpx.Request) -> str:
    """``GET https://api.telnyx.com/v2/...`` as a message may show it."""
    return f"{request.method} {shown_url(request.url)}"
