"""Request paths as they may appear in a log line or an exception message.

``GET /v2/oauth/consent/{consent_token}`` carries a consent token in its path, and that token is a
capability (whoever holds it can read the consent and, with an API key, decide it), so it is
replaced by the path template before the path is shown anywhere.
"""

from __future__ import annotations

__all__ = ["redact_httpx_log", "shown_path", "shown_url"]

import logging

import httpx

from telnyx_oauth_api.errors import shown_path, shown_url

# The consent token's path segment; shown_path/shown_url are defined with the error messages that
# use them, in the generated package, so messages and logs mask the same way.
_CONSENT_SEGMENT = "/oauth/consent/"


class _ConsentTokenFilter(logging.Filter):
    """Rewrites httpx's own "HTTP Request: GET <url>" records so a consent token never shows."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(
            isinstance(arg, httpx.URL) and _CONSENT_SEGMENT in arg.path for arg in record.args
        ):
            record.args = tuple(
                shown_url(arg) if isinstance(arg, httpx.URL) else arg for arg in record.args
            )
        return True


def redact_httpx_log() -> None:
    """Mask consent tokens in the ``httpx`` logger's records (once per process).

    httpx logs every request's URL at INFO; the filter changes only records whose URL carries
    a consent token, and nothing else about the application's logging.
    """
    logger = logging.getLogger("httpx")
    if not any(isinstance(existing, _ConsentTokenFilter) for existing in logger.filters):
        logger.addFilter(_ConsentTokenFilter())
