"""The JSON checks every generated model's from_dict() runs (telnyx_oauth_api._checks), one
annotation kind at a time: what each accepts and converts, and what it refuses, with the path
and the JSON type found, never the value."""

from __future__ import annotations

import datetime
from typing import Any, Literal
from uuid import UUID

import pytest

from telnyx_oauth_api._checks import describe, json_type_name, parser
from telnyx_oauth_api.errors import InvalidDataError
from telnyx_oauth_api.models import ClientType, InvalidFields, PaginationMeta
from telnyx_oauth_api.types import Unset

UUID_TEXT = "6a1f3c2e-8b4d-4e5f-9a7b-1c2d3e4f5a6b"


@pytest.mark.parametrize(
    ("hint", "value", "parsed"),
    [
        (str, "s", "s"),
        (bool, False, False),
        (int, 3, 3),
        (float, 3, 3.0),
        (float, 2.5, 2.5),
        (datetime.date, "2026-01-02", datetime.date(2026, 1, 2)),
        (
            datetime.datetime,
            "2026-01-02T03:04:05Z",
            datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
        ),
        (UUID, UUID_TEXT, UUID(UUID_TEXT)),
        (Literal["a", "b"], "b", "b"),
        (dict[str, int], {"a": 1}, {"a": 1}),
        (list[int], [1, 2], [1, 2]),
        (list[float], [1, 2.5], [1.0, 2.5]),
        (int | str, "x", "x"),
        (int | str | None, None, None),
        (str | None | Unset, "x", "x"),
        (ClientType, "public", ClientType.PUBLIC),
        (Any, {"x": [1]}, {"x": [1]}),
    ],
)
def test_accepted_values_are_converted(hint: Any, value: object, parsed: object) -> None:
    """A value of the annotated JSON type is taken, and converted where the type says so."""
    assert parser(hint)(value) == parsed


def test_an_unknown_enum_value_parses() -> None:
    """A string the spec does not list yet parses, as a pseudo-member."""
    value = parser(ClientType)("hybrid")
    assert isinstance(value, ClientType)
    assert not value.is_known()


@pytest.mark.parametrize(
    ("hint", "value", "message", "path"),
    [
        (str, 1, "expected a string, got number", ""),
        (bool, "true", "expected a boolean, got string", ""),
        (int, True, "expected an integer, got boolean", ""),
        (int, 1.5, "expected an integer, got number", ""),
        (float, None, "expected a number, got null", ""),
        (datetime.date, 5, "expected a date string, got number", ""),
        (datetime.date, "soon", "got a string that is not one", ""),
        (datetime.datetime, "soon", "got a string that is not one", ""),
        (UUID, "not-a-uuid", "expected a UUID string, got a string that is not one", ""),
        (UUID, [], "expected a UUID string, got array", ""),
        (Literal["a"], "b", "expected one of 'a'", ""),
        (Literal[1], True, "expected one of 1", ""),
        (dict[str, int], [], "expected an object, got array", ""),
        (dict[str, int], {"a": "x"}, "expected an integer, got string", "a"),
        (list[int], {}, "expected an array, got object", ""),
        (list[int], [1, "2"], "expected an integer, got string", "[1]"),
        (int | str, 1.5, "expected an integer or a string, got number", ""),
        (ClientType, 3, "expected a string, got number", ""),
        (PaginationMeta, "x", "expected an object, got string", ""),
    ],
)
def test_wrong_values_are_refused_naming_the_type(
    hint: Any, value: object, message: str, path: str
) -> None:
    """A value of another JSON type is refused with what was expected and found, not the value."""
    with pytest.raises(InvalidDataError) as caught:
        parser(hint)(value)
    assert message in str(caught.value)
    assert caught.value.path == path


@pytest.mark.parametrize(
    ("hint", "text"),
    [
        (PaginationMeta, "an object (PaginationMeta)"),
        (dict[str, str], "an object"),
        (list[str], "an array"),
        (UUID, "a UUID string"),
        (ClientType, "a string"),
        (str | None | Unset, "a string or null"),
        (Any, "a value"),
    ],
)
def test_describe_says_what_was_expected(hint: Any, text: str) -> None:
    """Messages name the expected JSON type in words."""
    assert describe(hint) == text


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (None, "null"),
        (True, "boolean"),
        (1.5, "number"),
        ("", "string"),
        ((), "array"),
        ({}, "object"),
    ],
)
def test_json_type_names(value: object, name: str) -> None:
    """The JSON name of a value's type, as messages show it."""
    assert json_type_name(value) == name


def test_a_model_refuses_what_is_not_an_object() -> None:
    """from_dict of something that is not an object says so."""
    with pytest.raises(InvalidDataError, match="expected an object, got array"):
        PaginationMeta.from_dict([])  # type: ignore[arg-type]


def test_typed_additional_properties_are_checked_with_their_key() -> None:
    """A model whose unknown fields have a type (InvalidFields: arrays of strings) checks them,
    naming the key."""
    fields = InvalidFields.from_dict({"redirect_uris": ["must be https"]})
    assert fields["redirect_uris"] == ["must be https"]
    with pytest.raises(InvalidDataError) as caught:
        InvalidFields.from_dict({"redirect_uris": "must be https"})
    assert caught.value.path == "redirect_uris"
