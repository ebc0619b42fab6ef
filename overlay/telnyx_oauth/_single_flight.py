"""One attempt per key at a time, its outcome shared by its waiters (docs/design.md)."""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from ._fork import after_fork_in_child

if TYPE_CHECKING:
    import anyio

T = TypeVar("T")


class Flight(Generic[T]):
    """One attempt for one key: where its leader runs, and its outcome once landed. The
    callers that wait for it get the flight itself (``Waiter``)."""

    def __init__(self, key: str, *, is_async: bool) -> None:
        self.key = key
        self.thread = threading.get_ident()
        self._done = threading.Event()
        self._async_done: anyio.Event | None = None
        if is_async:
            import anyio  # late: keeps `import telnyx_oauth` cheap

            self._async_done = anyio.Event()
        self._value: T | None = None
        self._error: Exception | None = None

    def _land(self, value: T | None, error: Exception | None) -> None:
        self._value, self._error = value, error
        self._done.set()
        if self._async_done is not None:
            # Raises when the leader's loop is torn down: no task is left to wake then.
            with contextlib.suppress(RuntimeError):
                self._async_done.set()

    def _outcome(self) -> T | None:
        if self._error is not None:
            raise own_copy(self._error)
        return self._value

    def wait(self) -> T | None:
        """Block until the flight lands; its value, ``None`` if abandoned, or its error."""
        self._done.wait()
        return self._outcome()

    async def wait_async(self) -> T | None:
        """``wait`` without blocking the event loop."""
        if not self._done.is_set():
            if self._async_done is not None and self.thread == threading.get_ident():
                await self._async_done.wait()  # the leader is a task of this very loop
            else:
                import anyio.to_thread

                await anyio.to_thread.run_sync(self._done.wait, abandon_on_cancel=True)
        return self._outcome()


Waiter = Flight  # what ``SingleFlight.join`` gives a caller that must wait


class Leader(Generic[T]):
    """The caller that makes the attempt; it must land the flight exactly once. ``solo``: an
    attempt outside the table, which must not take the store's lock either (see design.md)."""

    def __init__(self, flights: SingleFlight[T], flight: Flight[T], *, solo: bool = False) -> None:
        self._flights = flights
        self.flight = flight
        self.solo = solo

    def succeed(self, value: T) -> None:
        """Hand ``value`` to every waiter (publish the caller's record first)."""
        self._flights._land(self.flight, value, None)

    def fail(self, error: BaseException | None) -> None:
        """Hand ``error`` to every waiter; anything but an ``Exception`` abandons the attempt."""
        self._flights._land(self.flight, None, error if isinstance(error, Exception) else None)


class SingleFlight(Generic[T]):
    """The flights in the air, by key."""

    def __init__(self) -> None:
        self._forget()
        after_fork_in_child(self, SingleFlight._forget)

    def _forget(self) -> None:
        """Start empty (in a forked child, the parent's leaders will never land)."""
        self._mutex = threading.Lock()
        self._flights: dict[str, Flight[T]] = {}

    def join(
        self, key: str, current: Callable[[], T | None], *, is_async: bool
    ) -> T | Leader[T] | Flight[T]:
        """``current()`` if not ``None`` (it runs under the mutex: read only), else a role."""
        with self._mutex:
            value = current()
            if value is not None:
                return value
            if (flight := self._flights.get(key)) is None:
                flight = self._flights[key] = Flight(key, is_async=is_async)
                return Leader(self, flight)
        if not is_async and flight.thread == threading.get_ident():
            solo: Flight[T] = Flight(key, is_async=False)  # waiting would block its leader
            return Leader(self, solo, solo=True)
        return flight

    def in_flight(self, key: str) -> bool:
        """Whether an attempt for ``key`` is in the air (for tests)."""
        with self._mutex:
            return key in self._flights

    def _land(self, flight: Flight[T], value: T | None, error: Exception | None) -> None:
        with self._mutex:
            if self._flights.get(flight.key) is flight:
                del self._flights[flight.key]
        flight._land(value, error)


def own_copy(error: Exception) -> Exception:
    """A copy of ``error`` (class, fields, notes, cause) with a traceback of its own; made
    without ``__init__``, whose signature varies; ``error`` itself if it cannot be copied."""
    cls = type(error)
    try:
        copy = cls.__new__(cls)
        copy.__dict__.update(error.__dict__)
        if "__notes__" in error.__dict__:
            copy.__notes__ = list(error.__notes__)
        copy.args = error.args
    except (TypeError, AttributeError):
        return error
    copy.__cause__ = error.__cause__
    copy.__suppress_context__ = error.__suppress_context__
    return copy


def hashed_key(*parts: str) -> str:
    """A SHA-256 hex key naming ``parts`` (secrets among them) without holding them."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
