"""Every change between two versions of the spec, classified as major, minor or patch.

Three sources, in this order of authority:
1. this project's own rules (`rules.py`), for what Optic does not check;
2. the failures of Optic's breaking-changes ruleset, each a major change, except enum-value
   findings, which the own rules classify instead (they tell closed enums from extensible ones,
   `x-extensible-enum`, which Optic does not see);
3. every other difference Optic's diff lists: patch when it only touches prose, examples or
   `x-` extensions, minor otherwise.
What a finding already explains is not listed again: a removed operation is one change, not
one per property, and an edit to a shared schema is one change, not one per place using it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from tools.spec_diff.model import (
    MISSING,
    Change,
    Level,
    covers,
    lookup,
    pointer_of,
    readable,
    segments,
)
from tools.spec_diff.rules import RULE, own_changes

# Optic's enum findings that the own enum rule replaces (see rules.enum_values).
SUPERSEDED_OPTIC_MESSAGES = ("cannot add enum option", "cannot remove enum option")
ANNOTATION_KEYS = frozenset(
    {"description", "summary", "example", "examples", "title", "externalDocs"}
)
# Top-level sections that are documentation only.
ANNOTATION_SECTIONS = frozenset({"info", "tags", "externalDocs"})
# Containers whose children are names chosen by the author, not keywords.
NAMED_CONTAINERS = frozenset(
    {
        "paths",
        "properties",
        "patternProperties",
        "$defs",
        "schemas",
        "parameters",
        "responses",
        "headers",
        "requestBodies",
        "securitySchemes",
        "content",
        "examples",
    }
)
SHORT_VALUE = 60
LISTS_OF_NAMES = ("required", "enum")
DIFF = "Optic diff"


@dataclass(frozen=True)
class Comparison:
    """What Optic returned for one pair of documents."""

    before: dict[str, Any]
    after: dict[str, Any]
    diffs: list[dict[str, Any]]
    failures: list[dict[str, Any]]


def is_annotation(pointer: str) -> bool:
    """Whether a change at `pointer` only touches documentation (patch level)."""
    parts = segments(pointer)
    if parts[:1] and parts[0] in ANNOTATION_SECTIONS:
        return True
    for index, part in enumerate(parts):
        if index > 0 and parts[index - 1] in NAMED_CONTAINERS:
            continue
        if part in ANNOTATION_KEYS or part.startswith("x-"):
            return True
    return False


REMOVALS = ("cannot remove", "must not remove")


def optic_changes(failures: list[dict[str, Any]]) -> list[Change]:
    """Each failed Optic rule as a major change, less the enum findings the own rules replace."""
    changes = []
    for failure in failures:
        message = str(failure["error"])
        if message.startswith(SUPERSEDED_OPTIC_MESSAGES):
            continue
        what = message.removesuffix("This is a breaking change.").strip().rstrip(".")
        source = f"Optic: {failure['rule']}"
        where, pointers = (str(failure["where"]),), (str(failure["pointer"]),)
        changes.append(
            Change(Level.MAJOR, what, where, source, pointers, what.startswith(REMOVALS))
        )
    return changes


def _explains(outer: Change, inner: Change) -> bool:
    """Whether `outer` already says what the Optic finding `inner` says.

    A removal explains what Optic reports inside it (a removed operation is one change, not one
    per property); a finding of the own rules at the very same place replaces Optic's.
    """
    if outer is inner or outer.level < inner.level:
        return False
    return any(
        (outer.inside and covers(o_pointer, i_pointer))
        or (outer.source == RULE and o_pointer == i_pointer)
        for o_pointer in outer.pointers
        for i_pointer in inner.pointers
    )


def _value(document: dict[str, Any], pointer: str | None) -> Any:
    return MISSING if pointer is None else lookup(document, pointer)


def _dumps(value: Any) -> str:
    return "-" if value is MISSING else json.dumps(value, sort_keys=True, default=str)


def _tail(pointer: str) -> tuple[str, ...]:
    """The part of a pointer that names the changed thing: from its property name, if any.

    An entry of a `required` or `enum` list is named by its value, which the key carries.
    """
    parts = segments(pointer)
    for keyword in LISTS_OF_NAMES:
        if keyword in parts[-2:]:
            return (keyword,)
    for index in range(len(parts) - 1, 0, -1):
        if parts[index - 1] == "properties":
            return tuple(parts[index:])
    return tuple(parts[-2:])


def _touched(comparison: Comparison, diff: dict[str, Any]) -> list[str]:
    """The pointers a diff touches; a `required` entry also touches the properties it names."""
    found = []
    for side, document in (("before", comparison.before), ("after", comparison.after)):
        pointer = diff.get(side)
        if pointer is None:
            continue
        found.append(pointer)
        parts, value = segments(pointer), lookup(document, pointer)
        if len(parts) >= 2 and parts[-2] == "required" and isinstance(value, str):
            found.append(pointer_of(*parts[:-2], "properties", value))
        elif parts[-1:] == ["required"] and isinstance(value, list):
            found.extend(pointer_of(*parts[:-1], "properties", str(name)) for name in value)
    return found


def _describe(kind: str, before: Any, after: Any) -> str:
    if (
        kind == "changed"
        and not isinstance(before, dict | list)
        and not isinstance(after, dict | list)
    ):
        shown = f"{_dumps(before)} -> {_dumps(after)}"
        if len(shown) <= SHORT_VALUE:
            return f"changed ({shown})"
    return kind


@dataclass(frozen=True)
class _Edit:
    """One entry of Optic's diff, with what it changed."""

    pointer: str
    diff: dict[str, Any]
    kind: str
    before: Any
    after: Any

    def key(self, *where: str) -> tuple[str, ...]:
        return (self.kind, *where, _dumps(self.before), _dumps(self.after))


def _edits(comparison: Comparison) -> list[_Edit]:
    edits = []
    for diff in comparison.diffs:
        b_pointer, a_pointer = diff.get("before"), diff.get("after")
        pointer = a_pointer or b_pointer
        if pointer is None or pointer == "/info/version":
            continue  # the version itself is what is being judged
        kind = "changed" if a_pointer and b_pointer else "added" if a_pointer else "removed"
        before, after = _value(comparison.before, b_pointer), _value(comparison.after, a_pointer)
        edits.append(_Edit(pointer, diff, kind, before, after))
    return edits


def _same_edits(edits: list[_Edit]) -> list[list[_Edit]]:
    """Entries of Optic's diff grouped by the edit they show.

    Optic's documents are dereferenced, so one edit to a shared schema shows up at each place
    that uses it: under /paths (same kind, same property, same values) and under /components,
    where only the last key and the values say it is the same edit.
    """
    groups: dict[tuple[str, ...], list[_Edit]] = defaultdict(list)
    components = []
    for edit in edits:
        if edit.pointer.startswith("/components/"):
            components.append(edit)
        else:
            groups[edit.key(*_tail(edit.pointer))].append(edit)
    by_last: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for key, members in groups.items():
        by_last[members[0].key(segments(members[0].pointer)[-1])].append(key)
    for edit in components:
        exact = edit.key(*_tail(edit.pointer))
        loose = by_last.get(edit.key(segments(edit.pointer)[-1]), [])
        if exact in groups or len(loose) != 1:
            groups[exact].append(edit)
        else:
            groups[loose[0]].append(edit)
    return list(groups.values())


def diff_changes(comparison: Comparison, findings: list[Change]) -> list[Change]:
    """Every edit no finding explains: patch if it only touches documentation, else minor."""
    changes = []
    for group in _same_edits(_edits(comparison)):
        annotation = all(is_annotation(edit.pointer) for edit in group)
        touched = [pointer for edit in group for pointer in _touched(comparison, edit.diff)]
        if any(
            covers(outer, inner) and (finding.inside or not annotation)
            for finding in findings
            for outer in finding.pointers
            for inner in touched
        ):
            continue
        group.sort(key=lambda edit: (len(edit.pointer), edit.pointer))
        first = group[0]
        where = readable(first.pointer)
        places = {edit.pointer for edit in group}
        if len(places) > 1:
            where += f" (and {len(places) - 1} more places)"
        level = Level.PATCH if annotation else Level.MINOR
        what = _describe(first.kind, first.before, first.after)
        changes.append(Change(level, what, (where,), DIFF, tuple(sorted(places))))
    return changes


def merged(changes: list[Change]) -> list[Change]:
    """Findings that say the same thing at several places, as one change with those places.

    Differences from Optic's diff stay one per line: their `what` is only the kind of edit.
    """
    by_key: dict[tuple[Level, str, str], list[Change]] = defaultdict(list)
    for index, change in enumerate(changes):
        distinct = str(index) if change.source == DIFF else ""
        by_key[(change.level, change.what + distinct, change.source)].append(change)
    result = []
    for (level, _, source), group in by_key.items():
        what = group[0].what
        where = tuple(sorted({place for change in group for place in change.where}))
        pointers = tuple(sorted({p for change in group for p in change.pointers}))
        result.append(Change(level, what, where, source, pointers))
    return sorted(result, key=lambda c: (-c.level, c.where, c.what))


def classify(comparison: Comparison) -> list[Change]:
    """Every change from `comparison.before` to `comparison.after`, each with its level."""
    optic = optic_changes(comparison.failures)
    own = own_changes(comparison.before, comparison.after)
    findings = own + [
        change for change in optic if not any(_explains(other, change) for other in own + optic)
    ]
    return merged(findings + diff_changes(comparison, findings))
