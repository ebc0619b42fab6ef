"""A success whose body does not match the spec raises APIResponseValidationError, and only that.

Every JSON success example of the spec is mutated one place at a time: each field removed, each
value replaced by every JSON type. The spec decides what must happen: a body the spec still
allows parses; any other raises ``APIResponseValidationError`` naming the operation, the status
and the exact path of the mutated field, with the request and response attached and no value of
the body in its message. No mutation may raise anything else (``KeyError``, ``TypeError``,
``ValueError``, ``AttributeError``, ``JSONDecodeError``).

The spec's constraints on values rather than types (``minLength``, ``pattern``, ``format: uri``,
enum membership) are the server's to enforce: the client keeps unknown enum values (forward
compatibility) and does not re-check strings, so the oracle below leaves those keywords out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator, FormatChecker, validators

from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api import errors as api_errors
from telnyx_oauth_api.models import OAuthClient
from tests.spec._calls import call_arguments, module_of
from tests.spec._spec import Operation, operations, resolve, validator

BASE_URL = "https://api.telnyx.com"
REPLACEMENTS: tuple[Any, ...] = (None, True, 7, 2.5, "x", [], {})
VALUE_KEYWORDS = (
    "enum",
    "const",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minItems",
    "maxItems",
    "uniqueItems",
)
_TypesOnly = validators.create(
    meta_schema=Draft202012Validator.META_SCHEMA,
    validators={
        k: v for k, v in Draft202012Validator.VALIDATORS.items() if k not in VALUE_KEYWORDS
    },
)
_FORMATS = FormatChecker(formats=("date-time", "uuid"))

Path_ = tuple[str | int, ...]
PROBLEM = re.compile(
    r"required field is missing"
    r"|expected (an? [a-zA-Z -]+), got (null|boolean|number|string|array|object)"
    r"|expected (an? [a-zA-Z -]+), got a string that is not one"
)


def _json_successes() -> list[tuple[Operation, int, dict[str, Any], Any]]:
    found = []
    for op in operations():
        for status, response in op.data["responses"].items():
            media = resolve(response).get("content", {}).get("application/json")
            if int(status) < 300 and media is not None:
                example = next(iter(media["examples"].values()))["value"]
                found.append((op, int(status), media["schema"], example))
    return found


SUCCESSES = _json_successes()


def _spec_errors(schema: dict[str, Any], body: Any) -> set[str]:
    """The paths, written as the client writes them, where the spec finds ``body`` wrong."""
    checker = validator(schema, kind=_TypesOnly, format_checker=_FORMATS)
    paths = set()
    for error in checker.iter_errors(body):
        where: Path_ = tuple(error.absolute_path)
        if error.validator == "required":
            where = (*where, str(error.message).split("'")[1])
        paths.add(_shown(where))
    return paths


def _paths(value: Any, here: Path_ = ()) -> Iterator[Path_]:
    """Every place in ``value`` (the first item of each array stands for the rest)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*here, key)
            yield from _paths(item, (*here, key))
    elif isinstance(value, list) and value:
        yield (*here, 0)
        yield from _paths(value[0], (*here, 0))


def _mutated(body: Any, path: Path_, replacement: Any, *, delete: bool) -> Any:
    copy = json.loads(json.dumps(body))
    parent = copy
    for segment in path[:-1]:
        parent = parent[segment]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    return copy


def _shown(path: Path_) -> str:
    text = ""
    for segment in path:
        text += f"[{segment}]" if isinstance(segment, int) else (f".{segment}" if text else segment)
    return text


def _client(response: httpx.Response) -> AuthenticatedClient:
    client = AuthenticatedClient(BASE_URL, "test-key")
    transport = httpx.MockTransport(lambda request: response)
    client.set_httpx_client(httpx.Client(base_url=BASE_URL, transport=transport))
    return client


def _mutations() -> Iterator[Any]:
    for op, status, schema, example in SUCCESSES:
        for path in _paths(example):
            replacements = [(None, True)] if not isinstance(path[-1], int) else []
            replacements += [(value, False) for value in REPLACEMENTS]
            for replacement, delete in replacements:
                name = "removed" if delete else f"= {json.dumps(replacement)}"
                yield pytest.param(
                    op, status, schema, example, path, replacement, delete,
                    id=f"{op.operation_id}:{_shown(path)} {name}",
                )  # fmt: skip


@pytest.mark.parametrize(
    ("op", "status", "schema", "example", "path", "replacement", "delete"), list(_mutations())
)
def test_one_mutation(
    op: Operation,
    status: int,
    schema: dict[str, Any],
    example: Any,
    path: Path_,
    replacement: Any,
    delete: bool,
) -> None:
    """The spec's verdict on the mutated body is the client's: it parses, or it raises
    APIResponseValidationError naming the operation, status and field, and nothing else."""
    body = _mutated(example, path, replacement, delete=delete)
    response = httpx.Response(status, json=body)
    call = module_of(op).sync_detailed
    wrong_at = _spec_errors(schema, body)
    if not wrong_at:
        assert call(client=_client(response), **call_arguments(op)).status_code == status
        return
    with pytest.raises(api_errors.APIResponseValidationError) as caught:
        call(client=_client(response), **call_arguments(op))
    error = caught.value
    assert type(error) is api_errors.APIResponseValidationError
    assert (error.operation, error.status_code) == (op.operation_id, status)
    assert error.path in wrong_at
    assert error.response is response
    assert error.request.method == op.method.upper()
    message = str(error)
    head = f"{op.operation_id}: the {status} answer to {op.method.upper()} {BASE_URL}"
    assert message.startswith(head)
    # What follows the path is drawn from a fixed vocabulary: the body's values never show.
    problem = message.split(" does not match the spec: ", 1)[1].removeprefix(f"{error.path}: ")
    assert PROBLEM.fullmatch(problem), problem


GARBAGE: list[tuple[str, bytes]] = [
    ("null", b"null"),
    ("array", b"[]"),
    ("string", b'"x"'),
    ("number", b"5"),
    ("html", b"<html>Gateway login</html>"),
    ("truncated", b'{"data": {"client_id": "ab'),
    ("not utf-8", b"\xff\xfe\x00garbage"),
    ("nested too deep", b"[" * 100_000 + b"]" * 100_000),
    ("object nested too deep", b'{"data": ' * 50_000 + b"1" + b"}" * 50_000),
]


@pytest.mark.parametrize(("op", "status", "schema", "example"), SUCCESSES, ids=lambda v: "")
@pytest.mark.parametrize(("name", "content"), GARBAGE, ids=[name for name, _ in GARBAGE])
def test_garbage_body(
    op: Operation, status: int, schema: dict[str, Any], example: Any, name: str, content: bytes
) -> None:
    """A success body that is not an object, not JSON, or nested past the parser's limit raises
    APIResponseValidationError for the body as a whole (path "" or None)."""
    response = httpx.Response(status, content=content, headers={"content-type": "text/html"})
    with pytest.raises(api_errors.APIResponseValidationError) as caught:
        module_of(op).sync(client=_client(response), **call_arguments(op))
    assert type(caught.value) is api_errors.APIResponseValidationError
    assert caught.value.path in ("", None)
    assert caught.value.operation == op.operation_id


CLIENT = {
    "record_type": "oauth_client",
    "client_id": "c",
    "name": "n",
    "org_id": "o",
    "user_id": "u",
    "client_type": "public",
    "require_pkce": True,
    "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-01T00:00:00Z",
}


@pytest.mark.parametrize(
    ("change", "path", "problem"),
    [
        ({"client_id": None}, "client_id", "expected a string, got null"),
        ({"created_at": "yesterday"}, "created_at", "a string that is not one"),
        ({"allowed_scopes": 5}, "allowed_scopes", "expected an array, got number"),
        ({"allowed_scopes": ["a", 5]}, "allowed_scopes[1]", "expected a string, got number"),
        ({"require_pkce": "true"}, "require_pkce", "expected a boolean, got string"),
        ({"client_type": 1}, "client_type", "expected a string, got number"),
    ],
)
def test_from_dict_names_the_field(change: dict[str, Any], path: str, problem: str) -> None:
    """A model's from_dict, called directly, raises InvalidDataError (a ValueError) with the
    field's path and what is wrong with it, never the value."""
    with pytest.raises(api_errors.InvalidDataError) as caught:
        OAuthClient.from_dict({**CLIENT, **change})
    assert isinstance(caught.value, ValueError)
    assert caught.value.path == path
    assert problem in str(caught.value)
    assert str(caught.value).startswith(f"{path}: ")


def test_missing_field_of_the_fourth_item() -> None:
    """The path counts into arrays: the fourth client of a page lacking client_id."""
    op = next(o for o in operations() if o.operation_id == "list_oauth_clients")
    items = [dict(CLIENT) for _ in range(5)]
    del items[3]["client_id"]
    response = httpx.Response(200, json={"data": items})
    with pytest.raises(api_errors.APIResponseValidationError) as caught:
        module_of(op).sync(client=_client(response))
    assert caught.value.path == "data[3].client_id"
    assert str(caught.value).endswith("data[3].client_id: required field is missing")
