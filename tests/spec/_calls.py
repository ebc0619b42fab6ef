"""Calling a generated operation with the spec's own examples, for the spec tests."""

from __future__ import annotations

import importlib
import re
import types
import typing
from enum import Enum
from typing import Any
from uuid import UUID

from telnyx_oauth_api.types import Unset
from tests.spec._spec import Operation, resolve


def module_of(op: Operation) -> types.ModuleType:
    return importlib.import_module(f"telnyx_oauth_api.api.{op.tag}.{op.operation_id}")


def python_name(parameter_name: str) -> str:
    """The generated Python name for a parameter: brackets are word breaks, so `page[number]`
    becomes `page_number` and `filter[name][contains]` becomes `filter_name_contains`."""
    return "_".join(re.findall(r"[0-9a-zA-Z_]+", parameter_name))


def as_annotation(value: Any, annotation: Any) -> Any:
    """The example value as the type the generated function takes (an enum, a UUID, a model)."""
    candidates = [a for a in typing.get_args(annotation) or (annotation,) if a is not Unset]
    kind = candidates[0]
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is UUID:
        return UUID(value)
    if hasattr(kind, "from_dict"):
        return kind.from_dict(value)
    return value


def call_arguments(op: Operation) -> dict[str, Any]:
    """Keyword arguments for the generated function, from the spec's examples."""
    hints = typing.get_type_hints(module_of(op).sync_detailed)
    arguments: dict[str, Any] = {}
    for param in op.parameters:
        name = python_name(param["name"])
        arguments[name] = as_annotation(param["example"], hints[name])
    if "requestBody" in op.data:
        media = next(iter(resolve(op.data["requestBody"])["content"].values()))
        example = next(iter(media["examples"].values()))["value"]
        arguments["body"] = as_annotation(example, hints["body"])
    return arguments
