"""The exception classes: one tree, every API error carrying its request and response.

The tree is drawn in ``errors.py``, which re-exports every class; the functions that build these
errors live in ``_raising.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._error_bodies import parse_error_body
from ._headers import int_header, parse_retry_after_seconds, parse_seconds_header

if TYPE_CHECKING:
    import httpx

    from ._error_bodies import ErrorDetail, ParsedErrorBody


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
        self, message: str, *, request: httpx.Request, response: httpx.Response | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.response = response


class UnexpectedStatus(APIError):  # noqa: N818 - the generator's name, kept for its users
    """A status that is not a documented success: openapi-python-client's name for it.

    The generator raises ``UnexpectedStatus`` only for undocumented statuses, and only when
    ``Client(raise_on_unexpected_status=True)``; these functions raise for every status that is
    not a documented success, whatever the client says, as a subclass: ``APIStatusError`` (400
    and above) or ``UnexpectedStatusError`` (below 400). ``status_code`` and ``content`` mean what
    they mean there.
    """

    response: httpx.Response | None
    status_code: int | None

    @property
    def content(self) -> bytes:
        """The response's body (``b""`` when there was no response)."""
        return self.response.content if self.response is not None else b""


class APIStatusError(UnexpectedStatus):
    """The API answered with a status of 400 or more.

    ``model`` is the body parsed with the error model the spec documents for this status
    (``ErrorResponse``, ``OAuthError``, ``RegistrationError``), or ``None`` when the spec
    documents none or the body does not match it; ``body`` is the body as JSON or text either way.
    """

    status_code: int
    error: str | None
    error_description: str | None
    errors: list[ErrorDetail]
    invalid_fields: dict[str, list[str]]
    body: object
    model: Any

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        parsed: ParsedErrorBody | None = None,
        model: object = None,
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
        self.model = model


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
        model: object = None,
    ) -> None:
        super().__init__(message, response=response, parsed=parsed, model=model)
        headers = response.headers
        self.limit = int_header(headers, "x-ratelimit-limit")
        self.remaining = int_header(headers, "x-ratelimit-remaining")
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

    status_code: int | None

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


class UnexpectedStatusError(APIResponseValidationError, UnexpectedStatus):
    """A status below 400 that the operation does not document as a success (a redirect that
    was not followed, a 204 where a body is documented, a 200 where a 201 is)."""


STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}
