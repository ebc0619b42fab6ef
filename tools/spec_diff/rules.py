"""Classification rules that Optic's breaking-changes ruleset does not have.

Each rule compares the two dereferenced documents and returns the changes it finds. They cover
what a generated client sees and Optic does not check (measured with @useoptic 1.0.9):

- enum values, by what they do to a client generated before the change. A closed `enum`
  becomes an enum type that strict generated clients (Go, Java, C#) enforce when decoding: in a
  response, a value added breaks them (major), as does a value removed (the generated member
  goes away); in a request, a value added is minor and a value removed major. A string whose
  known values `x-extensible-enum` lists is a plain string to every generator: a value added is
  minor anywhere; a value removed is minor in a response (no client fails on a value it no
  longer receives) and major in a request. Turning a closed enum into an extensible one, or
  back, changes the generated type (major).
- request constraints made stricter: minLength, maximum, pattern, format, ... (Optic compares
  types only).
- a request field or parameter removed (callers that set it stop compiling at regeneration).
- a path parameter renamed (Optic matches `{id}` and `{client_id}` as the same path).
- generated names: operationId, first tag (the module in Python), component schema names.
- security: an accepted way to authenticate removed, or auth required where there was none.
- a request or response content type removed (Optic reports it as every property removed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tools.spec_diff.model import MISSING, Change, Level, pointer_of, segments

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
RULE = "own rule"

# Keys whose values are data or prose, not schema: never walked for schema keywords.
NOT_SCHEMA = frozenset({"example", "examples", "default", "const", "enum", "description"})
# Keys whose children are names chosen by the author, each holding a schema.
NAMED_SCHEMAS = frozenset({"properties", "patternProperties", "$defs", "definitions"})

LOWER_BOUNDS = ("minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum")
UPPER_BOUNDS = ("maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum")
EXACT = ("pattern", "format", "multipleOf", "const")


@dataclass(frozen=True)
class Operation:
    """One operation present in both documents, matched by method and path template."""

    method: str
    before_path: str
    after_path: str
    before: dict[str, Any]
    after: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.method.upper()} {self.after_path}"

    def pointer(self, side: str, *parts: str | int) -> str:
        path = self.before_path if side == "before" else self.after_path
        return pointer_of("paths", path, self.method, *parts)


def template(path: str) -> str:
    """The path with parameter names erased: `/a/{id}` and `/a/{client_id}` match."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def matched_operations(before: dict[str, Any], after: dict[str, Any]) -> list[Operation]:
    """Operations in both documents; removed and added ones are Optic's to report."""
    after_paths = {template(path): path for path in after.get("paths", {})}
    found = []
    for before_path, before_item in before.get("paths", {}).items():
        after_path = after_paths.get(template(before_path))
        if after_path is None:
            continue
        after_item = after["paths"][after_path]
        for method in HTTP_METHODS:
            if method in before_item and method in after_item:
                op = Operation(
                    method, before_path, after_path, before_item[method], after_item[method]
                )
                found.append(op)
    return found


def _parameters(op: dict[str, Any]) -> dict[tuple[str, str], tuple[int, dict[str, Any]]]:
    """An operation's parameters by (in, name), path parameters by position instead of name."""
    found: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}
    position = 0
    for index, param in enumerate(op.get("parameters", [])):
        if param.get("in") == "path":
            found[("path", str(position))] = (index, param)
            position += 1
        else:
            found[(str(param.get("in")), str(param.get("name")))] = (index, param)
    return found


@dataclass(frozen=True)
class SchemaPair:
    """The same schema in both documents, where a client sends it or receives it."""

    op: Operation
    before: Any
    after: Any
    before_pointer: str
    after_pointer: str
    place: str  # "request body application/json", "query parameter x", "response 200 ..."
    in_request: bool


def schema_pairs(op: Operation) -> Iterator[SchemaPair]:
    """The top-level schemas of one operation: parameters, request bodies, responses."""
    before_params, after_params = _parameters(op.before), _parameters(op.after)
    for key, (b_index, b_param) in before_params.items():
        if key not in after_params:
            continue
        a_index, a_param = after_params[key]
        yield SchemaPair(
            op,
            b_param.get("schema", {}),
            a_param.get("schema", {}),
            op.pointer("before", "parameters", b_index, "schema"),
            op.pointer("after", "parameters", a_index, "schema"),
            f"{key[0]} parameter {a_param.get('name')}",
            in_request=True,
        )
    b_content = op.before.get("requestBody", {}).get("content", {})
    a_content = op.after.get("requestBody", {}).get("content", {})
    for media in b_content.keys() & a_content.keys():
        yield SchemaPair(
            op,
            b_content[media].get("schema", {}),
            a_content[media].get("schema", {}),
            op.pointer("before", "requestBody", "content", media, "schema"),
            op.pointer("after", "requestBody", "content", media, "schema"),
            f"request body {media}",
            in_request=True,
        )
    b_responses, a_responses = op.before.get("responses", {}), op.after.get("responses", {})
    for status in b_responses.keys() & a_responses.keys():
        b_media = b_responses[status].get("content", {})
        a_media = a_responses[status].get("content", {})
        for media in b_media.keys() & a_media.keys():
            yield SchemaPair(
                op,
                b_media[media].get("schema", {}),
                a_media[media].get("schema", {}),
                op.pointer("before", "responses", status, "content", media, "schema"),
                op.pointer("after", "responses", status, "content", media, "schema"),
                f"response {status} {media}",
                in_request=False,
            )


@dataclass(frozen=True)
class Node:
    """A schema node present in both documents, with where it sits below its SchemaPair."""

    before: dict[str, Any]
    after: dict[str, Any]
    relative: tuple[str, ...]

    def field(self) -> str:
        """The property path of the node, `data.scopes[]`, or `(body)` at the top."""
        names: list[str] = []
        parts = self.relative
        for index, part in enumerate(parts):
            if index > 0 and parts[index - 1] in NAMED_SCHEMAS:
                names.append(part)
            elif part == "items" and names:
                names[-1] += "[]"
        return ".".join(names)


def walk(before: Any, after: Any, relative: tuple[str, ...] = ()) -> Iterator[Node]:
    """Every schema node present at the same place in both schemas."""
    if not (isinstance(before, dict) and isinstance(after, dict)):
        return
    yield Node(before, after, relative)
    named = bool(relative) and relative[-1] in NAMED_SCHEMAS
    for key in before.keys() & after.keys():
        if not named and (key in NOT_SCHEMA or key.startswith("x-")):
            continue
        b_value, a_value = before[key], after[key]
        if isinstance(b_value, list) and isinstance(a_value, list):
            for index, (b_item, a_item) in enumerate(zip(b_value, a_value, strict=False)):
                yield from walk(b_item, a_item, (*relative, key, str(index)))
        else:
            yield from walk(b_value, a_value, (*relative, key))


def _where(pair: SchemaPair, node: Node) -> str:
    return " ".join(part for part in (pair.op.name, pair.place, node.field()) if part)


def _change(
    level: Level, what: str, pair: SchemaPair, node: Node, keyword: str, inside: bool = False
) -> Change:
    """A change of one keyword of a schema node, pointed at on both sides."""
    pointers = tuple(
        pointer_of(*segments(top), *node.relative, keyword)
        for top in (pair.before_pointer, pair.after_pointer)
    )
    return Change(level, what, (_where(pair, node),), RULE, pointers, inside)


def _quoted(values: list[Any]) -> str:
    return ", ".join(repr(value) for value in values)


EXTENSIBLE = "x-extensible-enum"


def _enum_kind(node: dict[str, Any]) -> tuple[str, list[Any]] | None:
    """("enum" or EXTENSIBLE, the listed values) of a schema node, or None if it lists none."""
    for keyword in ("enum", EXTENSIBLE):
        values = node.get(keyword)
        if isinstance(values, list):
            return keyword, values
    return None


def _enum_value_changes(
    pair: SchemaPair, node: Node, keyword: str, b_enum: list[Any], a_enum: list[Any]
) -> list[Change]:
    """Values added to or removed from one enum, closed (`enum`) or extensible."""
    changes = []
    removed = [value for value in b_enum if value not in a_enum]
    added = [value for value in a_enum if value not in b_enum]
    closed = keyword == "enum"
    inside = not closed  # an x- key: the finding explains Optic's patch-level diff line too
    if removed:
        if pair.in_request:
            level, why = Level.MAJOR, "request: callers sending it are rejected"
        elif closed:
            level, why = Level.MAJOR, "response: the generated enum loses the member"
        else:
            level, why = Level.MINOR, "extensible response value: no client fails on it"
        what = f"enum value {_quoted(removed)} removed ({why})"
        changes.append(_change(level, what, pair, node, keyword, inside))
    if added:
        if pair.in_request:
            level, why = Level.MINOR, "request: one more value accepted"
        elif closed:
            level, why = (
                Level.MAJOR,
                "closed response enum: strict generated clients reject the new value",
            )
        else:
            level, why = (
                Level.MINOR,
                "extensible response value: clients keep values they do not know",
            )
        what = f"enum value {_quoted(added)} added ({why})"
        changes.append(_change(level, what, pair, node, keyword, inside))
    return changes


def enum_values(pairs: list[SchemaPair]) -> list[Change]:
    """Enum values added or removed, and enums opened or closed, each by what it does to a
    client generated before the change (see the module docstring)."""
    changes = []
    for pair in pairs:
        for node in walk(pair.before, pair.after):
            before, after = _enum_kind(node.before), _enum_kind(node.after)
            if before is None or after is None:
                continue
            (b_keyword, b_enum), (a_keyword, a_enum) = before, after
            if b_keyword == a_keyword:
                changes.extend(_enum_value_changes(pair, node, a_keyword, b_enum, a_enum))
                continue
            opened = a_keyword == EXTENSIBLE
            what = (
                "enum made extensible (x-extensible-enum): the generated enum type becomes a string"
                if opened
                else "extensible enum closed (enum): the generated string becomes an enum type"
            )
            pointers = (
                pointer_of(*segments(pair.before_pointer), *node.relative, b_keyword),
                pointer_of(*segments(pair.after_pointer), *node.relative, a_keyword),
            )
            where = (_where(pair, node),)
            changes.append(Change(Level.MAJOR, what, where, RULE, pointers, inside=True))
    return changes


def _tightened(keyword: str, before: Any, after: Any) -> bool:
    if after is MISSING or before == after:
        return False
    if keyword in LOWER_BOUNDS:
        return before is MISSING or after > before
    if keyword in UPPER_BOUNDS:
        return before is MISSING or after < before
    return True  # pattern, format, multipleOf, const: any new or different value


def request_constraints(pairs: list[SchemaPair]) -> list[Change]:
    """A request value the old spec allowed that the new one forbids breaks its senders."""
    changes = []
    for pair in pairs:
        if not pair.in_request:
            continue
        for node in walk(pair.before, pair.after):
            for keyword in (*LOWER_BOUNDS, *UPPER_BOUNDS, *EXACT):
                b_value = node.before.get(keyword, MISSING)
                a_value = node.after.get(keyword, MISSING)
                if _tightened(keyword, b_value, a_value):
                    was = "absent" if b_value is MISSING else repr(b_value)
                    what = f"request constraint {keyword} made stricter ({was} -> {a_value!r})"
                    changes.append(_change(Level.MAJOR, what, pair, node, keyword))
            if node.before.get("additionalProperties", True) is not False and (
                node.after.get("additionalProperties", True) is False
            ):
                what = "request object closed (additionalProperties: false): other fields rejected"
                changes.append(_change(Level.MAJOR, what, pair, node, "additionalProperties"))
            if node.after.get("uniqueItems") is True and node.before.get("uniqueItems") is not True:
                what = "request array items must now be unique"
                changes.append(_change(Level.MAJOR, what, pair, node, "uniqueItems"))
    return changes


def request_fields_removed(pairs: list[SchemaPair]) -> list[Change]:
    """A request field removed: callers that set it break when the client is regenerated."""
    changes = []
    for pair in pairs:
        if not pair.in_request:
            continue
        for node in walk(pair.before, pair.after):
            b_props, a_props = node.before.get("properties"), node.after.get("properties")
            if not (isinstance(b_props, dict) and isinstance(a_props, dict)):
                continue
            closed = node.before.get("additionalProperties") is False
            for name in sorted(b_props.keys() - a_props.keys()):
                what = f"request field {name!r} removed"
                if closed:
                    what += " (the body is closed: the server rejects it from old clients)"
                pointer = pointer_of(
                    *segments(pair.before_pointer), *node.relative, "properties", name
                )
                where = (_where(pair, node),)
                changes.append(Change(Level.MAJOR, what, where, RULE, (pointer,), inside=True))
    return changes


def parameters_removed(ops: list[Operation]) -> list[Change]:
    """A query, header or cookie parameter removed from an operation."""
    changes = []
    for op in ops:
        after_params = _parameters(op.after)
        for key, (index, param) in _parameters(op.before).items():
            if key[0] != "path" and key not in after_params:
                what = f"{key[0]} parameter {param.get('name')!r} removed"
                pointer = op.pointer("before", "parameters", index)
                changes.append(Change(Level.MAJOR, what, (op.name,), RULE, (pointer,), inside=True))
    return changes


def path_parameters_renamed(
    ops: list[Operation], before: dict[str, Any], after: dict[str, Any]
) -> list[Change]:
    """`/x/{id}` becoming `/x/{client_id}` renames an argument of every generated function."""
    changes = []
    renames: set[tuple[str, str]] = set()
    for op in ops:
        if op.before_path == op.after_path:
            continue
        b_names = re.findall(r"\{([^}]*)\}", op.before_path)
        a_names = re.findall(r"\{([^}]*)\}", op.after_path)
        pairs = [(b, a) for b, a in zip(b_names, a_names, strict=True) if b != a]
        renames.update(pairs)
        what = "path parameter " + ", ".join(f"{{{b}}} renamed to {{{a}}}" for b, a in pairs)
        pointers = (
            pointer_of("paths", op.before_path),
            pointer_of("paths", op.after_path),
        )
        changes.append(Change(Level.MAJOR, what, (op.name,), RULE, pointers, inside=True))
    # The shared parameter objects whose `name` the rename changed are part of the same change.
    b_params = before.get("components", {}).get("parameters", {})
    a_params = after.get("components", {}).get("parameters", {})
    extra = tuple(
        pointer_of("components", "parameters", key, "name")
        for key in b_params.keys() & a_params.keys()
        if (b_params[key].get("name"), a_params[key].get("name")) in renames
    )
    if changes and extra:
        first = changes[0]
        changes[0] = Change(
            first.level, first.what, first.where, first.source, first.pointers + extra, inside=True
        )
    return changes


def generated_names(
    ops: list[Operation], before: dict[str, Any], after: dict[str, Any]
) -> list[Change]:
    """Names that generators turn into functions, modules and types."""
    changes = []
    for op in ops:
        b_id, a_id = op.before.get("operationId"), op.after.get("operationId")
        if b_id != a_id:
            what = f"operationId {b_id!r} renamed to {a_id!r} (the generated function is renamed)"
            pointer = op.pointer("after", "operationId")
            changes.append(Change(Level.MAJOR, what, (op.name,), RULE, (pointer,)))
        b_tags, a_tags = op.before.get("tags") or [None], op.after.get("tags") or [None]
        if b_tags[0] != a_tags[0]:
            what = f"first tag {b_tags[0]!r} changed to {a_tags[0]!r} (the generated module moves)"
            pointers = (op.pointer("before", "tags"), op.pointer("after", "tags"))
            changes.append(Change(Level.MAJOR, what, (op.name,), RULE, pointers))
    b_schemas = before.get("components", {}).get("schemas", {})
    a_schemas = after.get("components", {}).get("schemas", {})
    for name in sorted(b_schemas.keys() - a_schemas.keys()):
        what = f"schema {name!r} removed or renamed (its generated model goes away)"
        pointer = pointer_of("components", "schemas", name)
        changes.append(Change(Level.MAJOR, what, ("components/schemas",), RULE, (pointer,), True))
    for name in sorted(a_schemas.keys() - b_schemas.keys()):
        what = f"schema {name!r} added (a new generated model)"
        pointer = pointer_of("components", "schemas", name)
        changes.append(Change(Level.MINOR, what, ("components/schemas",), RULE, (pointer,), True))
    return changes


def _requirements(document: dict[str, Any], op: dict[str, Any]) -> set[frozenset[str]]:
    """Each accepted way to authenticate, as the set of schemes it needs (empty: anonymous)."""
    security = op.get("security", document.get("security"))
    if not security:
        return {frozenset()}
    return {frozenset(requirement) for requirement in security}


def security(ops: list[Operation], before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Removing an accepted way to authenticate breaks the callers that use it."""
    changes = []
    for op in ops:
        b_req, a_req = _requirements(before, op.before), _requirements(after, op.after)
        pointers = (op.pointer("before", "security"), op.pointer("after", "security"))
        for requirement in sorted(b_req - a_req, key=sorted):
            way = " + ".join(sorted(requirement)) or "no authentication"
            what = f"security: {way} no longer accepted"
            changes.append(Change(Level.MAJOR, what, (op.name,), RULE, pointers))
        for requirement in sorted(a_req - b_req, key=sorted):
            way = " + ".join(sorted(requirement)) or "no authentication"
            changes.append(
                Change(Level.MINOR, f"security: {way} now accepted", (op.name,), RULE, pointers)
            )
    return changes


def content_types_removed(ops: list[Operation]) -> list[Change]:
    """A media type removed from a request body or a response."""
    changes = []
    for op in ops:
        b_body = op.before.get("requestBody", {}).get("content", {})
        a_body = op.after.get("requestBody", {}).get("content", {})
        for media in sorted(b_body.keys() - a_body.keys()):
            pointer = op.pointer("before", "requestBody", "content", media)
            what = f"request content type {media} removed"
            changes.append(Change(Level.MAJOR, what, (op.name,), RULE, (pointer,), inside=True))
        b_responses, a_responses = op.before.get("responses", {}), op.after.get("responses", {})
        for status in sorted(b_responses.keys() & a_responses.keys()):
            b_media = b_responses[status].get("content", {})
            a_media = a_responses[status].get("content", {})
            for media in sorted(b_media.keys() - a_media.keys()):
                pointer = op.pointer("before", "responses", status, "content", media)
                what = f"response {status} content type {media} removed"
                changes.append(Change(Level.MAJOR, what, (op.name,), RULE, (pointer,), inside=True))
    return changes


def own_changes(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    """Every change the rules of this module find between two dereferenced documents."""
    ops = matched_operations(before, after)
    pairs = [pair for op in ops for pair in schema_pairs(op)]
    return [
        *enum_values(pairs),
        *request_constraints(pairs),
        *request_fields_removed(pairs),
        *parameters_removed(ops),
        *path_parameters_renamed(ops, before, after),
        *generated_names(ops, before, after),
        *security(ops, before, after),
        *content_types_removed(ops),
    ]
