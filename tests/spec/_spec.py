"""Reading openapi/telnyx-oauth.yaml for the spec tests: operations, examples, schema validators."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "telnyx-oauth.yaml"
_SPEC_URI = "urn:telnyx-oauth-spec"
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


@cache
def load_spec() -> dict[str, Any]:
    """The spec as plain data."""
    spec: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, as the tests need it."""

    path: str
    method: str
    data: dict[str, Any]
    path_parameters: tuple[dict[str, Any], ...]

    @property
    def operation_id(self) -> str:
        return str(self.data["operationId"])

    @property
    def tag(self) -> str:
        return str(self.data["tags"][0])

    @property
    def parameters(self) -> list[dict[str, Any]]:
        own = [resolve(p) for p in self.data.get("parameters", [])]
        return [*(resolve(p) for p in self.path_parameters), *own]

    def success(self) -> tuple[int, dict[str, Any]]:
        """The 2xx or 3xx status this operation succeeds with, and its response object."""
        for status, response in sorted(self.data["responses"].items()):
            if str(status).startswith(("2", "3")):
                return int(status), resolve(response)
        raise AssertionError(f"{self.operation_id} has no success response")


def operations() -> list[Operation]:
    """Every operation in the spec, in document order."""
    found = []
    for path, item in load_spec()["paths"].items():
        shared = tuple(item.get("parameters", []))
        for method in HTTP_METHODS:
            if method in item:
                found.append(Operation(path, method, item[method], shared))
    return found


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` (one level is all this spec uses outside schemas)."""
    ref = node.get("$ref")
    if ref is None:
        return node
    target: Any = load_spec()
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return resolve(target)


@dataclass(frozen=True)
class Example:
    """One example value in the spec, with the schema it must satisfy."""

    operation_id: str
    part: str  # "parameter NAME", "request", or the response status
    name: str
    schema: dict[str, Any]
    value: Any

    @property
    def where(self) -> str:
        return f"{self.operation_id} {self.part} {self.name}"

    @property
    def component(self) -> str | None:
        """The named component schema the example is of, if any."""
        ref = self.schema.get("$ref", "")
        return ref.rsplit("/", 1)[-1] if ref.startswith("#/components/schemas/") else None


def _media_examples(op: Operation, part: str, content: dict[str, Any]) -> Iterator[Example]:
    for media in content.values():
        for name, example in media.get("examples", {}).items():
            yield Example(op.operation_id, part, name, media["schema"], example["value"])


def examples() -> list[Example]:
    """Every example in the spec: parameters, request bodies and responses."""
    found: list[Example] = []
    for op in operations():
        for param in op.parameters:
            if "example" in param:
                part = f"parameter {param['name']}"
                found.append(Example(op.operation_id, part, "", param["schema"], param["example"]))
        if "requestBody" in op.data:
            content = resolve(op.data["requestBody"])["content"]
            found.extend(_media_examples(op, "request", content))
        for status, response in op.data["responses"].items():
            content = resolve(response).get("content", {})
            found.extend(_media_examples(op, str(status), content))
    return found


@cache
def _registry() -> Registry[Any]:
    resource: Resource[Any] = Resource.from_contents(load_spec(), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)
    return registry


def validator(
    schema: dict[str, Any],
    *,
    kind: type[Validator] = Draft202012Validator,
    format_checker: FormatChecker | None = None,
) -> Validator:
    """A JSON Schema 2020-12 validator (or a ``kind`` derived from it) whose local refs point
    into the spec; every format jsonschema knows is checked unless ``format_checker`` says."""
    rooted = json.loads(json.dumps(schema).replace('"#/', f'"{_SPEC_URI}#/'))
    return kind(rooted, registry=_registry(), format_checker=format_checker or FormatChecker())


def normalised(value: Any) -> Any:
    """The value with date-times as datetimes: `Z` and `+00:00` are the same instant."""
    if isinstance(value, dict):
        return {key: normalised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalised(item) for item in value]
    if isinstance(value, str) and len(value) >= 20 and value[10:11] == "T":
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    return value
