"""Contains some shared types for properties"""

from collections.abc import Iterable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar


class Unset:
    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


class File:
    """Contains information for file uploads"""

    __slots__ = ("file_name", "mime_type", "payload")

    def __init__(
        self,
        payload: BinaryIO,
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> None:
        self.payload = payload
        self.file_name = file_name
        self.mime_type = mime_type

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T_co = TypeVar("T_co", covariant=True)


class Response(Generic[T_co]):
    """A documented success of an endpoint: its status, raw content, headers and parsed body."""

    __slots__ = ("_parsed", "content", "headers", "status_code")

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]

    def __init__(
        self,
        *,
        status_code: HTTPStatus,
        content: bytes,
        headers: MutableMapping[str, str],
        parsed: T_co,
    ) -> None:
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self._parsed = parsed

    @property
    def parsed(self) -> T_co:
        """The body parsed into the documented model (None for a success without a body)."""
        return self._parsed

    def __repr__(self) -> str:
        return (
            f"Response(status_code={int(self.status_code)}, content=<{len(self.content)} bytes>, "
            f"parsed={self._parsed!r})"
        )


SECRET_MASK = "'***'"


def model_repr(
    name: str,
    fields: Iterable[tuple[str, object]],
    secrets: frozenset[str],
    additional_properties: Mapping[str, Any],
) -> str:
    """``Name(field=value, ...)``: UNSET fields left out, secret values masked.

    Fields the spec does not list (``additional_properties``) show their keys only: the API may
    add a secret field before the spec marks it.
    """
    parts = []
    for key, value in fields:
        if value is UNSET:
            continue
        if key in secrets and isinstance(value, str):
            parts.append(f"{key}={SECRET_MASK}")
        else:
            parts.append(f"{key}={value!r}")
    if additional_properties:
        parts.append(f"additional_keys={sorted(additional_properties)!r}")
    return f"{name}({', '.join(parts)})"


__all__ = [
    "SECRET_MASK",
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "model_repr",
]
