"""Building the errors that generated functions raise, from a response or a transport failure."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any, NoReturn, TypeVar

import httpx

from ._error_bodies import parse_error_body
from ._exceptions import (
    STATUS_CLASSES,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    InternalServerError,
    InvalidDataError,
    UnexpectedStatusError,
)
from ._redaction import request_line, shown_url

_T = TypeVar("_T")


def make_status_error(
    response: httpx.Response,
    *,
    context: str | None = None,
    error_models: Mapping[int, str] | None = None,
) -> APIStatusError:
    """The right ``APIStatusError`` subclass for a response (status >= 400) whose body is read.

    ``context`` prefixes the message (for example ``"token request failed"``). ``error_models``
    maps the statuses the spec documents to the name of their error model in ``models``: the
    error carries the parsed model as ``.model`` (``None`` when the body does not match it).
    """
    status = response.status_code
    cls = STATUS_CLASSES.get(status)
    if cls is None:
        cls = InternalServerError if status >= 500 else APIStatusError
    parsed = parse_error_body(response)
    status_line = f"{status} {response.reason_phrase}".rstrip()
    message = f"{request_line(response.request)}: {status_line}"
    summary = parsed.summary((str(status), response.reason_phrase))
    if summary:
        message = f"{message}: {summary}"
    if context:
        message = f"{context}: {message}"
    model = _error_model(response, parsed.body, error_models)
    return cls(message, response=response, parsed=parsed, model=model)


def connection_error(exc: httpx.TransportError) -> APIConnectionError:
    """``APITimeoutError`` or ``APIConnectionError`` for a request that got no response.

    The message names the request and the transport's own reason (``[Errno 111] Connection
    refused``); httpx builds those reasons from the socket error, never from the request.
    """
    request = exc.request
    reason = str(exc).strip()
    kind = type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        cls: type[APIConnectionError] = APITimeoutError
        what = f"timed out ({kind}{': ' + reason if reason and reason != 'timed out' else ''})"
    else:
        cls = APIConnectionError
        what = f"connection failed ({kind}{': ' + reason if reason else ''})"
    return cls(f"{request_line(request)}: {what}", request=request)


def parse_json_body(response: httpx.Response, operation: str, parse: Callable[[Any], _T]) -> _T:
    """The success body of ``operation`` parsed by ``parse`` (a model's ``from_dict``).

    A body that is not JSON, or JSON that does not match the spec, raises
    ``APIResponseValidationError`` naming the operation, the status and the field; the message
    never quotes the body, which may hold tokens.
    """
    try:
        data = json.loads(response.content)
    except (ValueError, RecursionError) as exc:  # also bytes that are not text
        content_type = response.headers.get("content-type", "no content type")
        what = "nests too deeply" if isinstance(exc, RecursionError) else "is not JSON"
        raise APIResponseValidationError(
            f"{_answer(response, operation)} {what} ({content_type}, "
            f"{len(response.content)} bytes)",
            request=response.request,
            response=response,
            operation=operation,
        ) from None
    try:
        return parse(data)
    except InvalidDataError as exc:
        raise APIResponseValidationError(
            f"{_answer(response, operation)} does not match the spec: {exc}",
            request=response.request,
            response=response,
            operation=operation,
            path=exc.path,
        ) from exc


def _answer(response: httpx.Response, operation: str) -> str:
    # Built only when something is wrong: shown_url() parses the URL again.
    return f"{operation}: the {response.status_code} answer to {request_line(response.request)}"


def raise_unexpected(
    response: httpx.Response,
    operation: str,
    error_models: Mapping[int, str] | None = None,
) -> NoReturn:
    """Raise for a status that ``operation`` does not document as a success; ``error_models``
    as for ``make_status_error``."""
    if response.status_code >= 400:
        raise make_status_error(response, error_models=error_models)
    status_line = f"{response.status_code} {response.reason_phrase}".rstrip()
    location = response.headers.get("location")
    where = ""
    if location is not None and 300 <= response.status_code < 400:
        # Scheme, host and path only: a redirect's query may carry a code or a consent token.
        try:
            where = f" to {shown_url(response.request.url.join(location))}"
        except httpx.InvalidURL:
            where = " to an invalid Location"
    raise UnexpectedStatusError(
        f"{operation}: {request_line(response.request)} answered {status_line}{where}, "
        "which the spec does not document as a success",
        request=response.request,
        response=response,
        operation=operation,
    )


def _error_model(
    response: httpx.Response, body: object, error_models: Mapping[int, str] | None
) -> object:
    """The body parsed with the error model documented for the status, or None.

    The model is named, not passed, so that an endpoint module loads its error models only
    when an error comes (each attrs class costs import time).
    """
    name = error_models.get(response.status_code) if error_models else None
    if name is None or not isinstance(body, dict):
        return None
    model = getattr(import_module(f"{__package__}.models"), name)
    try:
        return model.from_dict(body)
    except InvalidDataError:
        # The body is not what the spec documents: keep the error, without a model.
        return None
