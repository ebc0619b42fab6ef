"""Reading an error response's body: either JSON shape the API uses, or text (HTML stripped).

The API answers errors in two shapes: RFC 6749 ``{"error", "error_description"}`` (OAuth
endpoints; register adds ``invalid_fields``) and Telnyx's ``{"errors": [{"code", "title",
"detail", "source": {"pointer"}, "meta": {"url"}}]}``. Anything else (HTML from
``/oauth/authorize`` or a proxy, plain text, empty) is kept as text. The spec's own error models
are parsed next to this (``_raising.make_status_error``); this reading works for every status,
documented or not, so that a message always has the server's words.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx

# Characters of an error body quoted in a message (the whole body stays on the error).
ERROR_BODY_SNIPPET_CHARS = 200
_DETAIL_FIELDS = ("code", "title", "detail", "pointer", "url")


class ErrorDetail:
    """One entry of a Telnyx ``{"errors": [...]}`` body (immutable)."""

    # A plain class: `import telnyx_oauth` loads this module, and creating an attrs class costs
    # a third of a millisecond at import (it compiles its methods); the models need attrs, this
    # small value class does not.
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
            f"{name}={value!r}" for name, value in zip(_DETAIL_FIELDS, self._fields(), strict=True)
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
        text = f"{head}: {self.detail}" if head and self.detail else head or self.detail or ""
        return f"{text} (at {self.pointer})" if self.pointer else text


class ParsedErrorBody:
    """An error body, read once: either of the API's two JSON shapes, or text."""

    __slots__ = ("body", "error", "error_description", "errors", "invalid_fields", "text_snippet")

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
                    f"{name}: {', '.join(msgs)}" for name, msgs in self.invalid_fields.items()
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
    pattern = rf"(?:\b{re.escape(code)}\b\s*[:-]?\s*)?{re.escape(reason)}" if reason else None
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
                pointer=_opt_str(source.get("pointer")) if isinstance(source, dict) else None,
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
