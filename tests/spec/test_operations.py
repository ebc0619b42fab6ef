"""Every operation in the spec has its generated function, which speaks the spec's HTTP."""

from __future__ import annotations

import inspect
import json
from typing import Any

import httpx
import pytest

from telnyx_oauth_api import AuthenticatedClient
from tests.spec._calls import call_arguments, module_of
from tests.spec._spec import Operation, normalised, operations

OPERATIONS = operations()
ENTRY_POINTS = ("sync", "sync_detailed", "asyncio", "asyncio_detailed")


def _success_response(op: Operation) -> httpx.Response:
    status, response = op.success()
    content = response.get("content", {})
    if "application/json" in content:
        example = next(iter(content["application/json"]["examples"].values()))["value"]
        return httpx.Response(status, json=example)
    headers = {"Location": "https://example.com/next"} if status == 302 else {}
    return httpx.Response(status, headers=headers)


def _query_text(value: Any) -> str:
    """A query value as it goes on the wire (httpx writes booleans in lower case)."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def test_the_spec_has_the_17_operations_of_the_api() -> None:
    """The document describes exactly the API's 17 operations, each with a unique operationId."""
    assert len(OPERATIONS) == 17
    assert len({op.operation_id for op in OPERATIONS}) == 17


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.operation_id for op in OPERATIONS])
def test_operation_has_its_generated_functions(op: Operation) -> None:
    """`telnyx_oauth_api.api.<tag>.<operationId>` offers sync and async, plain and detailed."""
    module = module_of(op)
    for name in ENTRY_POINTS:
        assert callable(getattr(module, name))
    assert inspect.iscoroutinefunction(module.asyncio_detailed)


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.operation_id for op in OPERATIONS])
def test_generated_function_sends_the_spec_request_and_parses_its_answer(op: Operation) -> None:
    """Method, path, query and body go out as the spec says; the success example parses back."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return _success_response(op)

    client = AuthenticatedClient(base_url="https://api.telnyx.com", token="test-key")
    client.set_httpx_client(
        httpx.Client(base_url="https://api.telnyx.com", transport=httpx.MockTransport(answer))
    )
    arguments = call_arguments(op)
    result = module_of(op).sync_detailed(client=client, **arguments)

    (request,) = sent
    assert request.method == op.method.upper()
    expected_path = op.path
    for param in op.parameters:
        if param["in"] == "path":
            expected_path = expected_path.replace(f"{{{param['name']}}}", str(param["example"]))
        if param["in"] == "query":
            assert request.url.params[param["name"]] == _query_text(param["example"])
    assert request.url.path == expected_path
    if "body" in arguments:
        body = arguments["body"].to_dict()
        if request.headers["content-type"] == "application/json":
            assert json.loads(request.content) == body
        else:
            assert dict(httpx.QueryParams(request.content.decode())) == {
                key: str(value) for key, value in body.items()
            }
    status, response = op.success()
    assert result.status_code == status
    if "application/json" in response.get("content", {}):
        assert result.parsed is not None
        assert normalised(result.parsed.to_dict()) == normalised(_success_response(op).json())
