"""Benchmarks of telnyx-oauth, side by side with raw httpx and Telnyx's official SDK.

``python -m bench`` (``make bench``) runs every figure of issue 6 and writes
``docs/benchmarks.md`` and ``docs/benchmarks.png``. Each figure lives in its own module
(``call_cost``, ``loopback``, ``imports``, ``concurrency``, ``pagination``, ``verification``)
as a ``measure(context) -> Section`` function; the request-count parts are plain functions that
``tests/bench`` also drives, with small sizes, inside ``make check``.
"""

from __future__ import annotations
