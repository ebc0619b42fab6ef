"""Whatever client is passed, a generated function returns its documented success or raises.

Here the client is the plain generated ``Client``/``AuthenticatedClient`` on an
``httpx.MockTransport``: no overlay, no retries. Every error status raises the typed
``APIStatusError`` subclass with the request and response attached; a status that is neither a
documented success nor an error raises ``UnexpectedStatusError``; a transport failure raises
``APIConnectionError``. Nothing comes back as an error model or ``None``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api import errors as api_errors
from tests.spec._calls import call_arguments, module_of
from tests.spec._spec import Operation, operations

OPERATIONS = operations()
IDS = [op.operation_id for op in OPERATIONS]
BASE_URL = "https://api.telnyx.com"

ERROR_CLASSES = {
    400: api_errors.BadRequestError,
    401: api_errors.AuthenticationError,
    403: api_errors.PermissionDeniedError,
    404: api_errors.NotFoundError,
    409: api_errors.ConflictError,
    422: api_errors.UnprocessableEntityError,
    429: api_errors.RateLimitError,
    418: api_errors.APIStatusError,
    500: api_errors.InternalServerError,
    502: api_errors.InternalServerError,
    503: api_errors.InternalServerError,
}
NOT_A_SUCCESS = (200, 201, 202, 204, 301, 302, 303, 307, 308)


def _plain_client(answer: Callable[[httpx.Request], httpx.Response]) -> AuthenticatedClient:
    client = AuthenticatedClient(BASE_URL, "test-key")
    transport = httpx.MockTransport(answer)
    client.set_httpx_client(httpx.Client(base_url=BASE_URL, transport=transport))
    client.set_async_httpx_client(httpx.AsyncClient(base_url=BASE_URL, transport=transport))
    return client


def _always(response: httpx.Response) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: response


def _call(op: Operation, client: AuthenticatedClient) -> Any:
    return module_of(op).sync(client=client, **call_arguments(op))


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
@pytest.mark.parametrize("status", sorted(ERROR_CLASSES))
def test_error_status_raises_its_class(op: Operation, status: int) -> None:
    """Every status >= 400 raises its APIStatusError subclass, body parsed, response kept."""
    body = {"error": "invalid_request", "error_description": "no"}
    response = httpx.Response(status, json=body)
    with pytest.raises(api_errors.APIStatusError) as caught:
        _call(op, _plain_client(lambda request: response))
    error = caught.value
    assert type(error) is ERROR_CLASSES[status]
    assert (error.status_code, error.error, error.error_description) == (
        status,
        "invalid_request",
        "no",
    )
    assert error.response is response
    assert error.request.method == op.method.upper()


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_html_error_raises_with_the_page_kept(op: Operation) -> None:
    """An HTML error page (authorize's errors, a proxy's 502) raises; the text stays on .body."""
    page = "<html><body><h1>Bad Gateway</h1></body></html>"
    response = httpx.Response(502, text=page, headers={"content-type": "text/html"})
    with pytest.raises(api_errors.InternalServerError) as caught:
        _call(op, _plain_client(lambda request: response))
    assert caught.value.body == page


def _documented_successes(op: Operation) -> set[int]:
    return {int(status) for status in op.data["responses"] if int(status) < 400}


UNDOCUMENTED = [
    pytest.param(op, status, id=f"{op.operation_id}-{status}")
    for op in OPERATIONS
    for status in NOT_A_SUCCESS
    if status not in _documented_successes(op)
]


@pytest.mark.parametrize(("op", "status"), UNDOCUMENTED)
def test_undocumented_non_error_status_raises(op: Operation, status: int) -> None:
    """A status below 400 that the operation does not document as a success (a redirect not
    followed, a 204 where a body is documented, a 200 for a 201) raises UnexpectedStatusError,
    and the redirect's query (which may hold a code) stays out of the message."""
    headers = {"location": "https://elsewhere.example/next?code=secret"} if status >= 300 else {}
    response = httpx.Response(status, headers=headers)
    with pytest.raises(api_errors.UnexpectedStatusError) as caught:
        _call(op, _plain_client(lambda request: response))
    error = caught.value
    assert error.status_code == status
    assert error.operation == op.operation_id
    assert error.response is response
    assert "secret" not in str(error)


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), api_errors.APIConnectionError),
        (httpx.ReadTimeout("timed out"), api_errors.APITimeoutError),
        (httpx.RemoteProtocolError("peer closed"), api_errors.APIConnectionError),
    ],
    ids=["connect", "timeout", "protocol"],
)
def test_transport_failure_raises_connection_error(
    op: Operation, failure: httpx.TransportError, kind: type[api_errors.APIConnectionError]
) -> None:
    """No answer: APIConnectionError (APITimeoutError for a timeout), naming the method, the URL
    and the transport's reason, with the httpx error as its cause."""

    def fail(request: httpx.Request) -> httpx.Response:
        raise failure

    with pytest.raises(kind) as caught:
        _call(op, _plain_client(fail))
    error = caught.value
    assert type(error) is kind
    assert error.__cause__ is failure
    assert str(error).startswith(f"{op.method.upper()} {BASE_URL}/")
    assert str(failure) in str(error)


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
async def test_async_raises_the_same(op: Operation) -> None:
    """The async functions raise the same classes."""
    client = _plain_client(lambda request: httpx.Response(404, json={"error": "not_found"}))
    with pytest.raises(api_errors.NotFoundError):
        await module_of(op).asyncio(client=client, **call_arguments(op))

    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    with pytest.raises(api_errors.APIConnectionError):
        await module_of(op).asyncio_detailed(client=_plain_client(fail), **call_arguments(op))


def test_consent_token_is_masked_in_messages() -> None:
    """get_consent_details carries a consent token in its path: messages show the template."""
    op = next(o for o in OPERATIONS if o.operation_id == "get_consent_details")
    token = call_arguments(op)["consent_token"]
    for response in (httpx.Response(404), httpx.Response(302), httpx.Response(200, text="x")):
        with pytest.raises(api_errors.APIError) as caught:
            _call(op, _plain_client(_always(response)))
        assert token not in str(caught.value)
        assert "/v2/oauth/consent/{consent_token}" in str(caught.value)
