"""Schema shapes our spec does not use yet, generated with our templates and checked.

``fixtures/unions.yaml`` holds a nullable ``$ref`` (``oneOf: [{$ref}, {type: "null"}]``), a union
of two scalar types, an array of a union of two models and an optional nullable union. It is
generated once per session into a temporary folder, with templates/ and the runtime modules,
exactly as ``make generate`` does, under its own package name.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tools import generate

FIXTURES = Path(__file__).parent / "fixtures"
PACKAGE = "union_fixture_api"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("generated")
    generate.generate(root / PACKAGE, FIXTURES / "unions.yaml", FIXTURES / "unions-config.yaml")
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def _thing(api: ModuleType, **fields: Any) -> Any:
    body = {"owner": None, "label": "x", "parts": [], **fields}
    return importlib.import_module(f"{PACKAGE}.models").Thing.from_dict(body)


def test_a_nullable_ref_is_parsed_into_its_model(api: ModuleType) -> None:
    """A nullable $ref becomes its model (not a raw dict), or None for null."""
    models = importlib.import_module(f"{PACKAGE}.models")
    thing = _thing(api, owner={"name": "n", "size": 2})
    assert thing.owner == models.Inner(name="n", size=2)
    assert _thing(api, owner=None).owner is None


@pytest.mark.parametrize(
    ("fields", "path", "expected"),
    [
        ({"owner": {"name": 3}}, "owner.name", "expected a string, got number"),
        ({"owner": {}}, "owner.name", "required field is missing"),
        ({"owner": "n"}, "owner", "expected an object, got string"),
        ({"label": 2.5}, "label", "expected an integer or a string, got number"),
        ({"label": True}, "label", "expected an integer or a string, got boolean"),
        ({"label": None}, "label", "got null"),
        ({"parts": [{"name": "a"}, {"size": 1}]}, "parts[1]", "Inner"),
        ({"note": True}, "note", "expected a number or a string or null, got boolean"),
    ],
)
def test_wrong_content_is_refused_with_its_path(
    api: ModuleType, fields: dict[str, Any], path: str, expected: str
) -> None:
    """Wrong-typed content inside a nullable $ref or a union is refused, naming the field's
    path and what was expected, never the value."""
    errors = importlib.import_module(f"{PACKAGE}.errors")
    with pytest.raises(errors.InvalidDataError) as caught:
        _thing(api, **fields)
    assert caught.value.path == path
    assert expected in str(caught.value)


def test_union_members_are_parsed_by_their_type(api: ModuleType) -> None:
    """Each union member becomes the type the value matches; to_dict() gives the JSON back."""
    models = importlib.import_module(f"{PACKAGE}.models")
    body = {
        "owner": None,
        "label": 3,
        "parts": [{"name": "a"}, {"code": 2}],
        "note": "n",
    }
    thing = models.Thing.from_dict(body)
    assert thing.label == 3
    assert thing.parts == [models.Inner(name="a"), models.Other(code=2)]
    assert thing.to_dict() == body


def test_a_function_returns_the_parsed_union_model(api: ModuleType) -> None:
    """A generated function parses its answer through the same checks."""
    get_thing = importlib.import_module(f"{PACKAGE}.api.default.get_thing")
    client_module = importlib.import_module(f"{PACKAGE}.client")
    body = {"owner": {"name": "n"}, "label": "l", "parts": []}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
    client = client_module.Client("https://fixture.test", httpx_args={"transport": transport})
    thing = get_thing.sync("1", client=client)
    assert thing.owner.name == "n"
