"""Real worker processes (``spawn``) that start each job together, for the fleet figure and the
multi-process tests (``tests/stores``).

A job is a top-level function (``bench.fleet``, ``tests.stores._jobs``) called as
``job(index, *args)`` in each worker; it calls ``start_together()`` where every worker must be
before any goes on (a ``multiprocessing.Barrier`` shared at start-up). A fleet is reused, so a
run pays for its jobs, not for interpreters starting.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.synchronize import Barrier
from typing import Any, TypeVar

FLEET_SIZE = 8
JOB_TIMEOUT_SECONDS = 60.0

_T = TypeVar("_T")
_start_line: Barrier | None = None


def _join(barrier: Barrier) -> None:
    global _start_line  # noqa: PLW0603 - one per worker process, set once at start-up
    _start_line = barrier


def start_together() -> None:
    """In a worker: wait until every worker of the fleet is here too."""
    if _start_line is None:
        raise RuntimeError("start_together() runs in a fleet worker only")
    _start_line.wait(timeout=JOB_TIMEOUT_SECONDS)


class Fleet:
    """``size`` worker processes, each running one copy of every job at the same time."""

    def __init__(self, size: int = FLEET_SIZE) -> None:
        context = multiprocessing.get_context("spawn")
        self.size = size
        self._barrier = context.Barrier(size)
        self._pool = ProcessPoolExecutor(
            size, mp_context=context, initializer=_join, initargs=(self._barrier,)
        )

    def run(self, job: Callable[..., _T], *args: Any) -> list[_T]:
        """``job(index, *args)`` in every worker at once; their results, by index."""
        futures = [self._pool.submit(job, index, *args) for index in range(self.size)]
        try:
            return [future.result(timeout=JOB_TIMEOUT_SECONDS) for future in futures]
        except BaseException:
            self._barrier.abort()  # free the workers still waiting for the one that failed
            for future in futures:
                future.exception(timeout=JOB_TIMEOUT_SECONDS)
            self._barrier.reset()
            raise

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)
