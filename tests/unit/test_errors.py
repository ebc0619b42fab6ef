"""Typed errors: the tree, both error shapes, raw-text fallback, rate-limit headers."""

from __future__ import annotations

import json

import httpx
import pytest

import telnyx_oauth
from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api.errors import make_status_error

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


HOSTILE_PAGES = {
    "unclosed scripts": "<script>" * 131_072,
    "unclosed styles": "<style>x" * 131_072,
    "scripts closed at the very end": "<script>" * 131_072 + "</script>",
    "tags never closed": "<a" * 262_144,
    "angle brackets": "<" * 524_288,
    "alternating": "<script><b>" * 65_536,
}


@pytest.mark.parametrize("page", HOSTILE_PAGES.values(), ids=HOSTILE_PAGES.keys())
def test_hostile_html_error_page_is_read_in_linear_time(page: str) -> None:
    """A 500 KiB-1 MiB HTML error page built to make a tag-stripping regular expression
    backtrack (the old one took 25 s on 125 KiB of unclosed <script>) raises at once.

    The bound cannot flake: one left-to-right pass over 1 MiB takes milliseconds here, 200 times
    less than the bound, while the quadratic parser needed minutes for this size; only a
    machine stalled for a whole second could fail it, and then it fails loudly, not wrongly.
    """
    import time

    response = _response(502, text=page, headers={"content-type": "text/html"})
    started = time.perf_counter()
    error = make_status_error(response)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"{elapsed:.2f} s to read a {len(page)}-character page"
    assert isinstance(error, telnyx_oauth.InternalServerError)
    assert error.body == page


def test_html_error_page_shows_its_visible_text_once() -> None:
    """Scripts and styles vanish, tags become spaces, and the status line is not repeated."""
    page = (
        "<html><head><title>502 Bad Gateway</title><style>h1 {color: red}</style>"
        "<script>var secret = 1;</script></head><body><h1>502 Bad Gateway</h1>"
        "<p>upstream <b>timed</b> out</p><hr><center>nginx</center></body></html>"
    )
    error = make_status_error(_response(502, text=page, headers={"content-type": "text/html"}))
    assert (
        str(error)
        == "GET https://api.test/v2/oauth_clients: 502 Bad Gateway: upstream timed out nginx"
    )


@pytest.mark.parametrize(
    ("body", "summary"),
    [
        (
            {
                "errors": [
                    {"code": "503", "title": "Service Unavailable", "detail": "Injected fault"}
                ]
            },
            ": Injected fault",
        ),
        ({"errors": [{"code": "503", "title": "Service Unavailable"}]}, ""),
        ("503 Service Unavailable", ""),
        ("Service Unavailable: try again later", ": try again later"),
    ],
    ids=["telnyx shape", "telnyx shape, nothing more", "text", "text with more"],
)
def test_status_line_is_said_once(body: object, summary: str) -> None:
    """A body that only repeats the status line adds nothing to the message."""
    kwargs = {"json": body} if isinstance(body, dict) else {"text": body}
    error = make_status_error(_response(503, **kwargs))
    assert str(error) == f"GET https://api.test/v2/oauth_clients: 503 Service Unavailable{summary}"


def _mock_client(status: int, body: object) -> AuthenticatedClient:
    client = AuthenticatedClient("https://api.test", token="k")
    answer = httpx.Response(status, json=body)
    client.set_httpx_client(
        httpx.Client(
            base_url="https://api.test", transport=httpx.MockTransport(lambda request: answer)
        )
    )
    return client


def test_error_body_is_parsed_with_the_documented_error_model() -> None:
    """A documented error status carries its body parsed with the spec's error model: get's
    404 an OAuthError, its 429 a Telnyx ErrorResponse."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client
    from telnyx_oauth_api.models import ErrorResponse, OAuthError, TelnyxError

    body: dict[str, object] = {"error": "not_found", "error_description": "No such client"}
    with pytest.raises(telnyx_oauth.NotFoundError) as caught:
        get_oauth_client.sync("abc", client=_mock_client(404, body))
    assert caught.value.model == OAuthError(error="not_found", error_description="No such client")

    body = {"errors": [{"code": "10011", "title": "Too many requests"}]}
    with pytest.raises(telnyx_oauth.RateLimitError) as limited:
        get_oauth_client.sync("abc", client=_mock_client(429, body))
    model = limited.value.model
    assert isinstance(model, ErrorResponse)
    assert model.errors == [TelnyxError(code="10011", title="Too many requests")]


def test_registration_error_is_parsed_with_its_model() -> None:
    """register's 400 carries a RegistrationError, its invalid_fields a model too."""
    from telnyx_oauth_api.api.oauth import register_client
    from telnyx_oauth_api.models import InvalidFields, RegistrationError, RegistrationRequest

    body = {
        "error": "invalid_redirect_uri",
        "error_description": "bad",
        "invalid_fields": {"redirect_uris": ["must be https"]},
    }
    request = RegistrationRequest(redirect_uris=["http://x"])
    with pytest.raises(telnyx_oauth.BadRequestError) as caught:
        register_client.sync(client=_mock_client(400, body), body=request)
    model = caught.value.model
    assert isinstance(model, RegistrationError)
    assert model.error == "invalid_redirect_uri"
    assert isinstance(model.invalid_fields, InvalidFields)
    assert model.to_dict() == body


def test_a_body_that_does_not_match_its_model_leaves_model_none() -> None:
    """An error body of another shape still raises the typed error, with .model None and the
    body kept."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    with pytest.raises(telnyx_oauth.NotFoundError) as caught:
        get_oauth_client.sync("abc", client=_mock_client(404, {"message": "nope"}))
    assert caught.value.model is None
    assert caught.value.body == {"message": "nope"}


def test_unexpected_status_is_the_generators_name_for_every_non_success() -> None:
    """errors.UnexpectedStatus, as openapi-python-client names it, catches every status that is
    not a documented success, with .status_code and .content."""
    from telnyx_oauth_api import errors
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    cases: list[tuple[int, dict[str, object]]] = [(500, {"errors": []}), (204, {})]
    for status, body in cases:
        with pytest.raises(errors.UnexpectedStatus) as caught:
            get_oauth_client.sync("abc", client=_mock_client(status, body))
        assert caught.value.status_code == status
        assert (
            caught.value.content == json.dumps(body).replace(" ", "").encode()
            or caught.value.content
        )
