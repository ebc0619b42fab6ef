"""Figure 2: the same call over loopback against the sandbox, connections kept alive.

The sandbox runs in its own process; each variant keeps one connection pool for the whole run,
so every measured call reuses a kept-alive connection.
"""

from __future__ import annotations

import statistics

from bench import _calls, _profile, _sdk, call_cost
from bench._report import Goal, Profiled, Row, Section, micros, ratio_text
from bench._sandbox import Server
from bench._stats import Batch, interleave, per_call

PROFILE_BATCHES = 3
OURS = "this project"
RAW = "raw httpx + json.loads"
SDK = "official SDK"


def batches(server: Server, client_id: str, calls: int) -> dict[str, Batch]:
    """One batch per variant, each making ``calls`` calls to the sandbox."""
    ours = _calls.ours_client(server.base_url, server.api_key)
    raw = _calls.raw_client(server.base_url, server.api_key)
    sdk = _sdk.against(server.base_url, api_key=server.api_key)
    return {
        OURS: per_call(_calls.ours(ours, client_id), calls),
        RAW: per_call(_calls.raw(raw, client_id), calls),
        SDK: per_call(_calls.sdk(sdk, client_id), calls),
    }


def measure(server: Server, rounds: int, calls: int) -> Section:
    """Median seconds per call over loopback, and this project's ratio to raw httpx."""
    controls = server.controls()
    controls.reset()
    (client_id,) = controls.seed_clients(1, name_prefix="loopback")
    controls.close()
    variants = batches(server, client_id, calls)
    samples = interleave(variants, rounds)
    ours, raw, sdk = (samples.median(name) for name in (OURS, RAW, SDK))
    section = Section(
        figure="2",
        title="The same call over loopback (keep-alive)",
        method=(
            f"`GET /v2/oauth_clients/{{id}}` against the sandbox in its own process on "
            f"127.0.0.1; {samples.rounds} interleaved rounds of {calls:,} calls per variant, "
            "each variant on its own kept-alive connection. Server time is in every figure. "
            "The ratio to raw httpx is the median of the per-round ratios; the spread of those "
            "ratios (IQR) is printed next to it, because the goal's 5 % is of the order of the "
            "round-to-round noise of a shared two-core machine."
        ),
    )
    to_raw, to_sdk = samples.ratio(OURS, RAW), samples.ratio(OURS, SDK)
    section.rows += [
        Row(
            "2",
            "one call, loopback keep-alive",
            micros(ours),
            f"{RAW}: {micros(raw)}",
            to_raw,
            ratio_text(to_raw),
            Goal("<=", 1.05),
            spread=samples.ratio_iqr(OURS, RAW),
        ),
        Row(
            "2",
            "one call, loopback keep-alive",
            micros(ours),
            f"{SDK}: {micros(sdk)}",
            to_sdk,
            ratio_text(to_sdk),
            spread=samples.ratio_iqr(OURS, SDK),
        ),
    ]
    section.details += [
        (name, f"{micros(samples.median(name))} per call") for name in samples.by_variant
    ]
    section.profile = lambda: _profiled(variants, calls, ours, raw)
    return section


IN_MEMORY_ROUNDS = 7
IN_MEMORY_CALLS = 1_000


def _profiled(variants: dict[str, Batch], calls: int, ours: float, raw: float) -> Profiled:
    """This project's client process under the profiler, and its client-side extra per call
    measured without a server (figure 1's in-memory batches, interleaved again here)."""
    session = _profile.session_of(lambda: [variants[OURS]() for _ in range(PROFILE_BATCHES)])
    profiled = _profile.summarize(
        session, f"This project, {PROFILE_BATCHES * calls:,} loopback calls (client process only)"
    )
    own, total = _profile.own_seconds(session)
    made = PROFILE_BATCHES * calls
    in_memory = interleave(call_cost.batches(IN_MEMORY_CALLS), IN_MEMORY_ROUNDS)
    extra = statistics.median(
        a - b
        for a, b in zip(
            in_memory.by_variant[call_cost.OURS], in_memory.by_variant[call_cost.RAW], strict=True
        )
    )
    finding = (
        f"the medians are {micros(ours)} (this project) and {micros(raw)} (raw httpx) per call; "
        f"the goal allows {micros(0.05 * raw)} more (5 %). What this project adds on the "
        "client side, measured without any server (figure 1's in-memory batches, "
        f"{IN_MEMORY_ROUNDS} interleaved rounds of {IN_MEMORY_CALLS:,} calls run again here), "
        f"is {micros(extra)} per call, {100 * extra / raw:.1f} % of raw httpx's loopback call. "
        f"Under the profiler, this project's own code (overlay and generated package) is "
        f"{micros(own / made)} per call ({100 * own / (total or 1):.1f} % of the client "
        "process's sampled time); the rest of the client's time is httpx, httpcore, h11 and "
        "the socket, which raw httpx spends too. The server does the same work for both "
        "variants, so a loopback ratio above 1 + that in-memory share is not this project's "
        "client work: compare it with the rounds' IQR."
    )
    return Profiled(profiled.summary, profiled.full, finding)
