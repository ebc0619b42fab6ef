"""Strict JSON for request bodies: only what an answer can carry back, nothing that can crash.

Python's ``json`` reads more than JSON and trusts its input: ``NaN`` and ``1e400`` become
non-finite floats, a lone ``\\ud800`` escape becomes a string no UTF-8 answer can hold, a key
given twice silently keeps its last value (RFC 8259 4 leaves that to the reader, and another
reader may keep the first), and a few thousand nested brackets exhaust the interpreter's
recursion limit. Each of these is refused here with ``ValueError`` and a message that names the
problem, never a value.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from ._constants import MAX_JSON_DEPTH

# A JSON string, escapes included (the "unrolled loop" form: no backtracking).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


MAX_KEY_SHOWN = 64
"""Longest object key a message repeats in full; a longer one is cut (it came from the caller)."""


class UnsafeJSONError(ValueError):
    """JSON that parses in Python but must not be accepted; the message says why."""


class DuplicateKeyError(UnsafeJSONError):
    """An object gives the same key twice; ``key`` is that key (a name, never a value)."""

    def __init__(self, key: str) -> None:
        shown = key if len(key) <= MAX_KEY_SHOWN else key[:MAX_KEY_SHOWN] + "..."
        super().__init__(f"the key {json.dumps(shown)} appears more than once in an object")
        self.key = shown


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object from its pairs, refusing a key given twice (the last would win unseen)."""
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKeyError(key)
            seen.add(key)
    return value


def _not_json(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("a number is out of range")
    return value


def _nesting_depth(text: str, limit: int) -> int:
    """How deep arrays and objects nest in ``text``, counting no further than ``limit + 1``."""
    depth = deepest = 0
    for bracket in _BRACKET.finditer(_STRING.sub('""', text)):
        if bracket.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                break
        else:
            depth -= 1
    return deepest


def _has_lone_surrogate(value: Any) -> bool:
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            pending.extend(item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def loads_json(raw: bytes | str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``raw`` parsed as strict JSON; ``ValueError`` otherwise (``UnsafeJSONError`` says why)."""
    text = raw if isinstance(raw, str) else raw.decode(json.detect_encoding(raw))
    too_deep = f"arrays and objects nest deeper than {max_depth} levels"
    if _nesting_depth(text, max_depth) > max_depth:
        raise UnsafeJSONError(too_deep)
    try:
        value = json.loads(
            text,
            parse_constant=_not_json,
            parse_float=_finite,
            object_pairs_hook=_unique_keys,
        )
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise UnsafeJSONError(too_deep) from None
    if _has_lone_surrogate(value):
        raise UnsafeJSONError("a string holds a lone surrogate, which is not Unicode text")
    return value
