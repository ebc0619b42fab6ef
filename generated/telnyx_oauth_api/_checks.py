"""Reading JSON into the generated attrs models, checked against their types.

Every generated model's ``from_dict()`` calls ``from_json``. It reads the model's field types
(``attrs.fields`` and the annotations the generator wrote from the spec) once per class and
builds a small parser for each field, so the checks follow the spec wherever the generator
puts a type: a ``$ref``, a nullable ``$ref`` (``oneOf: [{$ref}, {type: "null"}]``), an array, or
a union of several types. One function for every model keeps that logic out of the templates,
where neither ruff nor mypy could see it.

A value that does not match raises ``InvalidDataError`` naming the field's path
(``data[3].client_id``) and the JSON type found, never the value (it could be a secret). Fields
the spec does not list land in ``additional_properties``; an enum value the spec does not list
yet parses (the enums' ``_missing_``), as the API adds values over time.
"""

from __future__ import annotations

import datetime
import enum
import sys
import types
import typing
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._exceptions import InvalidDataError
from .types import UNSET, Unset

if TYPE_CHECKING:
    from uuid import UUID

_M = TypeVar("_M")
_Parse = Callable[[Any], Any]
# The plan of a model class: per field (attribute, JSON key, parser, required, fast types), where
# a value of exactly a fast type (a field's one scalar type, and None when it is nullable) is
# taken as it is without calling the parser (most fields are strings); then the parser of
# additional properties (None: kept as they are) and whether the class keeps them at all.
_Field = tuple[str, str, _Parse, bool, type | None, type | None]
_Plan = tuple[tuple[_Field, ...], _Parse | None, bool]


def json_type_name(value: object) -> str:
    """The JSON name of ``value``'s type (``string``, ``number``, ``array``...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _wrong(expected: str, value: object) -> InvalidDataError:
    return InvalidDataError(f"expected {expected}, got {json_type_name(value)}")


def from_json(cls: type[_M], data: object, json_names: Mapping[str, str]) -> _M:
    """An instance of the attrs model ``cls`` read from the JSON object ``data``.

    ``json_names`` maps each attribute to its key in JSON (the generator's renames). The object
    is built without ``__init__``: its values are already checked and converted.
    """
    read = _READERS.get(cls)
    if read is None:
        read = _READERS[cls] = _compile(cls, _plan(cls, json_names))
    if type(data) is not dict and not isinstance(data, Mapping):  # JSON gives dicts: no ABC check
        raise _wrong("an object", data)
    result: _M = read(data)
    return result


_READERS: dict[type, Callable[[Mapping[str, Any]], Any]] = {}


def _compile(cls: type, plan: _Plan) -> Callable[[Mapping[str, Any]], Any]:
    """The reader of one model class: straight-line code, one block per field, written from the
    plan once per class as attrs writes a class's ``__init__`` (a loop over the plan cost a
    list of 100 clients half as much again as the code it replaced)."""
    fields, parse_extra, keeps_extra = plan
    names: dict[str, Any] = {
        "new": cls.__new__,
        "cls": cls,
        "set_value": object.__setattr__,
        "UNSET": UNSET,
        "InvalidDataError": InvalidDataError,
        "parse_extra": parse_extra,
        "known": frozenset(field[1] for field in fields),
    }
    lines = ["def read(data):", "    obj = new(cls)", "    get = data.get", "    found = 0"]
    for index, (attribute, key, parse, required, fast, fast_null) in enumerate(fields):
        # repr() makes both names Python literals, whatever characters the spec used.
        json_key, name = repr(key), repr(attribute)
        names[f"parse_{index}"] = parse
        lines += [f"    value = get({json_key}, UNSET)", "    if value is UNSET:"]
        if required:
            lines.append(
                f"        raise InvalidDataError('required field is missing').within({json_key})"
            )
        else:
            lines.append(f"        set_value(obj, {name}, UNSET)")
        lines += ["    else:", "        found += 1"]
        checks = []
        if fast is not None:
            names[f"fast_{index}"] = fast
            checks.append(f"type(value) is fast_{index}")
        if fast_null is not None:
            checks.append("value is None")
        indent = "        "
        if checks:
            lines += [
                f"        if {' or '.join(checks)}:",
                f"            set_value(obj, {name}, value)",
            ]
            lines.append("        else:")
            indent = "            "
        lines += [
            f"{indent}try:",
            f"{indent}    set_value(obj, {name}, parse_{index}(value))",
            f"{indent}except InvalidDataError as exc:",
            f"{indent}    raise exc.within({json_key}) from None",
        ]
    if keeps_extra:
        # Only a body with keys the spec does not list pays for finding them.
        lines += [
            "    extra = {}",
            "    if found < len(data):",
            "        extra = {key: value for key, value in data.items() if key not in known}",
        ]
        if parse_extra is not None:
            lines += [
                "    for key, value in extra.items():",
                "        try:",
                "            extra[key] = parse_extra(value)",
                "        except InvalidDataError as exc:",
                "            raise exc.within(key) from None",
            ]
        lines.append("    set_value(obj, 'additional_properties', extra)")
    lines.append("    return obj")
    code = compile("\n".join(lines), f"<from_json {cls.__module__}.{cls.__qualname__}>", "exec")
    exec(code, names)  # noqa: S102 - code written above from the class's own field names
    reader: Callable[[Mapping[str, Any]], Any] = names["read"]
    return reader


class _ModelNames(dict[str, Any]):
    """Names for the annotations: a model's module imports the models it only names in types
    under TYPE_CHECKING (to avoid import cycles), so they are looked up in the models package."""

    def __init__(self, package: str) -> None:
        super().__init__()
        self._package = package

    def __missing__(self, name: str) -> Any:
        try:
            return getattr(import_module(self._package), name)
        except AttributeError:
            raise KeyError(name) from None


def _plan(cls: type, json_names: Mapping[str, str]) -> _Plan:
    package = cls.__module__.rpartition(".")[0]
    hints = typing.get_type_hints(cls, localns=_ModelNames(package))
    fields = []
    parse_extra: _Parse | None = None
    keeps_extra = False
    for field in attrs.fields(cls):
        hint = hints[field.name]
        if field.name == "additional_properties" and field.name not in json_names:
            keeps_extra = True
            value_type = typing.get_args(hint)[1]
            parse_extra = None if value_type is Any else parser(value_type)
            continue
        members = _members(hint)
        required = Unset not in members
        scalars = [m for m in members if m is not Unset and m is not type(None)]
        fast = scalars[0] if len(scalars) == 1 and scalars[0] in (str, bool, int, float) else None
        fast_null = type(None) if fast is not None and type(None) in members else None
        key = json_names[field.name]
        fields.append((field.name, key, parser(hint), required, fast, fast_null))
    return tuple(fields), parse_extra, keeps_extra


def _members(hint: Any) -> tuple[Any, ...]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return (hint,)


def _identity(value: Any) -> Any:
    return value


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise _wrong("a string", value)
    return value


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _wrong("a boolean", value)
    return value


def _integer(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _wrong("an integer", value)
    return value


def _number(value: Any) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise _wrong("a number", value)
    return float(value)


def _date_time(value: Any) -> datetime.datetime:
    # Python 3.11's fromisoformat reads every form RFC 3339 allows.
    if not isinstance(value, str):
        raise _wrong("a date-time string", value)
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidDataError(
            "expected a date-time string, got a string that is not one"
        ) from None


def _date(value: Any) -> datetime.date:
    if not isinstance(value, str):
        raise _wrong("a date string", value)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise InvalidDataError("expected a date string, got a string that is not one") from None


def _uuid(value: Any) -> UUID:
    from uuid import UUID  # only models with a UUID field need it, and they imported it

    if not isinstance(value, str):
        raise _wrong("a UUID string", value)
    try:
        return UUID(value)
    except ValueError:
        raise InvalidDataError("expected a UUID string, got a string that is not one") from None


_SCALARS: dict[Any, tuple[_Parse, str]] = {
    str: (_string, "a string"),
    bool: (_boolean, "a boolean"),
    int: (_integer, "an integer"),
    float: (_number, "a number"),
    datetime.datetime: (_date_time, "a date-time string"),
    datetime.date: (_date, "a date string"),
}


def _is_uuid(hint: Any) -> bool:
    uuid = sys.modules.get("uuid")
    return uuid is not None and hint is uuid.UUID


def describe(hint: Any) -> str:
    """What a message says was expected for ``hint`` (``a string``, ``an object``...)."""
    if hint in _SCALARS:
        return _SCALARS[hint][1]
    if _is_uuid(hint):
        return "a UUID string"
    origin = typing.get_origin(hint)
    if origin is list:
        return "an array"
    if isinstance(hint, type) and attrs.has(hint):
        return f"an object ({hint.__name__})"
    if origin is dict:
        return "an object"
    if origin in (typing.Union, types.UnionType):
        members = [m for m in typing.get_args(hint) if m is not Unset]
        return " or ".join(describe(member) for member in members)
    if hint is type(None):
        return "null"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "a string"
    return "a value"


def parser(hint: Any) -> _Parse:
    """The function that checks and converts a JSON value for the annotation ``hint``."""
    if hint is Any or hint is object:
        return _identity
    if hint in _SCALARS:
        return _SCALARS[hint][0]
    if _is_uuid(hint):
        return _uuid
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _union(hint)
    if origin is list:
        item = typing.get_args(hint)[0]
        return _list(parser(item), item if item in (str, bool, int) else None)
    if origin is dict:
        return _dict(parser(typing.get_args(hint)[1]))
    if origin is typing.Literal:
        return _literal(typing.get_args(hint))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum(hint)
    if isinstance(hint, type) and attrs.has(hint):
        return _model(hint)
    if isinstance(hint, type) and hint.__module__ == f"{__package__}.types":
        return _identity  # File: a request body, never read from JSON
    # A type the generator emits that this module does not know yet: fail at once, loudly.
    raise TypeError(f"no JSON parser for {hint!r}")  # pragma: no cover


def _union(hint: Any) -> _Parse:
    members = [m for m in typing.get_args(hint) if m is not Unset]
    nullable = type(None) in members
    others = [m for m in members if m is not type(None)]
    expected = " or ".join([describe(m) for m in others] + (["null"] if nullable else []))
    if len(others) == 1:
        only = parser(others[0])
        if not nullable:
            return only

        def parse_nullable(value: Any) -> Any:
            return None if value is None else only(value)

        return parse_nullable
    parsers = tuple(parser(member) for member in others)

    def parse_union(value: Any) -> Any:
        if value is None and nullable:
            return None
        for parse in parsers:
            try:
                return parse(value)
            except InvalidDataError:
                continue
        raise _wrong(expected, value)

    return parse_union


def _list(item: _Parse, fast: type | None) -> _Parse:
    def parse_list(value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise _wrong("an array", value)
        if fast is not None and all(type(element) is fast for element in value):
            return value  # the usual case, a list of strings, checked without a call per item
        items = []
        for index, element in enumerate(value):
            try:
                items.append(item(element))
            except InvalidDataError as exc:
                raise exc.within(index) from None
        return items

    return parse_list


def _dict(item: _Parse) -> _Parse:
    def parse_dict(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise _wrong("an object", value)
        parsed = {}
        for key, element in value.items():
            try:
                parsed[key] = item(element)
            except InvalidDataError as exc:
                raise exc.within(key) from None
        return parsed

    return parse_dict


def _literal(values: tuple[Any, ...]) -> _Parse:
    def parse_literal(value: Any) -> Any:
        # Compared with the type too: JSON's true is not 1.
        if not any(type(value) is type(allowed) and value == allowed for allowed in values):
            raise InvalidDataError(f"expected one of {', '.join(map(repr, values))}")
        return value

    return parse_literal


def _enum(cls: type[enum.Enum]) -> _Parse:
    # The member of a listed value is looked up directly: calling the enum costs more than the
    # rest of the field's check, and a model often holds several (lists of grant types).
    members = cls._value2member_map_

    def parse_enum(value: Any) -> enum.Enum:
        if not isinstance(value, str):
            raise _wrong("a string", value)
        member = members.get(value)
        # A string the spec does not list yet becomes a pseudo-member (the enum's _missing_).
        return member if member is not None else cls(value)

    return parse_enum


def _model(cls: type) -> _Parse:
    from_dict: _Parse = cls.from_dict  # type: ignore[attr-defined]

    def parse_model(value: Any) -> Any:
        if type(value) is not dict and not isinstance(value, Mapping):
            raise _wrong("an object", value)
        read = _READERS.get(cls)  # straight to the reader once from_dict has written it
        return read(value) if read is not None else from_dict(value)

    return parse_model
