"""The exceptions of the API client: one tree, every API error carrying its request and response.

::

    TelnyxOAuthError
    ├── InvalidDataError              (also a ValueError) a dict given to a model's from_dict()
    │                                 does not match the spec; .path names the field
    └── APIError                      .request, .response (None when there was none)
        ├── APIStatusError            any status >= 400; .status_code .error .error_description
        │   │                         .errors .invalid_fields .body
        │   ├── BadRequestError               400
        │   ├── AuthenticationError           401
        │   ├── PermissionDeniedError         403
        │   ├── NotFoundError                 404
        │   ├── ConflictError                 409
        │   ├── UnprocessableEntityError      422
        │   ├── RateLimitError                429  .limit .remaining .reset .retry_after
        │   └── InternalServerError           5xx
        ├── APIConnectionError        the request got no response (the httpx error is __cause__)
        │   └── APITimeoutError
        └── APIResponseValidationError  a success whose body is not what the spec promises;
            │                           .operation .status_code .path
            └── UnexpectedStatusError   a status that is neither a documented success nor an
                                        error (a redirect not followed, a 204 for a body)

``telnyx_oauth`` re-exports every class under the same name and adds the overlay's own errors
to the same tree. Every generated function raises these, whatever client it is given.

A status error understands both error shapes the API uses: RFC 6749 ``{"error",
"error_description"}`` (OAuth endpoints; register adds ``invalid_fields``) and Telnyx's
``{"errors": [{"code", "title", "detail", "source": {"pointer"}, "meta": {"url"}}]}``. Anything
else (HTML from ``/oauth/authorize`` or a proxy, plain text, empty) is kept as text in ``.body``,
and the response itself always stays on ``.response``.

Messages name the method, the URL (scheme, host and path: no query, no userinfo, a consent token
in the path masked), then the status and the server's own words, or the transport's reason, each
once. They are never built from the request's headers or body, so credentials cannot leak
through ``str(error)``.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import httpx

from .types import UNSET

if TYPE_CHECKING:
    from uuid import UUID

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "CONSENT_PATH_SEGMENT",
    "ConflictError",
    "ErrorDetail",
    "InternalServerError",
    "InvalidDataError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "TelnyxOAuthError",
    "UnexpectedStatusError",
    "UnprocessableEntityError",
    "connection_error",
    "json_type_name",
    "make_status_error",
    "parse_datetime",
    "parse_json_body",
    "parse_retry_after_seconds",
    "parse_seconds_header",
    "parse_uuid",
    "raise_unexpected",
    "shown_path",
    "shown_url",
]

# Characters of an error body quoted in a message (the whole body stays on the error).
ERROR_BODY_SNIPPET_CHARS = 200

_T = TypeVar("_T")


# -- the tree -----------------------------------------------------------------------------------


class TelnyxOAuthError(Exception):
    """The root of every exception this distribution raises."""


class InvalidDataError(TelnyxOAuthError, ValueError):
    """A dict handed to a model's ``from_dict()`` does not match the spec.

    ``path`` names the field (``data[3].client_id``), ``problem`` says what is wrong with it.
    Neither ever holds the value itself: it could be a secret.
    """

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem
        # Innermost first: each enclosing from_dict() appends its own field name on the way out.
        self._location: list[str | int] = []

    @classmethod
    def of(
        cls, key: str, expected: str, value: object, index: int | None = None
    ) -> InvalidDataError:
        """The error for field ``key`` (item ``index`` of it, for an array) whose ``value`` is
        not ``expected``, or is missing."""
        if value is UNSET:
            error = cls("required field is missing")
        else:
            error = cls(f"expected {expected}, got {json_type_name(value)}")
        if index is not None:
            error._location.append(index)
        error._location.append(key)
        return error

    def within(self, *segments: str | int) -> InvalidDataError:
        """Prefix the path with ``segments`` (a field name, then an index when in an array)."""
        self._location.extend(reversed(segments))
        return self

    @property
    def path(self) -> str:
        """The field's path from the top of the body: ``data[3].client_id`` (``""`` for the top)."""
        text = ""
        for segment in reversed(self._location):
            if isinstance(segment, int):
                text += f"[{segment}]"
            else:
                text += f".{segment}" if text else segment
        return text

    def __str__(self) -> str:
        path = self.path
        return f"{path}: {self.problem}" if path else self.problem


class APIError(TelnyxOAuthError):
    """An HTTP exchange with the API went wrong."""

    def __init__(
        self,
        message: str,
        *,
        request: httpx.Request,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.response = response


class ErrorDetail:
    """One entry of a Telnyx ``{"errors": [...]}`` body (immutable)."""

    # A plain class rather than a dataclass: creating a dataclass costs more at import time than
    # the rest of this module, and `import telnyx_oauth` loads this module.
    __slots__ = ("code", "detail", "pointer", "title", "url")

    code: str | None
    title: str | None
    detail: str | None
    pointer: str | None
    url: str | None

    def __init__(
        self,
        code: str | None = None,
        title: str | None = None,
        detail: str | None = None,
        pointer: str | None = None,
        url: str | None = None,
    ) -> None:
        set_field = object.__setattr__
        set_field(self, "code", code)
        set_field(self, "title", title)
        set_field(self, "detail", detail)
        set_field(self, "pointer", pointer)
        set_field(self, "url", url)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"ErrorDetail is immutable: cannot set {name!r}")

    def _fields(self) -> tuple[str | None, ...]:
        return (self.code, self.title, self.detail, self.pointer, self.url)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ErrorDetail):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={value!r}"
            for name, value in zip(
                ("code", "title", "detail", "pointer", "url"), self._fields()
            )
        )
        return f"ErrorDetail({shown})"

    def __str__(self) -> str:
        return self.describe()

    def describe(self, status_line: tuple[str, str] | None = None) -> str:
        """``code title: detail (at pointer)``, leaving out a code or title that only repeats
        ``status_line`` (``("503", "Service Unavailable")``), which the message already says."""
        code, title = self.code, self.title
        if status_line is not None:
            if code == status_line[0]:
                code = None
            if title is not None and title.casefold() == status_line[1].casefold():
                title = None
        head = " ".join(p for p in (code, title) if p)
        text = (
            f"{head}: {self.detail}"
            if head and self.detail
            else head or self.detail or ""
        )
        return f"{text} (at {self.pointer})" if self.pointer else text


class APIStatusError(APIError):
    """The API answered with a status of 400 or more."""

    status_code: int
    error: str | None
    error_description: str | None
    errors: list[ErrorDetail]
    invalid_fields: dict[str, list[str]]
    body: object

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        parsed: ParsedErrorBody | None = None,
    ) -> None:
        super().__init__(message, request=response.request, response=response)
        self.response: httpx.Response = response
        self.status_code = response.status_code
        if parsed is None:
            parsed = parse_error_body(response)
        self.body = parsed.body
        self.error = parsed.error
        self.error_description = parsed.error_description
        self.errors = parsed.errors
        self.invalid_fields = parsed.invalid_fields


class BadRequestError(APIStatusError):
    """400 Bad Request (``invalid_request``, ``invalid_grant``, register's ``invalid_fields``)."""


class AuthenticationError(APIStatusError):
    """401 Unauthorized: missing or wrong API key, token or client credentials."""


class PermissionDeniedError(APIStatusError):
    """403 Forbidden."""


class NotFoundError(APIStatusError):
    """404 Not Found."""


class ConflictError(APIStatusError):
    """409 Conflict."""


class UnprocessableEntityError(APIStatusError):
    """422 Unprocessable Entity: the body failed validation."""


class RateLimitError(APIStatusError):
    """429 Too Many Requests, with the rate-limit headers parsed.

    ``limit`` and ``remaining`` are request counts; ``reset`` is the number of seconds until the
    window resets (``x-ratelimit-reset``); ``retry_after`` is the delay in seconds the server asked
    for (``retry-after-ms`` or ``Retry-After``), each ``None`` when the header is absent or odd.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        parsed: ParsedErrorBody | None = None,
    ) -> None:
        super().__init__(message, response=response, parsed=parsed)
        headers = response.headers
        self.limit = _int_header(headers, "x-ratelimit-limit")
        self.remaining = _int_header(headers, "x-ratelimit-remaining")
        self.reset = parse_seconds_header(headers.get("x-ratelimit-reset"))
        self.retry_after = parse_retry_after_seconds(headers)


class InternalServerError(APIStatusError):
    """A 5xx status: the server or a proxy in front of it failed."""


class APIConnectionError(APIError):
    """No response arrived: the connection failed or broke (the cause is the httpx error)."""


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, write, read or pool)."""


class APIResponseValidationError(APIError):
    """A successful status whose body is not what the spec promises.

    ``operation`` is the operation id (``get_oauth_client``) when a generated function parsed the
    body, ``status_code`` the status, ``path`` the field at fault (``data.client_id``; ``""`` for
    the body as a whole, ``None`` when the body was not JSON at all).
    """

    def __init__(
        self,
        message: str,
        *,
        request: httpx.Request,
        response: httpx.Response | None = None,
        operation: str | None = None,
        path: str | None = None,
    ) -> None:
        super().__init__(message, request=request, response=response)
        self.operation = operation
        self.status_code = response.status_code if response is not None else None
        self.path = path


class UnexpectedStatusError(APIResponseValidationError):
    """A status below 400 that the operation does not document as a success (a redirect that
    was not followed, a 204 where a body is documented, a 200 where a 201 is)."""


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


# -- what a message may show of a request ---------------------------------------------------------

# GET /v2/oauth/consent/{consent_token}: the token is a capability (whoever holds it can read the
# consent request and, with an API key, decide it). It is the API's one secret path parameter.
CONSENT_PATH_SEGMENT = "/oauth/consent/"


def shown_path(path: str) -> str:
    """``path`` with a consent token replaced by ``{consent_token}``."""
    head, segment, _ = path.partition(CONSENT_PATH_SEGMENT)
    return f"{head}{segment}{{consent_token}}" if segment else path


def shown_url(url: httpx.URL) -> str:
    """Scheme, host, port and shown path of ``url``; no userinfo, query or fragment."""
    origin = str(
        url.copy_with(userinfo=b"", path="/", query=None, fragment=None)
    ).rstrip("/")
    return origin + shown_path(url.path)


def _request_line(request: httpx.Request) -> str:
    return f"{request.method} {shown_url(request.url)}"


# -- building errors ----------------------------------------------------------------------------


def make_status_error(
    response: httpx.Response, *, context: str | None = None
) -> APIStatusError:
    """The right ``APIStatusError`` subclass for a response (status >= 400) whose body is read.

    ``context`` prefixes the message (for example ``"token request failed"``). The body is
    parsed once, here.
    """
    status = response.status_code
    cls = _STATUS_CLASSES.get(status)
    if cls is None:
        cls = InternalServerError if status >= 500 else APIStatusError
    parsed = parse_error_body(response)
    status_line = f"{status} {response.reason_phrase}".rstrip()
    message = f"{_request_line(response.request)}: {status_line}"
    summary = parsed.summary((str(status), response.reason_phrase))
    if summary:
        message = f"{message}: {summary}"
    if context:
        message = f"{context}: {message}"
    return cls(message, response=response, parsed=parsed)


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
    return cls(f"{_request_line(request)}: {what}", request=request)


def parse_json_body(
    response: httpx.Response, operation: str, parse: Callable[[Any], _T]
) -> _T:
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
    return f"{operation}: the {response.status_code} answer to {_request_line(response.request)}"


def raise_unexpected(response: httpx.Response, operation: str) -> NoReturn:
    """Raise for a status that ``operation`` does not document as a success."""
    if response.status_code >= 400:
        raise make_status_error(response)
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
        f"{operation}: {_request_line(response.request)} answered {status_line}{where}, "
        "which the spec does not document as a success",
        request=response.request,
        response=response,
        operation=operation,
    )


# -- reading error bodies -----------------------------------------------------------------------


class ParsedErrorBody:
    """An error body, read once: either of the API's two JSON shapes, or text."""

    __slots__ = (
        "body",
        "error",
        "error_description",
        "errors",
        "invalid_fields",
        "text_snippet",
    )

    def __init__(
        self,
        *,
        body: object,
        error: str | None,
        error_description: str | None,
        errors: list[ErrorDetail],
        invalid_fields: dict[str, list[str]],
        text_snippet: str | None,
    ) -> None:
        self.body = body
        self.error = error
        self.error_description = error_description
        self.errors = errors
        self.invalid_fields = invalid_fields
        self.text_snippet = text_snippet

    def summary(self, status_line: tuple[str, str] | None = None) -> str:
        """The server's own words, without what only repeats ``status_line``."""
        if self.error:
            text = self.error
            if self.error_description:
                text += f": {self.error_description}"
            if self.invalid_fields:
                fields = "; ".join(
                    f"{name}: {', '.join(msgs)}"
                    for name, msgs in self.invalid_fields.items()
                )
                text += f" ({fields})"
            return text
        if self.errors:
            return "; ".join(
                text for text in (e.describe(status_line) for e in self.errors) if text
            )
        snippet = self.text_snippet or ""
        if status_line is not None and snippet:
            snippet = _without_status_line(snippet, status_line)
        return snippet


def parse_error_body(response: httpx.Response) -> ParsedErrorBody:
    """Read an error response's body in either JSON shape, or as text (HTML tags stripped)."""
    try:
        text = response.text
    except httpx.ResponseNotRead:
        text = ""
    data: Any = None
    if text.strip():
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            data = None
    if isinstance(data, dict):
        error = data.get("error")
        description = data.get("error_description")
        return ParsedErrorBody(
            body=data,
            error=error if isinstance(error, str) else None,
            error_description=description if isinstance(description, str) else None,
            errors=_error_details(data.get("errors")),
            invalid_fields=_invalid_fields(data.get("invalid_fields")),
            text_snippet=None,
        )
    snippet = None
    if text.strip() and data is None:
        is_html = "html" in response.headers.get("content-type", "")
        plain = html_text(text, ERROR_BODY_SNIPPET_CHARS) if is_html else text
        plain = " ".join(plain[: ERROR_BODY_SNIPPET_CHARS * 4].split())
        if len(plain) > ERROR_BODY_SNIPPET_CHARS:
            plain = plain[:ERROR_BODY_SNIPPET_CHARS] + "..."
        snippet = plain or None
    return ParsedErrorBody(
        body=data if data is not None else text,
        error=None,
        error_description=None,
        errors=[],
        invalid_fields={},
        text_snippet=snippet,
    )


_HIDDEN_ELEMENTS = ("script", "style")


def html_text(html: str, limit: int) -> str:
    """The visible text of an HTML page, about ``limit`` characters of it at most.

    One pass from left to right, each search starting where the last one ended, so the time is
    linear in the page's length whatever it holds (a regular expression that skips ``<script>``
    elements backtracks quadratically over a page of unclosed ones). Tags become spaces;
    ``<script>`` and ``<style>`` elements vanish whole, and an unclosed one hides the rest.
    """
    lowered = html.lower()
    pieces: list[str] = []
    shown = 0
    position = 0
    end = len(html)
    while position < end and shown <= limit:
        tag = html.find("<", position)
        if tag < 0:
            pieces.append(html[position:])
            break
        pieces.append(html[position:tag])
        shown += tag - position
        hidden = next(
            (
                name
                for name in _HIDDEN_ELEMENTS
                if lowered.startswith(name, tag + 1)
                and not lowered[tag + 1 + len(name) : tag + 2 + len(name)].isalnum()
            ),
            None,
        )
        close_from = tag
        if hidden is not None:
            close_from = lowered.find(f"</{hidden}", tag)
            if close_from < 0:
                break
        closing = html.find(">", close_from)
        if closing < 0:
            break
        pieces.append(" ")
        position = closing + 1
    return "".join(pieces)


def _without_status_line(snippet: str, status_line: tuple[str, str]) -> str:
    """``snippet`` with every copy of ``503 Service Unavailable`` (or its reason) taken out."""
    code, reason = status_line
    pattern = (
        rf"(?:\b{re.escape(code)}\b\s*[:-]?\s*)?{re.escape(reason)}" if reason else None
    )
    if pattern is None:
        return snippet
    stripped = re.sub(pattern, " ", snippet, flags=re.IGNORECASE)
    return " ".join(stripped.split()).strip(" :-")


def _opt_str(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _error_details(raw: object) -> list[ErrorDetail]:
    if not isinstance(raw, list):
        return []
    details = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        source = item.get("source")
        meta = item.get("meta")
        details.append(
            ErrorDetail(
                code=_opt_str(item.get("code")),
                title=_opt_str(item.get("title")),
                detail=_opt_str(item.get("detail")),
                pointer=_opt_str(source.get("pointer"))
                if isinstance(source, dict)
                else None,
                url=_opt_str(meta.get("url")) if isinstance(meta, dict) else None,
            )
        )
    return details


def _invalid_fields(raw: object) -> dict[str, list[str]]:
    if not isinstance(raw, dict):
        return {}
    fields: dict[str, list[str]] = {}
    for name, messages in raw.items():
        if isinstance(messages, list):
            fields[str(name)] = [str(m) for m in messages]
        elif messages is not None:
            fields[str(name)] = [str(messages)]
    return fields


# -- headers ------------------------------------------------------------------------------------


def _int_header(headers: httpx.Headers, name: str) -> int | None:
    value = headers.get(name)
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def parse_seconds_header(value: str | None) -> float | None:
    """A non-negative finite number of seconds, or ``None``."""
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    if not math.isfinite(seconds) or seconds < 0:
        return None
    return seconds


def parse_retry_after_seconds(
    headers: httpx.Headers, *, now: float | None = None
) -> float | None:
    """The delay from ``retry-after-ms`` or ``Retry-After`` (seconds or HTTP date), in seconds."""
    millis = parse_seconds_header(headers.get("retry-after-ms"))
    if millis is not None:
        return millis / 1000.0
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = parse_seconds_header(value)
    if seconds is not None:
        return seconds
    # email.utils costs milliseconds to import and an HTTP-date Retry-After is rare.
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    current = time.time() if now is None else now
    return max(when.timestamp() - current, 0.0)


# -- what models use to say what is wrong ---------------------------------------------------------


def parse_datetime(
    value: object, key: str, index: int | None = None
) -> datetime.datetime:
    """An RFC 3339 date-time string as a ``datetime`` (Python 3.11 reads every form it allows)."""
    if not isinstance(value, str):
        raise InvalidDataError.of(key, "a date-time string", value, index)
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        error = InvalidDataError(
            "expected a date-time string, got a string that is not one"
        )
        raise error.within(key) if index is None else error.within(key, index) from None


def parse_uuid(value: object, key: str, index: int | None = None) -> UUID:
    """A UUID string as a ``UUID``."""
    from uuid import (
        UUID,  # a model with a UUID field imports uuid anyway; the rest need not
    )

    if not isinstance(value, str):
        raise InvalidDataError.of(key, "a UUID string", value, index)
    try:
        return UUID(value)
    except ValueError:
        error = InvalidDataError("expected a UUID string, got a string that is not one")
        raise error.within(key) if index is None else error.within(key, index) from None


def json_type_name(value: object) -> str:
    """The JSON name of ``value``'s type (``string``, ``number``, ``array``...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__
