"""The route table: the spec's operations, the consent page, and the mounted test controls.

API routes are built from the spec itself: each operation's path and method, bound to the
handler registered for its operationId under its tag (``_handlers``) and to its access rule
(``_access.OPERATION_ACCESS``). A spec operation without a handler or a rule, or a handler or
rule without an operation, stops the app at start-up with ``RouteTableError``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Mapping

from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route, Router

from ._access import OPERATION_ACCESS, ApiKeyRequired, Rule
from ._consent_page import CONSENT_PAGE
from ._controls import CONTROLS
from ._endpoint import Binding, Endpoint
from ._handlers import HANDLERS_BY_TAG
from ._runtime import Runtime
from ._spec import Spec

RequestEndpoint = Callable[[Request], Awaitable[Response]]


class RouteTableError(RuntimeError):
    """The spec, the handlers and the access rules do not name the same operations."""


def method_routes(table: Iterable[tuple[str, str, RequestEndpoint]]) -> list[Route]:
    """One ``Route`` per path, serving each method with its endpoint.

    Starlette answers any other method with 405 and an ``Allow`` header naming the route's
    methods, so one route per path lists them all (RFC 9110 15.5.6).
    """
    by_path: dict[str, dict[str, RequestEndpoint]] = defaultdict(dict)
    for path, method, endpoint in table:
        by_path[path][method] = endpoint

    def dispatch(by_method: Mapping[str, RequestEndpoint]) -> RequestEndpoint:
        async def endpoint(request: Request) -> Response:
            method = "GET" if request.method == "HEAD" else request.method
            return await by_method[method](request)

        return endpoint

    return [
        Route(path, dispatch(by_method), methods=list(by_method))
        for path, by_method in by_path.items()
    ]


def endpoints(
    spec: Spec,
    handlers_by_tag: Mapping[str, Mapping[str, Binding]] = HANDLERS_BY_TAG,
    access: Mapping[str, Rule] = OPERATION_ACCESS,
) -> list[Endpoint]:
    """Every operation of ``spec`` bound to its handler and rule; ``RouteTableError`` unless
    the three name exactly the same operations, each handler under its operation's tag."""
    operations = spec.operations
    problems = []
    for operation_id, operation in operations.items():
        if operation_id not in handlers_by_tag.get(operation.tag, {}):
            problems.append(f"{operation_id}: no handler under the tag {operation.tag!r}")
        if operation_id not in access:
            problems.append(f"{operation_id}: no access rule")
    for tag, handlers in handlers_by_tag.items():
        for operation_id in handlers:
            if operation_id not in operations or operations[operation_id].tag != tag:
                problems.append(f"{operation_id}: a handler under {tag!r} for no such operation")
    problems.extend(
        f"{op}: an access rule for no operation" for op in access if op not in operations
    )
    if problems:
        raise RouteTableError("the route table does not match the spec: " + "; ".join(problems))
    return [
        Endpoint(op, handlers_by_tag[op.tag][op.operation_id], access[op.operation_id])
        for op in operations.values()
    ]


def build_routes(runtime: Runtime) -> list[BaseRoute]:
    """All routes of one sandbox: the API, the consent page, then the ``/_sandbox`` controls."""
    operations = endpoints(runtime.spec)
    api = method_routes((e.operation.path, e.operation.method, e.handle) for e in operations)
    return [
        *api,
        *method_routes(CONSENT_PAGE),
        # Routes are matched in order: the consent page is served before the mount guards the
        # rest of /_sandbox/ with the API key.
        Mount(
            "/_sandbox",
            app=Router(routes=method_routes(CONTROLS), redirect_slashes=False),
            middleware=[Middleware(ApiKeyRequired, runtime=runtime)],
        ),
    ]
