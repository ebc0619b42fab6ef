"""Request validation driven by ``openapi/telnyx-oauth.yaml`` itself.

The spec is read and every validator compiled once, when the app is created; a request costs one
dictionary lookup and a jsonschema pass. Messages name the field and never echo the value (it may
be a secret). ``_endpoint`` is the one place that runs these checks on a request.
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from ._problems import Problem

SPEC_FILENAME = "telnyx-oauth.yaml"
_SPEC_URI = "urn:telnyx-oauth:openapi"
_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
# The spec bounds some integers (page[size]) and not others (page[number]): any integer the
# spec allows must be accepted, so the length limit only guards int() against huge inputs.
_INTEGER = re.compile(r"[+-]?\d{1,1000}")


def default_spec_path() -> Path:
    """The spec shipped in the wheel, else ``<repo>/openapi/telnyx-oauth.yaml``."""
    shipped = importlib.resources.files("telnyx_oauth_sandbox").joinpath(SPEC_FILENAME)
    if shipped.is_file():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[2] / "openapi" / SPEC_FILENAME


@dataclass
class _Parameter:
    name: str
    location: str
    required: bool
    kind: str
    validator: Draft202012Validator


@dataclass
class Operation:
    """One operation of the spec: where it lives, its tag, and validators for its input."""

    operation_id: str
    method: str
    path: str
    tag: str
    statuses: frozenset[int]
    parameters: list[_Parameter] = field(default_factory=list)
    body_required: bool = False
    body_validators: dict[str, Draft202012Validator] = field(default_factory=dict)

    def body_validator(self) -> Draft202012Validator | None:
        """The validator of the request body, whatever its media type in the spec."""
        return next(iter(self.body_validators.values()), None)

    @property
    def body_media_type(self) -> str | None:
        """The media type the spec gives the request body, or None without a body."""
        return next(iter(self.body_validators), None)

    def check_parameters(
        self,
        query: Mapping[str, str],
        path_params: Mapping[str, str] | None = None,
        repeated: Collection[str] = (),
    ) -> tuple[dict[str, Any], list[Problem]]:
        """Coerce and validate query/path parameters; return their values and the problems.

        ``repeated`` names the query parameters given more than once: one the spec declares is
        a problem (RFC 6749 3.1), whatever its values; others are ignored like any unknown one.
        """
        values: dict[str, Any] = {}
        problems: list[Problem] = []
        for parameter in self.parameters:
            source = path_params if parameter.location == "path" else query
            if parameter.location not in ("path", "query") or source is None:
                continue
            if parameter.location == "query" and parameter.name in repeated:
                problems.append(Problem(parameter.name, "must not be repeated", "repeated"))
                continue
            if parameter.name not in source:
                if parameter.required:
                    problems.append(Problem(parameter.name, "is required", "required"))
                continue
            value = _coerce(source[parameter.name], parameter.kind)
            error = _first_error(parameter.validator.iter_errors(value))
            if error is not None:
                problems.append(Problem(parameter.name, _message(error), str(error.validator)))
            else:
                values[parameter.name] = value
        return values, problems

    def check_body(self, body: Any) -> list[Problem]:
        validator = self.body_validator()
        if validator is None:
            return []
        return [problem_of(error) for error in _sorted_errors(validator.iter_errors(body))]


class Spec:
    """The operations of the spec, by operationId, with compiled validators."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)
        self.operations: dict[str, Operation] = {}
        for path, raw_item in (document.get("paths") or {}).items():
            item, item_pointer = self._deref(raw_item, _pointer("paths", path))
            shared = item.get("parameters") or []
            for method in _HTTP_METHODS:
                if method not in item:
                    continue
                op = item[method]
                op_pointer = f"{item_pointer}/{method}"
                operation = Operation(
                    operation_id=op.get("operationId", f"{method} {path}"),
                    method=method.upper(),
                    path=path,
                    tag=(op.get("tags") or [""])[0],
                    statuses=frozenset(
                        int(code) for code in (op.get("responses") or {}) if code.isdigit()
                    ),
                )
                seen: set[tuple[str, str]] = set()
                own = [
                    (p, f"{op_pointer}/parameters/{i}")
                    for i, p in enumerate(op.get("parameters") or [])
                ]
                inherited = [(p, f"{item_pointer}/parameters/{i}") for i, p in enumerate(shared)]
                for raw, raw_pointer in own + inherited:
                    parameter, pointer = self._deref(raw, raw_pointer)
                    key = (parameter["name"], parameter["in"])
                    if key in seen:
                        continue
                    seen.add(key)
                    operation.parameters.append(
                        _Parameter(
                            name=parameter["name"],
                            location=parameter["in"],
                            required=bool(parameter.get("required", False)),
                            kind=self._kind(parameter.get("schema") or {}),
                            validator=self._validator(f"{pointer}/schema"),
                        )
                    )
                if "requestBody" in op:
                    body, body_pointer = self._deref(op["requestBody"], f"{op_pointer}/requestBody")
                    operation.body_required = bool(body.get("required", False))
                    for media_type in body.get("content") or {}:
                        schema_pointer = f"{body_pointer}/content/{_escape(media_type)}/schema"
                        operation.body_validators[media_type] = self._validator(schema_pointer)
                self.operations[operation.operation_id] = operation

    @classmethod
    def load(cls, path: Path | None = None) -> Spec:
        text = (path or default_spec_path()).read_text(encoding="utf-8")
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return cls(yaml.load(text, Loader=loader))  # noqa: S506 - a safe loader

    def _validator(self, pointer: str) -> Draft202012Validator:
        # With the format checker, `format: uri` and `date-time` are enforced as the spec says.
        return Draft202012Validator(
            {"$ref": f"{_SPEC_URI}#{pointer}"},
            registry=self._registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )

    def _resolve_pointer(self, pointer: str) -> Any:
        node: Any = self.document
        for part in pointer.lstrip("/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def _deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            pointer = ref[1:] if ref.startswith("#") else ref
            node = self._resolve_pointer(pointer)
        return node, pointer

    def _kind(self, schema: Any) -> str:
        schema, _ = self._deref(schema, "")
        kind = schema.get("type", "string") if isinstance(schema, dict) else "string"
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "string")
        return str(kind)


def _pointer(*parts: str) -> str:
    return "/" + "/".join(_escape(p) for p in parts)


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _coerce(raw: str, kind: str) -> Any:
    if kind == "integer" and _INTEGER.fullmatch(raw):
        return int(raw)
    if kind == "boolean" and raw in ("true", "false"):
        return raw == "true"
    if kind == "number":
        try:
            return float(raw)
        except ValueError:
            return raw
    return raw


def _sorted_errors(errors: Iterable[ValidationError]) -> list[ValidationError]:
    return sorted(errors, key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))


def _first_error(errors: Iterable[ValidationError]) -> ValidationError | None:
    ordered = _sorted_errors(errors)
    return ordered[0] if ordered else None


def _path(parts: Iterable[Any]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def problem_of(error: ValidationError) -> Problem:
    """The ``Problem`` a jsonschema error describes, naming the field and never the value."""
    base = _path(error.absolute_path)
    keyword = str(error.validator)
    if error.validator == "required" and isinstance(error.instance, dict):
        declared: Any = error.validator_value
        required: list[Any] = list(declared) if isinstance(declared, list) else []
        missing = [name for name in required if name not in error.instance]
        # jsonschema raises one error per missing property, each carrying the whole list: its
        # message ("'name' is a required property") says which one this error is about.
        name = next(
            (n for n in missing if error.message.startswith(f"{n!r} ")),
            missing[0] if missing else "",
        )
        return Problem(f"{base}.{name}" if base else name, "is required", keyword)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(
            (error.schema.get("properties") or {}) if isinstance(error.schema, dict) else ()
        )
        extra = sorted(k for k in error.instance if k not in known)
        name = extra[0] if extra else ""
        return Problem(f"{base}.{name}" if base else name, "is not allowed", keyword)
    return Problem(base, _message(error), keyword)


def _message(error: ValidationError) -> str:
    """A message for ``error`` that never repeats the offending value."""
    value: Any = error.validator_value
    kind = error.validator
    if kind == "type":
        types = value if isinstance(value, list) else [value]
        return "must be of type " + " or ".join(str(t) for t in types)
    if kind == "enum":
        return "must be one of: " + ", ".join(str(v) for v in value)
    if kind == "const":
        return f"must be {value}"
    if kind == "minimum":
        return f"must be >= {value}"
    if kind == "maximum":
        return f"must be <= {value}"
    if kind == "minLength":
        return "must not be empty" if value == 1 else f"must be at least {value} characters"
    if kind == "maxLength":
        return f"must be at most {value} characters"
    if kind == "minItems":
        return f"must have at least {value} items"
    if kind == "maxItems":
        return f"must have at most {value} items"
    if kind == "pattern":
        return "has the wrong format"
    if kind == "format":
        return f"must be a valid {value}"
    if kind == "required":
        return "is required"
    if kind == "additionalProperties":
        return "has fields that are not allowed"
    return "is invalid"
