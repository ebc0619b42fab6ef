"""One attempt per key at a time, its outcome shared by every caller that waited for it.

Token renewal has the same shape everywhere in the overlay: many callers find that they need a
new token for the same key at the same moment (the client-credentials token expired, a refresh
token is due), one request should be made, and everyone should get what it produced, a token or
the error. ``SingleFlight`` is that coordination, for threads and asyncio tasks alike:

- **A lock per key**: ``join(key, current, ...)`` makes the first caller the ``Leader`` of a new
  ``Flight`` for ``key``; callers that arrive while it is in the air become ``Waiter``s of that
  flight. The leader does the I/O in its own context (an ``httpx.Auth`` flow yields the request;
  ``AuthorizationCodeFlow`` sends it), so nothing here knows about HTTP.
- **A shared record per key**: ``current()`` reads the caller's record (the cached token, the
  successor of a spent refresh token) under the same mutex that registers flights, and the
  leader publishes its record *before* it lands, so a caller either finds the record or finds the
  flight, never neither (which would cost a second request).
- **Shared outcomes**: every waiter of a flight gets what its one attempt produced: the value, or
  its own copy of the leader's exception (same class, message, request, response and cause; its
  own traceback, so a thousand waiters do not grow one traceback a thousand times). A flight the
  leader abandoned (it was cancelled, or interrupted) gives its waiters nothing, and they join
  again: one of them leads the next attempt. A failure is not remembered beyond its flight.

Sync and async callers share one ``SingleFlight``: a thread waits on a ``threading.Event``; a
task waits on an ``anyio.Event`` when the leader runs on its own event loop, else in a worker
thread (``anyio.to_thread``) so its loop keeps running. The one case that cannot wait is a sync
caller whose flight is led from its own thread (a blocking call made inside the event loop that
runs the leader, or a flow driven by hand): waiting would block the leader for good, so that
caller runs an attempt of its own, outside the table.

The mutex is a ``threading.Lock`` held for a dictionary lookup, never across I/O, so taking it
from async code does not stall the loop. A cross-process store (a lock and a record per key, in
SQLite or Redis: ``_token_store``) plugs in behind the leader: it takes the store's lock for the
key, reads the store's record, and requests a token only when that record is not usable either;
waiters and the steady state never touch the store.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from ._fork import after_fork_in_child

if TYPE_CHECKING:
    import anyio

__all__: list[str] = []  # the overlay's own plumbing; nothing here is public

T = TypeVar("T")


class Flight(Generic[T]):
    """One attempt for one key: where its leader runs, and its outcome once it has landed."""

    __slots__ = ("_async_done", "_done", "_error", "_value", "key", "thread")

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
            # Landing while the leader's event loop is torn down (a flow finalised late) may
            # raise: no task of that loop is left to wake then, and threads wait on _done.
            with contextlib.suppress(RuntimeError):
                self._async_done.set()

    def _outcome(self) -> T | None:
        """The value; ``None`` when the leader abandoned the attempt; or a copy of its error."""
        if self._error is not None:
            raise own_copy(self._error)
        return self._value


class Leader(Generic[T]):
    """The caller that makes the attempt; it must land the flight exactly once.

    ``solo`` is True for a caller that runs an attempt of its own, outside the table, because
    it cannot wait for the flight led from its own thread (see the module docstring): it must
    not take a cross-process lock either, which that flight's leader may hold.
    """

    __slots__ = ("_flights", "flight", "solo")

    def __init__(self, flights: SingleFlight[T], flight: Flight[T], *, solo: bool = False) -> None:
        self._flights = flights
        self.flight = flight
        self.solo = solo

    def succeed(self, value: T) -> None:
        """Hand ``value`` to every waiter (publish the caller's record first)."""
        self._flights._land(self.flight, value, None)

    def fail(self, error: BaseException | None) -> None:
        """Hand ``error`` to every waiter; ``None``, or anything but an ``Exception`` (a
        cancellation, ``KeyboardInterrupt``), abandons the attempt: waiters join again."""
        self._flights._land(self.flight, None, error if isinstance(error, Exception) else None)


class Waiter(Generic[T]):
    """A caller that waits for someone else's attempt."""

    __slots__ = ("flight",)

    def __init__(self, flight: Flight[T]) -> None:
        self.flight = flight

    def wait(self) -> T | None:
        """Block until the flight lands; its value, ``None`` if abandoned, or its error."""
        self.flight._done.wait()
        return self.flight._outcome()

    async def wait_async(self) -> T | None:
        """``wait`` without blocking the event loop."""
        flight = self.flight
        if not flight._done.is_set():
            if flight._async_done is not None and flight.thread == threading.get_ident():
                await flight._async_done.wait()  # the leader is a task of this very loop
            else:
                import anyio.to_thread

                await anyio.to_thread.run_sync(flight._done.wait, abandon_on_cancel=True)
        return flight._outcome()


class SingleFlight(Generic[T]):
    """The flights in the air, by key. See the module docstring."""

    __slots__ = ("__weakref__", "_flights", "_mutex")

    def __init__(self) -> None:
        self._forget()
        after_fork_in_child(self, SingleFlight._forget)

    def _forget(self) -> None:
        """Start empty: in a forked child the leaders of the flights in the air are threads of
        the parent, which will never land them, and the mutex may be held by one of them."""
        self._mutex = threading.Lock()
        self._flights: dict[str, Flight[T]] = {}

    def join(
        self, key: str, current: Callable[[], T | None], *, is_async: bool
    ) -> T | Leader[T] | Waiter[T]:
        """The usable record ``current()`` returns, else a role in the flight for ``key``.

        ``current`` runs under the mutex: it must only read (a field, a dict, the clock).
        """
        with self._mutex:
            value = current()
            if value is not None:
                return value
            flight = self._flights.get(key)
            if flight is None:
                flight = Flight(key, is_async=is_async)
                self._flights[key] = flight
                return Leader(self, flight)
        if not is_async and flight.thread == threading.get_ident():
            solo: Flight[T] = Flight(key, is_async=False)  # see the module docstring
            return Leader(self, solo, solo=True)
        return Waiter(flight)

    def in_flight(self, key: str) -> bool:
        """Whether an attempt for ``key`` is in the air (for tests and diagnostics)."""
        with self._mutex:
            return key in self._flights

    def _land(self, flight: Flight[T], value: T | None, error: Exception | None) -> None:
        with self._mutex:
            if self._flights.get(flight.key) is flight:
                del self._flights[flight.key]
        flight._land(value, error)


def own_copy(error: Exception) -> Exception:
    """A copy of ``error`` for one more waiter to raise: same class, fields and cause.

    Raising one exception object from many callers would chain every raise onto its traceback.
    The copy skips ``__init__`` (whose signature varies by class); an exception that cannot be
    copied this way is raised as it is.
    """
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
    """A flight and record key made of ``parts`` (a refresh token among them) that holds none of
    them: a SHA-256 hex digest, safe to keep in a table, a log or a shared store."""
    import hashlib

    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
