"""Interleaved repeated runs in one process, and the medians taken from them.

Every round runs one batch of each variant, in an order that rotates from round to round, so
that slow drift of the machine (CPU frequency, a noisy neighbour) touches every variant alike.
A ratio is the median of the per-round ratios: the two batches of a round ran seconds apart,
which makes them a fairer pair than two medians taken over the whole run.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

Batch = Callable[[], float]
"""Runs one batch and returns its figure (seconds per call, calls per second, ...)."""


@dataclass(frozen=True)
class Samples:
    """Per-round figures of each variant, in round order."""

    by_variant: dict[str, list[float]]

    def median(self, variant: str) -> float:
        """Median over the rounds of one variant."""
        return statistics.median(self.by_variant[variant])

    def ratios(self, numerator: str, denominator: str) -> list[float]:
        """Per-round ratios numerator / denominator, in round order."""
        pairs = zip(self.by_variant[numerator], self.by_variant[denominator], strict=True)
        return [a / b for a, b in pairs]

    def ratio(self, numerator: str, denominator: str) -> float:
        """Median of the per-round ratios numerator / denominator."""
        return statistics.median(self.ratios(numerator, denominator))

    def ratio_iqr(self, numerator: str, denominator: str) -> tuple[float, float] | None:
        """First and third quartiles of the per-round ratios (None under three rounds)."""
        return iqr(self.ratios(numerator, denominator))

    def iqr(self, variant: str) -> tuple[float, float] | None:
        """First and third quartiles of one variant's per-round figures."""
        return iqr(self.by_variant[variant])

    @property
    def rounds(self) -> int:
        """Number of measured rounds (the warm-up round is not kept)."""
        return len(next(iter(self.by_variant.values())))


def iqr(values: Sequence[float]) -> tuple[float, float] | None:
    """The interquartile range (first and third quartile, inclusive method) of ``values``;
    None when there are fewer than three, too few for quartiles to mean anything."""
    if len(values) < 3:
        return None
    first, _, third = statistics.quantiles(values, n=4, method="inclusive")
    return first, third


def interleave(variants: Mapping[str, Batch], rounds: int, *, warmup: bool = True) -> Samples:
    """Run ``rounds`` rounds of one batch per variant, rotating the order every round.

    A first warm-up round (imports, connection set-up, caches) is run and thrown away.
    """
    names = list(variants)
    by_variant: dict[str, list[float]] = {name: [] for name in names}
    if warmup:
        for name in names:
            variants[name]()
    for index in range(rounds):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            gc.collect()
            by_variant[name].append(variants[name]())
    return Samples(by_variant)


def per_call(call: Callable[[], object], calls: int) -> Batch:
    """A batch making ``calls`` calls, whose figure is the mean seconds per call."""

    def batch() -> float:
        start = time.perf_counter()
        for _ in range(calls):
            call()
        return (time.perf_counter() - start) / calls

    return batch
