"""The log filter on httpx's and httpcore's loggers: secrets masked, other records untouched.

httpcore formats its DEBUG messages itself (``name key=repr(value) ...``), so the records below
are built the way httpcore builds them. The end-to-end scan of a real run is in
``tests/e2e/test_logs_keep_secrets_out.py``.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import httpcore
import pytest

from telnyx_oauth import connect
from telnyx_oauth._redact import REDACTED_LOGGERS, is_secret_param, redact_text


def _record(name: str, msg: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord(name, logging.DEBUG, __file__, 1, msg, args, None)


def _filtered(record: logging.LogRecord) -> logging.LogRecord:
    connect("key")  # installs the filters, once per process
    logging.getLogger(record.name).filter(record)
    return record


def _headers_line(*headers: tuple[bytes, bytes]) -> str:
    info = (b"HTTP/1.1", 302, b"Found", list(headers))
    return f"receive_response_headers.complete return_value={info!r}"


def test_a_consent_token_in_a_location_header_is_masked() -> None:
    """httpcore's DEBUG line with the authorize redirect shows the consent URL without the token."""
    location = b"http://127.0.0.1:8765/_sandbox/consent?consent_token=ct_secret_capability"
    record = _filtered(
        _record("httpcore.http11", _headers_line((b"date", b"today"), (b"location", location)))
    )
    assert record.getMessage() == _headers_line(
        (b"date", b"today"),
        (b"location", b"http://127.0.0.1:8765/_sandbox/consent?consent_token=***"),
    )


def test_a_callback_location_hides_code_and_state_only() -> None:
    """A redirect back to the app keeps its other parameters and masks code and state."""
    location = b"https://app.example/cb?code=the_code_value&state=the_state_value&iss=x"
    line = redact_text(_headers_line((b"Location", location)))
    assert "(b'Location', b'https://app.example/cb?code=***&state=***&iss=x')" in line


@pytest.mark.parametrize("name", [b"set-cookie", b"Set-Cookie", b"authorization", b"cookie"])
def test_credential_headers_are_masked_whole(name: bytes) -> None:
    """Credential headers lose their value, whatever quotes repr() chose."""
    for value in (b"sid=abc123; Path=/", b"it's=a secret"):
        line = redact_text(_headers_line((name, value), (b"content-type", b"text/html")))
        assert value.decode() not in line
        assert f"(b'{name.decode()}', b'***')" in line
        assert "(b'content-type', b'text/html')" in line


def test_a_socks_proxys_credentials_are_masked() -> None:
    """httpcore logs a SOCKS proxy's (username, password) at DEBUG; they are masked."""
    line = "setup_socks5_connection.started stream=<S> host='h' port=1 auth=(b'user', b'pass:word')"
    assert redact_text(line) == (
        "setup_socks5_connection.started stream=<S> host='h' port=1 auth=***"
    )


def test_httpx_request_line_masks_state_and_userinfo() -> None:
    """httpx's INFO line for the authorize request hides state, and userinfo of a base URL."""
    url = "https://user:pw@api.test/v2/oauth/authorize?client_id=c&state=s3cr3t&scope=a+b"
    record = _filtered(_record("httpx", 'HTTP Request: %s %s "%s"', "GET", url, "HTTP/1.1 302"))
    assert record.getMessage() == (
        "HTTP Request: GET https://***@api.test/v2/oauth/authorize?client_id=c&state=***"
        '&scope=a+b "HTTP/1.1 302"'
    )


def test_records_without_a_secret_are_left_exactly_as_logged() -> None:
    """A record with nothing to mask keeps its message and arguments objects."""
    args = ("GET", "https://api.test/v2/oauth_clients?page%5Bsize%5D=5", "HTTP/1.1 200 OK")
    record = _record("httpx", 'HTTP Request: %s %s "%s"', *args)
    msg = record.msg
    _filtered(record)
    assert record.msg is msg
    assert record.args == args
    line = "connect_tcp.started host='127.0.0.1' port=8765 local_address=None timeout=5.0"
    assert redact_text(line) == line


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("code", True),
        ("state", True),
        ("consent_token", True),
        ("access_token", True),
        ("client_secret", True),
        ("code_verifier", True),
        ("api_key", True),
        ("code_challenge", False),
        ("client_id", False),
        ("page%5Bsize%5D", False),
        ("redirect_uri", False),
    ],
)
def test_secret_parameter_names(name: str, secret: bool) -> None:
    """Names that say secret are masked; the rest of a query stays readable."""
    assert is_secret_param(name) is secret


def test_every_httpcore_logger_is_filtered() -> None:
    """Filters do not reach child loggers: every logger httpcore creates must be in the list."""
    root = Path(httpcore.__file__).parent
    names = {
        match
        for path in root.rglob("*.py")
        for match in re.findall(r'getLogger\("([^"]+)"\)', path.read_text(encoding="utf-8"))
    }
    assert names, "httpcore's loggers were not found"
    assert names <= set(REDACTED_LOGGERS)
    connect("key")
    for name in REDACTED_LOGGERS:
        assert logging.getLogger(name).filters, name
