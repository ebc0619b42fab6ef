"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define, field


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        # The module attribute's name: pickle and copy give back the one UNSET.
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


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T", covariant=True)


def _content_repr(content: bytes) -> str:
    return f"<{len(content)} bytes>"


@define
class Response(Generic[T]):
    """A documented success of an endpoint: its status, raw content, headers and parsed body."""

    status_code: HTTPStatus
    content: bytes = field(repr=_content_repr)
    headers: MutableMapping[str, str] = field(repr=False)
    parsed: T


SECRET_MASK = "'***'"


def secret_repr(value: object) -> str:
    """repr() of a field the spec marks `x-secret`: masked when set."""
    return SECRET_MASK if isinstance(value, str) else repr(value)


def keys_repr(additional_properties: Mapping[str, object]) -> str:
    """repr() of the fields the spec does not list: their keys only."""
    return repr(sorted(additional_properties))


__all__ = [
    "SECRET_MASK",
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "keys_repr",
    "secret_repr",
]
