"""Typed errors: the tree, both error shapes, raw-text fallback, rate-limit headers."""

from __future__ import annotations

import httpx
import pytest

import telnyx_oauth
from telnyx_oauth._errors import make_status_error

REQUEST = httpx.Request("GET", "https://api.test/v2/oauth_clients")


def _response(status: int, **kwargs: object) -> httpx.Response:
    return httpx.Response(status, request=REQUEST, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, telnyx_oauth.BadRequestError),
        (401, telnyx_oauth.AuthenticationError),
        (403, telnyx_oauth.PermissionDeniedError),
        (404, telnyx_oauth.NotFoundError),
        (409, telnyx_oauth.ConflictError),
        (422, telnyx_oauth.UnprocessableEntityError),
        (429, telnyx_oauth.RateLimitError),
        (500, telnyx_oauth.InternalServerError),
        (502, telnyx_oauth.InternalServerError),
        (503, telnyx_oauth.InternalServerError),
        (405, telnyx_oauth.APIStatusError),
    ],
)
def test_status_maps_to_class(status: int, cls: type[telnyx_oauth.APIStatusError]) -> None:
    """Each status gets its class, all under APIStatusError > APIError > TelnyxOAuthError."""
    error = make_status_error(_response(status, json={}))
    assert type(error) is cls
    assert isinstance(error, telnyx_oauth.APIError)
    assert isinstance(error, telnyx_oauth.TelnyxOAuthError)
    assert error.status_code == status


def test_rfc6749_shape_is_parsed() -> None:
    """An RFC 6749 body gives error and error_description, both in the message."""
    body = {"error": "invalid_grant", "error_description": "The code has expired"}
    error = make_status_error(_response(400, json=body))
    assert error.error == "invalid_grant"
    assert error.error_description == "The code has expired"
    assert error.errors == []
    assert str(error) == (
        "GET https://api.test/v2/oauth_clients: 400 Bad Request: "
        "invalid_grant: The code has expired"
    )


def test_register_invalid_fields_are_parsed() -> None:
    """Register's 400 adds invalid_fields, kept per field and summarised in the message."""
    body = {
        "error": "invalid_client_metadata",
        "error_description": "bad metadata",
        "invalid_fields": {"redirect_uris": ["must be https"]},
    }
    error = make_status_error(_response(400, json=body))
    assert error.invalid_fields == {"redirect_uris": ["must be https"]}
    assert "redirect_uris: must be https" in str(error)


def test_telnyx_errors_shape_is_parsed() -> None:
    """A Telnyx {errors: [...]} body becomes ErrorDetail entries with pointer and url."""
    body = {
        "errors": [
            {
                "code": "10015",
                "title": "Invalid value",
                "detail": "name is too long",
                "source": {"pointer": "/name"},
                "meta": {"url": "https://developers.telnyx.com/docs/errors/10015"},
            }
        ]
    }
    error = make_status_error(_response(422, json=body))
    assert error.errors == [
        telnyx_oauth.ErrorDetail(
            code="10015",
            title="Invalid value",
            detail="name is too long",
            pointer="/name",
            url="https://developers.telnyx.com/docs/errors/10015",
        )
    ]
    assert error.error is None
    assert "10015 Invalid value: name is too long (at /name)" in str(error)


def test_html_body_is_kept_as_text() -> None:
    """An HTML error body stays on .body and .response; the message quotes its text only."""
    html = "<html><head><title>x</title><style>p{}</style></head><body><p>Bad client</p></body>"
    error = make_status_error(
        _response(400, text=html, headers={"content-type": "text/html; charset=utf-8"})
    )
    assert error.body == html
    assert error.response.text == html
    assert "Bad client" in str(error)
    assert "<p>" not in str(error)


def test_plain_text_body_is_truncated_in_message_only() -> None:
    """A long plain-text body is cut in the message but kept whole on .body."""
    text = "upstream failure " * 50
    error = make_status_error(_response(502, text=text))
    assert error.body == text
    quoted = " ".join(text.split())[:200]
    assert str(error) == (f"GET https://api.test/v2/oauth_clients: 502 Bad Gateway: {quoted}...")


def test_empty_body() -> None:
    """An empty body gives just the status line."""
    error = make_status_error(_response(503))
    assert str(error) == "GET https://api.test/v2/oauth_clients: 503 Service Unavailable"
    assert error.body == ""


def test_json_that_is_not_an_object() -> None:
    """A JSON array body is kept parsed on .body without error fields."""
    error = make_status_error(_response(500, json=["boom"]))
    assert error.body == ["boom"]
    assert error.error is None


def test_rate_limit_headers() -> None:
    """A 429 exposes limit, remaining, reset and retry_after from its headers."""
    error = make_status_error(
        _response(
            429,
            json={"errors": [{"code": "10011", "title": "Too many requests"}]},
            headers={
                "x-ratelimit-limit": "100",
                "x-ratelimit-remaining": "0",
                "x-ratelimit-reset": "12",
                "retry-after": "7",
            },
        )
    )
    assert isinstance(error, telnyx_oauth.RateLimitError)
    assert (error.limit, error.remaining, error.reset, error.retry_after) == (100, 0, 12.0, 7.0)
    assert error.errors[0].code == "10011"


def test_rate_limit_headers_absent_or_odd() -> None:
    """Missing or malformed rate-limit headers read as None."""
    error = make_status_error(_response(429, headers={"x-ratelimit-limit": "lots"}))
    assert isinstance(error, telnyx_oauth.RateLimitError)
    assert (error.limit, error.remaining, error.reset, error.retry_after) == (None,) * 4


def test_error_carries_request_and_response() -> None:
    """A status error keeps the request and the response it came from."""
    response = _response(404, json={"error": "not_found"})
    error = make_status_error(response)
    assert error.request is REQUEST
    assert error.response is response


def test_context_prefixes_message() -> None:
    """A context string leads the message."""
    error = make_status_error(_response(401, json={"error": "invalid_client"}), context="token")
    assert str(error) == (
        "token: GET https://api.test/v2/oauth_clients: 401 Unauthorized: invalid_client"
    )


def test_configuration_error_is_value_error() -> None:
    """ConfigurationError is both a TelnyxOAuthError and a ValueError."""
    assert issubclass(telnyx_oauth.ConfigurationError, ValueError)
    assert issubclass(telnyx_oauth.ConfigurationError, telnyx_oauth.TelnyxOAuthError)


def test_timeout_is_connection_error() -> None:
    """APITimeoutError is an APIConnectionError."""
    assert issubclass(telnyx_oauth.APITimeoutError, telnyx_oauth.APIConnectionError)
