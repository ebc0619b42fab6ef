"""SingleFlight: one attempt per key, its outcome shared by threads and tasks that waited for it."""

from __future__ import annotations

import asyncio
import threading
import traceback
from typing import Any

import pytest

from telnyx_oauth._single_flight import Leader, SingleFlight, Waiter, hashed_key

KEY = "key"
BOUND_SECONDS = 10.0


class BoomError(Exception):
    """An error with a field and a cause, raised by a leader."""

    def __init__(self, message: str, *, detail: str) -> None:
        super().__init__(message)
        self.detail = detail


def _nothing() -> None:
    return None


def _join(flights: SingleFlight[str], *, is_async: bool = False) -> Any:
    return flights.join(KEY, _nothing, is_async=is_async)


def _waiting_threads(
    flights: SingleFlight[str], count: int
) -> tuple[list[object], list[threading.Thread]]:
    """``count`` threads that join the flight in the air and wait for it; their outcomes."""
    outcomes: list[object] = []
    joined = threading.Barrier(count + 1)

    def wait() -> None:
        waiter = _join(flights)
        joined.wait()
        assert isinstance(waiter, Waiter)
        try:
            outcomes.append(waiter.wait())
        except Exception as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=wait) for _ in range(count)]
    for thread in threads:
        thread.start()
    joined.wait(BOUND_SECONDS)
    return outcomes, threads


def _finish(threads: list[threading.Thread]) -> None:
    for thread in threads:
        thread.join(BOUND_SECONDS)
        assert not thread.is_alive()


def test_first_caller_leads_the_others_wait_for_its_value() -> None:
    """Eight threads arriving during an attempt all get the value the leader lands."""
    flights: SingleFlight[str] = SingleFlight()
    leader = _join(flights)
    assert isinstance(leader, Leader)
    outcomes, threads = _waiting_threads(flights, 8)
    leader.succeed("token")
    _finish(threads)
    assert outcomes == ["token"] * 8
    assert not flights.in_flight(KEY)


def test_a_usable_record_means_no_flight() -> None:
    """When ``current()`` finds a record, join returns it and nobody leads."""
    flights: SingleFlight[str] = SingleFlight()
    assert flights.join(KEY, lambda: "cached", is_async=False) == "cached"
    assert not flights.in_flight(KEY)


def test_keys_fly_independently() -> None:
    """A flight for one key does not make callers of another key wait."""
    flights: SingleFlight[str] = SingleFlight()
    assert isinstance(flights.join("a", _nothing, is_async=False), Leader)
    assert isinstance(flights.join("b", _nothing, is_async=False), Leader)


def test_every_waiter_raises_its_own_copy_of_the_leaders_error() -> None:
    """Waiters raise the leader's error: same class, message, fields and cause, each its own
    object, so tracebacks do not pile onto one exception."""
    flights: SingleFlight[str] = SingleFlight()
    leader = _join(flights)
    outcomes, threads = _waiting_threads(flights, 4)
    cause = OSError("socket")
    error = BoomError("token request failed", detail="503")
    error.__cause__ = cause
    leader.fail(error)
    _finish(threads)
    assert all(isinstance(o, BoomError) for o in outcomes)
    copies: list[BoomError] = outcomes  # type: ignore[assignment]
    assert {str(c) for c in copies} == {"token request failed"}
    assert {c.detail for c in copies} == {"503"}
    assert all(c.__cause__ is cause for c in copies)
    assert len({id(c) for c in copies} | {id(error)}) == 5
    assert all(len(traceback.extract_tb(c.__traceback__)) < 5 for c in copies)


def test_an_abandoned_attempt_makes_a_waiter_lead_the_next() -> None:
    """A leader that was cancelled lands nothing: its waiter gets None and leads the next try."""
    flights: SingleFlight[str] = SingleFlight()
    leader = _join(flights)
    outcomes, threads = _waiting_threads(flights, 1)
    leader.fail(KeyboardInterrupt())
    _finish(threads)
    assert outcomes == [None]
    assert isinstance(_join(flights), Leader)


def test_a_sync_caller_never_waits_for_its_own_thread() -> None:
    """A flight led from this very thread cannot land while this thread waits: a sync caller
    there runs an attempt of its own, outside the table."""
    flights: SingleFlight[str] = SingleFlight()
    first = _join(flights)
    second = _join(flights)
    assert isinstance(first, Leader)
    assert isinstance(second, Leader)
    second.succeed("solo")
    assert flights.in_flight(KEY)  # the registered flight is still the first one's
    first.succeed("first")
    assert not flights.in_flight(KEY)


async def test_tasks_wait_for_a_task_on_their_own_loop() -> None:
    """Tasks of the leader's loop wait on an event of that loop and get the value."""
    flights: SingleFlight[str] = SingleFlight()
    leader = _join(flights, is_async=True)
    assert isinstance(leader, Leader)
    waiters = [_join(flights, is_async=True) for _ in range(50)]
    assert all(isinstance(w, Waiter) for w in waiters)
    waiting = [asyncio.ensure_future(w.wait_async()) for w in waiters]
    await asyncio.sleep(0)
    leader.succeed("token")
    assert await asyncio.gather(*waiting) == ["token"] * 50


async def test_a_task_waits_for_a_thread_without_blocking_its_loop() -> None:
    """A task waiting for a flight led by a thread keeps its loop running meanwhile."""
    flights: SingleFlight[str] = SingleFlight()
    led, release = threading.Event(), threading.Event()

    def lead() -> None:
        leader = _join(flights)
        assert isinstance(leader, Leader)
        led.set()
        release.wait(BOUND_SECONDS)
        leader.succeed("from a thread")

    thread = threading.Thread(target=lead)
    thread.start()
    assert await asyncio.to_thread(led.wait, BOUND_SECONDS)
    waiter = _join(flights, is_async=True)
    assert isinstance(waiter, Waiter)
    waiting = asyncio.ensure_future(waiter.wait_async())
    ticks = 0
    while ticks < 20:  # the loop goes on while the task waits
        await asyncio.sleep(0)
        ticks += 1
    assert not waiting.done()
    release.set()
    assert await asyncio.wait_for(waiting, BOUND_SECONDS) == "from a thread"
    thread.join(BOUND_SECONDS)


def test_a_thread_waits_for_a_task() -> None:
    """A thread gets the value a task of another thread's loop lands."""
    flights: SingleFlight[str] = SingleFlight()
    led, release = threading.Event(), threading.Event()

    async def lead() -> None:
        leader = _join(flights, is_async=True)
        assert isinstance(leader, Leader)
        led.set()
        await asyncio.to_thread(release.wait, BOUND_SECONDS)
        leader.succeed("from a task")

    thread = threading.Thread(target=asyncio.run, args=(lead(),))
    thread.start()
    assert led.wait(BOUND_SECONDS)
    waiter = _join(flights)
    assert isinstance(waiter, Waiter)
    release.set()
    assert waiter.wait() == "from a task"
    thread.join(BOUND_SECONDS)


def test_hashed_key_holds_no_part() -> None:
    """Keys are SHA-256 digests: the refresh token they name is not in them."""
    key = hashed_key("refresh_token", "client", "rt_secret_value")
    assert len(key) == 64
    assert "rt_secret_value" not in key
    assert key == hashed_key("refresh_token", "client", "rt_secret_value")
    assert key != hashed_key("refresh_token", "client", "rt_other")


@pytest.mark.parametrize("error", [BoomError("x", detail="y"), ValueError("plain")])
def test_copies_keep_notes_apart(error: Exception) -> None:
    """A note added to one waiter's copy does not show on another's."""
    from telnyx_oauth._single_flight import own_copy

    error.add_note("shared")
    first, second = own_copy(error), own_copy(error)
    first.add_note("mine")
    assert second.__notes__ == ["shared"]
    assert error.__notes__ == ["shared"]
