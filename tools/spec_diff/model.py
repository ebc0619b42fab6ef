"""The words of the spec diff: levels, changes, and JSON pointers into a dereferenced document."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any


class Level(IntEnum):
    """What a change is for a generated client, as a semantic version bump."""

    PATCH = 0  # descriptions, summaries, examples, x- extensions: no generated code changes
    MINOR = 1  # code generated from the previous version keeps working
    MAJOR = 2  # code generated from the previous version, or code using it, can break

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Change:
    """One classified change between two versions of the spec.

    `where` names the places, readably; `pointers` are the JSON pointers into the dereferenced
    documents that the change explains, so an echo of it (Optic's diff lists the same edit at
    every place a shared schema is used) is not listed again.
    """

    level: Level
    what: str
    where: tuple[str, ...]
    source: str
    pointers: tuple[str, ...] = ()
    # A removal or rename explains everything inside its pointers, not only what is there.
    inside: bool = False

    def lines(self, prefix: str = "") -> list[str]:
        """How the report shows the change: one line, or one more per place when several."""
        head = f"{prefix}{self.level!s:<5}  "
        if len(self.where) == 1:
            return [f"{head}{self.where[0]}: {self.what}  [{self.source}]"]
        places = [f"{' ' * len(head)}at {place}" for place in self.where]
        return [f"{head}{self.what}  [{self.source}]", *places]


class SpecDiffError(Exception):
    """The comparison could not run; the message says why and what to do."""


MISSING: Any = object()


def escape(segment: str) -> str:
    """One JSON pointer segment (RFC 6901)."""
    return segment.replace("~", "~0").replace("/", "~1")


def segments(pointer: str) -> list[str]:
    """The unescaped segments of a JSON pointer."""
    if not pointer:
        return []
    return [part.replace("~1", "/").replace("~0", "~") for part in pointer.lstrip("/").split("/")]


def pointer_of(*parts: str | int) -> str:
    return "".join(f"/{escape(str(part))}" for part in parts)


def lookup(document: Any, pointer: str) -> Any:
    """The value at `pointer` in `document`, or MISSING."""
    node = document
    for part in segments(pointer):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return MISSING
    return node


def covers(outer: str, inner: str) -> bool:
    """Whether `inner` is `outer` or lies under it."""
    return inner == outer or inner.startswith(outer + "/")


def readable(pointer: str) -> str:
    """A pointer as a person reads it: `GET /v2/x requestBody/...` for operations."""
    parts = segments(pointer)
    if len(parts) >= 3 and parts[0] == "paths":
        rest = "/".join(parts[3:])
        return f"{parts[2].upper()} {parts[1]}" + (f" {rest}" if rest else "")
    if len(parts) == 2 and parts[0] == "paths":
        return parts[1]
    return "/".join(parts)
