"""Figure 5: iterating 10,000 OAuth clients, 100 a page.

This project's ``paginate(list_oauth_clients, client, page_size=100)`` against a hand-written
raw httpx loop over ``page[number]`` that stops at ``meta.total_pages``. Both run against the
sandbox holding exactly the seeded clients; the requests are the sandbox's own count.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from bench import _calls, _profile
from bench._report import Goal, Profiled, Row, Section, micros, ratio_text
from bench._sandbox import Server
from bench._stats import interleave
from telnyx_oauth import paginate
from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api.api.oauth_clients import list_oauth_clients
from telnyx_oauth_sandbox import SandboxControls

OURS = "this project: paginate()"
RAW = "raw httpx loop"


def ours_items(client: AuthenticatedClient, page_size: int) -> Iterator[Any]:
    """Every OAuth client, as the generated model, through ``telnyx_oauth.paginate``."""
    return iter(paginate(list_oauth_clients, client, page_size=page_size))


def raw_items(http: httpx.Client, page_size: int) -> Iterator[Any]:
    """Every OAuth client, as a dict, the way one would write it by hand."""
    page_number = 1
    while True:
        params = {"page[number]": page_number, "page[size]": page_size}
        body = json.loads(http.get("/v2/oauth_clients", params=params).content)
        yield from body["data"]
        if page_number >= body["meta"]["total_pages"]:
            return
        page_number += 1


@dataclass(frozen=True)
class Walk:
    """One full iteration: items seen, seconds taken, list requests the server counted."""

    items: int
    seconds: float
    requests: int


def walk(controls: SandboxControls, items: Callable[[], Iterable[Any]]) -> Walk:
    """Iterate every item once, timing it and counting the server's list requests."""
    controls.clear_stats()
    start = time.perf_counter()
    seen = sum(1 for _ in items())
    seconds = time.perf_counter() - start
    return Walk(seen, seconds, controls.operation_count("list_oauth_clients"))


def measure(server: Server, rounds: int, clients: int, page_size: int) -> Section:
    """Seconds per item of each variant, their ratio, and this project's request count."""
    controls = server.controls()
    controls.reset()
    controls.seed_clients(clients, name_prefix="page")
    ours = _calls.ours_client(server.base_url, server.api_key)
    raw = _calls.raw_client(server.base_url, server.api_key)
    walks: dict[str, list[Walk]] = {OURS: [], RAW: []}
    sources: dict[str, Callable[[], Iterable[Any]]] = {
        OURS: lambda: ours_items(ours, page_size),
        RAW: lambda: raw_items(raw, page_size),
    }

    def batch(name: str) -> Callable[[], float]:
        def run() -> float:
            result = walk(controls, sources[name])
            if result.items != clients:
                raise RuntimeError(f"{name} saw {result.items} items, not {clients}")
            walks[name].append(result)
            return result.seconds / result.items

        return run

    samples = interleave({name: batch(name) for name in sources}, rounds)
    raw.close()
    controls.close()
    ratio = samples.ratio(OURS, RAW)
    requests = max(w.requests for w in walks[OURS])
    pages = -(-clients // page_size)
    section = Section(
        figure="5",
        title=f"Iterating {clients:,} OAuth clients, {page_size} a page",
        method=(
            f"{samples.rounds} interleaved full iterations per variant against the sandbox "
            f"holding exactly {clients:,} clients; time per item includes the {pages} page "
            "requests. This project yields generated `OAuthClient` models; the raw loop yields "
            "dicts from `json.loads`."
        ),
    )
    section.rows += [
        Row(
            "5",
            "iterate all clients, per item",
            micros(samples.median(OURS)),
            f"{RAW}: {micros(samples.median(RAW))}",
            ratio,
            ratio_text(ratio),
            Goal("<=", 1.3),
            spread=samples.ratio_iqr(OURS, RAW),
        ),
        Row(
            "5",
            "list requests per iteration",
            str(requests),
            f"{RAW}: {max(w.requests for w in walks[RAW])}",
            float(requests),
            f"{requests} (most in a run)",
            Goal("==", pages, unit=""),
            charted=False,
        ),
    ]
    section.details += [
        (
            name,
            f"{micros(samples.median(name))} per item; "
            f"{samples.median(name) * clients:.2f} s per full iteration",
        )
        for name in sources
    ]
    section.notes.append(
        "This figure compares typed models with raw dicts: the raw loop stops at "
        "`json.loads`, while this project also turns every item into a generated "
        "`OAuthClient` (its `from_dict` checks every field against the spec and converts enums, "
        "datetimes and lists). "
        "When the goal is missed, the closing note gives the profiled share of `from_dict`."
    )
    ours_per_item, raw_per_item = samples.median(OURS), samples.median(RAW)
    section.profile = lambda: _profiled(ours, page_size, clients, ours_per_item, raw_per_item)
    return section


FROM_DICT_FILE = "telnyx_oauth_api/models/oauth_client_list_response.py"


def _profiled(
    client: AuthenticatedClient, page_size: int, clients: int, ours: float, raw: float
) -> Profiled:
    """One profiled iteration, and the share of it spent turning pages into models."""
    session = _profile.session_of(lambda: sum(1 for _ in ours_items(client, page_size)))
    profiled = _profile.summarize(
        session, f"This project, one iteration of {clients:,} clients (client process only)"
    )
    root = session.root_frame()
    total = root.time if root is not None else 0.0
    models = _profile.cumulative(root, FROM_DICT_FILE, "from_dict") if root is not None else 0.0
    share = models / (total or 1.0)
    finding = (
        f"typed models. The medians are {micros(ours)} (this project) and {micros(raw)} (raw "
        f"loop) per item: the gap is {micros(ours - raw)}, {100 * (ours - raw) / ours:.1f} % "
        "of this project's time per item. Under the profiler, the generated "
        f"`OAuthClientListResponse.from_dict` (with each `OAuthClient.from_dict`: the checks of "
        f"every field, the enum and datetime conversions) takes {100 * share:.1f} % of "
        f"this project's iteration ({micros(models / clients)} of {micros(total / clients)} "
        "per item, profiler overhead included). The raw loop does none of that work: it yields "
        "the dicts `json.loads` made. The rest of this project's path (`paginate`, the "
        "generated request, the overlay's transport) runs once per page, not per item. So the "
        "miss is the price of typed models rather than raw dicts, not of pagination."
    )
    return Profiled(profiled.summary, profiled.full, finding)
