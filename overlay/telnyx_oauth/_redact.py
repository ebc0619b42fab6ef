"""Request paths as they may appear in a log line or an exception message.

``GET /v2/oauth/consent/{consent_token}`` carries a consent token in its path, and that token is a
capability (whoever holds it can read the consent and, with an API key, decide it), so it is
replaced by the path template before the path is shown anywhere.
"""

from __future__ import annotations

import httpx

_CONSENT_SEGMENT = "/oauth/consent/"


def shown_path(path: str) -> str:
    """``path`` with a consent token replaced by ``{consent_token}``."""
    head, segment, _ = path.partition(_CONSENT_SEGMENT)
    return f"{head}{segment}{{consent_token}}" if segment else path


def shown_url(url: httpx.URL) -> str:
    """Scheme, host, port and shown path of ``url``; no userinfo, query or fragment."""
    origin = str(url.copy_with(userinfo=b"", path="/", query=None, fragment=None)).rstrip("/")
    return origin + shown_path(url.path)
