"""Drive one core generator from sync or asyncio code, so a flow is written once: a core yields
each blocking step, already done for ``run``, an awaitable for ``arun`` (docs/design.md)."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Generator
from typing import Any, TypeVar, cast

import httpx

_T = TypeVar("_T")

Core = Generator[Any, Any, _T]
_DONE: Any = object()  # what _advance gives once the core has returned


def run(core: Core[_T]) -> _T:
    """Run ``core`` whose steps are done by the time they are yielded."""
    try:
        value = core.send(None)
        while True:
            value = core.send(value)
    except StopIteration as stop:
        return cast("_T", stop.value)


async def arun(core: Core[_T]) -> _T:
    """Run ``core`` whose steps are awaitables, awaiting each."""
    try:
        step: Awaitable[Any] = core.send(None)
        while True:
            try:
                value = await step
            except BaseException as exc:  # a cancellation too: the core's cleanup runs
                step = core.throw(exc)
            else:
                step = core.send(value)
    except StopIteration as stop:
        return cast("_T", stop.value)


class Closed(BaseException):
    """Thrown into an auth flow's core for the ``GeneratorExit`` httpx closed its shell with."""


def _advance(core: Core[None], value: Any, error: BaseException | None) -> Any:
    """The core's next step (``_DONE`` once it returns), given the last one's value or error."""
    try:
        return core.send(value) if error is None else core.throw(error)
    except StopIteration:
        return _DONE
    except Closed:
        raise GeneratorExit from None


def auth_flow(core: Core[None]) -> Generator[httpx.Request, httpx.Response, None]:
    """``httpx.Auth.sync_auth_flow`` over ``core``: its requests go to httpx, its steps are done."""
    value: Any = None
    error: BaseException | None = None
    while (step := _advance(core, value, error)) is not _DONE:
        error = None
        try:
            value = (yield step) if isinstance(step, httpx.Request) else step
        except GeneratorExit:
            error = Closed()
        except BaseException as exc:
            error = exc


async def async_auth_flow(core: Core[None]) -> AsyncGenerator[httpx.Request, httpx.Response]:
    """``httpx.Auth.async_auth_flow`` over ``core``: requests go to httpx, steps are awaited."""
    value: Any = None
    error: BaseException | None = None
    while (step := _advance(core, value, error)) is not _DONE:
        error = None
        try:
            value = (yield step) if isinstance(step, httpx.Request) else await step
        except GeneratorExit:
            error = Closed()
        except BaseException as exc:
            error = exc
