"""Errors the sandbox answers with, and the JSON/HTML bodies they become.

::

    SandboxError                  an HTTP answer other than success; never carries a secret
    ├── OAuthError                RFC 6749 body {"error", "error_description"[, "invalid_fields"]}
    ├── ApiError                  Telnyx body {"errors": [{"code", "title", "detail", ...}]}
    └── AuthorizeError            /v2/oauth/authorize before the redirect_uri is trusted: HTML
"""

from __future__ import annotations

import html
from http import HTTPStatus
from typing import Any

from starlette.responses import HTMLResponse, JSONResponse, Response

NO_STORE_HEADERS = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class SandboxError(Exception):
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


class OAuthError(SandboxError):
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


class ApiError(SandboxError):
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
        self.title = title or _reason(status)
        self.pointer = pointer

    def body(self) -> dict[str, Any]:
        return api_error_body(self.code, self.title, self.description, pointer=self.pointer)

    def response(self) -> Response:
        return JSONResponse(self.body(), status_code=self.status, headers=self.headers)


class AuthorizeError(SandboxError):
    """An authorize request that cannot be sent back to the client: a small HTML page."""

    def response(self) -> Response:
        return html_error(self.status, self.description)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def api_error_body(
    code: str, title: str, detail: str, *, pointer: str | None = None
) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "title": title, "detail": detail}
    if pointer is not None:
        error["source"] = {"pointer": pointer}
    return {"errors": [error]}


def html_error(status: int, description: str) -> HTMLResponse:
    title = html.escape(f"{status} {_reason(status)}")
    page = (
        '<!doctype html><html><head><meta charset="utf-8"><title>'
        f"{title}</title></head><body><h1>{title}</h1><p>{html.escape(description)}</p>"
        "</body></html>"
    )
    return HTMLResponse(page, status_code=status)
