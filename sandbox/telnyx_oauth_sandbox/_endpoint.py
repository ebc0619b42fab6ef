"""One operation's way through the sandbox: authorize, read, check against the spec, handle.

Every request to the API goes through ``Endpoint.handle``, so each is checked against the spec
exactly once, here; handlers receive a ``Call`` whose parameters and body the spec already
accepted, and never check them again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from ._access import Caller, Rule, check_client, check_headers
from ._errors import HTTPError
from ._problems import Problem, ProblemAnswer, no_such_resource, unprocessable
from ._reading import FORM, read_json_object, read_oauth_params
from ._runtime import Runtime, runtime_of
from ._spec import Operation


@dataclass(frozen=True)
class Call:
    """A request the spec accepted, as its handler sees it."""

    runtime: Runtime
    request: Request
    caller: Caller
    query: dict[str, Any]
    """Query parameters, coerced to the spec's types (``page[size]`` is an ``int``)."""
    path: dict[str, Any]
    body: dict[str, Any]
    """The JSON object or the OAuth form parameters; ``{}`` for an operation without a body."""


Handler = Callable[[Call], Awaitable[Response]]


@dataclass(frozen=True)
class Binding:
    """How the sandbox serves one operation: its handler, and how it refuses bad input."""

    handler: Handler
    refuse: ProblemAnswer = unprocessable
    error_headers: Mapping[str, str] = field(default_factory=dict)
    """Added to every error answer of the operation (the token endpoint's ``no-store``)."""
    observe: Callable[[Runtime, dict[str, Any]], None] | None = None
    """Sees the body once it is read, before it is checked (the token endpoint's counts)."""


class Endpoint:
    """An operation of the spec, bound to its handler and its access rule."""

    def __init__(self, operation: Operation, binding: Binding, rule: Rule) -> None:
        self.operation = operation
        self.binding = binding
        self.rule = rule

    def __repr__(self) -> str:
        return f"Endpoint({self.operation.operation_id!r}, {self.rule.name})"

    async def handle(self, request: Request) -> Response:
        try:
            return await self._handle(request)
        except HTTPError as exc:
            exc.headers.update(self.binding.error_headers)
            raise

    async def _handle(self, request: Request) -> Response:
        runtime = runtime_of(request)
        caller = check_headers(self.rule, runtime, request)
        # Starlette's query_params keeps the last of a repeated name: count them first.
        counts = Counter(name for name, _ in request.query_params.multi_items())
        values, problems = self.operation.check_parameters(
            request.query_params,
            request.path_params,
            repeated={name for name, count in counts.items() if count > 1},
        )
        path = {name: values.pop(name) for name in request.path_params if name in values}
        if any(p.field in request.path_params for p in problems):
            raise no_such_resource([p for p in problems if p.field in request.path_params])
        body: dict[str, Any] = {}
        if self.operation.body_media_type is not None and not problems:
            body, problems = await self._read_body(request, runtime)
            if not problems:
                if self.binding.observe is not None:
                    self.binding.observe(runtime, body)
                problems = self.operation.check_body(body)
        if problems:
            raise self.binding.refuse(problems)
        caller = check_client(self.rule, caller, runtime, request, body)
        return await self.binding.handler(Call(runtime, request, caller, values, path, body))

    async def _read_body(
        self, request: Request, runtime: Runtime
    ) -> tuple[dict[str, Any], list[Problem]]:
        if self.operation.body_media_type == FORM:
            return await read_oauth_params(request, runtime.max_body_bytes)
        return await read_json_object(request, runtime.max_body_bytes)
