"""The exceptions of the API client: one tree, every API error carrying its request and response.

::

    TelnyxOAuthError
    ├── InvalidDataError              (also a ValueError) a dict given to a model's from_dict()
    │                                 does not match the spec; .path names the field
    └── APIError                      .request, .response (None when there was none)
        ├── UnexpectedStatus          not a documented success (the generator's name);
        │   │                         .status_code .content
        ├── APIStatusError            any status >= 400 (an UnexpectedStatus); .status_code
        │   │                         .model (the spec's error model) .error .error_description
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
            └── UnexpectedStatusError   a status below 400 that is not a documented success
                                        (a redirect not followed, a 204 for a body); also
                                        an UnexpectedStatus

``telnyx_oauth`` re-exports every class under the same name and adds the overlay's own errors
to the same tree. Every generated function raises these, whatever client it is given.

A status error carries the body parsed with the error model the spec documents for its status
(``.model``: ``ErrorResponse``, ``OAuthError``, ``RegistrationError``), and understands both error shapes the API uses: RFC 6749 ``{"error",
"error_description"}`` (OAuth endpoints; register adds ``invalid_fields``) and Telnyx's
``{"errors": [{"code", "title", "detail", "source": {"pointer"}, "meta": {"url"}}]}``. Anything
else (HTML from ``/oauth/authorize`` or a proxy, plain text, empty) is kept as text in ``.body``,
and the response itself always stays on ``.response``.

Messages name the method, the URL (scheme, host and path: no query, no userinfo, a consent token
in the path masked), then the status and the server's own words, or the transport's reason, each
once. They are never built from the request's headers or body, so credentials cannot leak
through ``str(error)``.
"""

from ._checks import json_type_name
from ._error_bodies import ErrorDetail, parse_error_body
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    InvalidDataError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    TelnyxOAuthError,
    UnexpectedStatus,
    UnexpectedStatusError,
    UnprocessableEntityError,
)
from ._headers import parse_retry_after_seconds, parse_seconds_header
from ._raising import (
    connection_error,
    make_status_error,
    parse_json_body,
    raise_unexpected,
)
from ._redaction import CONSENT_PATH_SEGMENT, shown_path, shown_url

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
    "UnexpectedStatus",
    "UnexpectedStatusError",
    "UnprocessableEntityError",
    "connection_error",
    "json_type_name",
    "make_status_error",
    "parse_error_body",
    "parse_json_body",
    "parse_retry_after_seconds",
    "parse_seconds_header",
    "raise_unexpected",
    "shown_path",
    "shown_url",
]
