"""A filter masking secrets in the httpx and httpcore loggers' lines (docs/design.md, logs)."""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote

from telnyx_oauth_api.errors import CONSENT_PATH_SEGMENT as _CONSENT_SEGMENT

MASK = "***"
_HTTPCORE_PARTS = ("connection", "http11", "http2", "proxy", "socks")
REDACTED_LOGGERS = ("httpx", "httpcore", *(f"httpcore.{part}" for part in _HTTPCORE_PARTS))

# Parameter names that are secrets whole, and words that make any name a secret.
_SECRET_PARAMS = frozenset(
    {"code", "state", "key", "api_key", "apikey", "sig", "signature", "session_state"}
)
_SECRET_WORDS = ("token", "secret", "password", "passwd", "verifier", "assertion", "credential")
_CREDENTIAL_HEADERS = ("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key")

# A character that ends a URL inside a log line or a repr: space, quotes, angle brackets.
_URL_END = r"\s'\"<>"
_CONSENT_PATH = re.compile(rf"{re.escape(_CONSENT_SEGMENT)}[^/?#{_URL_END}]+")
_QUERY_PAIR = re.compile(rf"(?<=[?&;])([^=&?#{_URL_END}]+)=([^&#{_URL_END}]*)")
_USERINFO = re.compile(rf"(?<=://)[^/?#@{_URL_END}]+@")
# httpcore prints headers as (b'name', b'value') tuples, quoted either way.
_BYTES = r"b(['\"])(?:\\.|(?!\{n}).)*\{n}"
_HEADER = re.compile(
    rf"\(b(['\"])({'|'.join(map(re.escape, _CREDENTIAL_HEADERS))})\1, {_BYTES.format(n=3)}\)",
    re.IGNORECASE,
)
_SOCKS_AUTH = re.compile(r"\bauth=\(" + _BYTES.format(n=1) + ", " + _BYTES.format(n=2) + r"\)")


def is_secret_param(name: str) -> bool:
    """Whether a query or form parameter called ``name`` carries a secret."""
    lowered = unquote(name).lower()
    return lowered in _SECRET_PARAMS or any(word in lowered for word in _SECRET_WORDS)


def redact_text(text: str) -> str:
    """``text`` (a log line) with the secrets of every URL and credential header in it masked."""
    if _CONSENT_SEGMENT in text:
        text = _CONSENT_PATH.sub(_CONSENT_SEGMENT + "{consent_token}", text)
    if "=" in text:
        text = _QUERY_PAIR.sub(_mask_query_match, text)
        if "auth=(" in text:
            text = _SOCKS_AUTH.sub(f"auth={MASK}", text)
    if "@" in text:
        text = _USERINFO.sub(f"{MASK}@", text)
    if "(b" in text:
        text = _HEADER.sub(lambda m: f"(b'{m.group(2)}', b'{MASK}')", text)
    return text


def _mask_query_match(match: re.Match[str]) -> str:
    name, value = match.groups()
    return f"{name}={MASK}" if value and value != MASK and is_secret_param(name) else match.group(0)


class _SecretFilter(logging.Filter):
    """Rewrites a record whose message carries a secret; leaves every other record alone."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed record is its handler's to report
            return True
        masked = redact_text(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def redact_httpx_log() -> None:
    """Mask secrets in the ``httpx`` and ``httpcore`` loggers' records (once per process)."""
    for name in REDACTED_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, _SecretFilter) for existing in logger.filters):
            logger.addFilter(_SecretFilter())
