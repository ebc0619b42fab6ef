"""A stand-in for ``time.sleep`` / ``anyio.sleep`` that records delays instead of waiting."""

from __future__ import annotations


class Sleeps:
    """Pass it as a retry transport's ``sleep`` (and ``sleeps.asleep`` to an async one): every
    requested delay, in seconds, lands in ``delays`` and nobody waits."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)

    async def asleep(self, seconds: float) -> None:
        self.delays.append(seconds)
