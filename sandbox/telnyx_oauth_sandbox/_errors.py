"""The error answers of the sandbox, and the JSON and HTML bodies they become.

::

    HTTPError                an HTTP answer other than success; never carries a secret
    ├── OAuthError           RFC 6749 body {"error", "error_description"[, "invalid_fields"]}
    ├── TelnyxError          Telnyx body {"errors": [{"code", "title", "detail", ...}]}
    └── HTMLError            a small HTML page, for a person's browser (authorize, consent page)

Handlers raise them; the app's exception handler turns them into responses.
"""

from __future__ import annotations

import html
from http import HTTPStatus
from typing import Any

from starlette.responses import HTMLResponse, JSONResponse, Response

NO_STORE_HEADERS = {"Cache-Control": "no-store", "Pragma": "no-cache"}
"""On every answer that carries a secret (RFC 6749 5.1)."""

HTML_HEADERS = {
    # Nobody may frame a sandbox page (clickjacking the Allow button), and the pages load nothing.
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    # The consent page's URL carries its consent token: no Referer may take it elsewhere.
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
"""On every HTML answer: the consent page and the error pages."""

BEARER_REALM = 'Bearer realm="telnyx-oauth-sandbox"'
BASIC_REALM = 'Basic realm="telnyx-oauth-sandbox"'


def status_phrase(status: int) -> str:
    """The reason phrase of an HTTP status (``"Not Found"``), or ``"Error"`` for odd ones."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class HTTPError(Exception):
    """An error answer; ``str()`` is the description, which never contains a secret."""

    def __init__(
        self, status: int, description: str, *, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.headers = dict(headers or {})

    def response(self) -> Response:
        raise NotImplementedError


class OAuthError(HTTPError):
    """RFC 6749 5.2 error: ``{"error": code, "error_description": text}``."""

    def __init__(
        self,
        status: int,
        error: str,
        description: str,
        *,
        headers: dict[str, str] | None = None,
        invalid_fields: dict[str, list[str]] | None = None,
    ) -> None:
        super().__init__(status, description, headers=headers)
        self.error = error
        self.invalid_fields = invalid_fields

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"error": self.error, "error_description": self.description}
        if self.invalid_fields is not None:
            body["invalid_fields"] = self.invalid_fields
        return body

    def response(self) -> Response:
        return JSONResponse(self.body(), status_code=self.status, headers=self.headers)


class TelnyxError(HTTPError):
    """Telnyx platform error: ``{"errors": [{"code", "title", "detail", "source"?}]}``."""

    def __init__(
        self,
        status: int,
        description: str,
        *,
        code: str | None = None,
        title: str | None = None,
        pointer: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(status, description, headers=headers)
        self.code = code or str(status)
        self.title = title or status_phrase(status)
        self.pointer = pointer

    def body(self) -> dict[str, Any]:
        return telnyx_error_body(self.code, self.title, self.description, pointer=self.pointer)

    def response(self) -> Response:
        return JSONResponse(self.body(), status_code=self.status, headers=self.headers)


class HTMLError(HTTPError):
    """An answer for a person's browser: a small HTML page saying what was wrong."""

    def response(self) -> Response:
        title = html.escape(f"{self.status} {status_phrase(self.status)}")
        page = f"<h1>{title}</h1><p>{html.escape(self.description)}</p>"
        return html_page(title, page, status=self.status, headers=self.headers)


def telnyx_error_body(
    code: str, title: str, detail: str, *, pointer: str | None = None
) -> dict[str, Any]:
    """``{"errors": [{"code", "title", "detail"[, "source": {"pointer"}]}]}``."""
    error: dict[str, Any] = {"code": code, "title": title, "detail": detail}
    if pointer is not None:
        error["source"] = {"pointer": pointer}
    return {"errors": [error]}


def html_page(
    title: str, body: str, *, status: int = 200, headers: dict[str, str] | None = None
) -> HTMLResponse:
    """A whole HTML page from an escaped ``title`` and ``body``, with ``HTML_HEADERS``."""
    page = (
        '<!doctype html><html><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body>{body}</body></html>"
    )
    return HTMLResponse(page, status_code=status, headers={**HTML_HEADERS, **(headers or {})})
