"""``python -m bench [--quick] [--only 1,4] [--output-dir docs]``."""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import _chart, _machine, _report
from bench._payloads import API_KEY
from bench._report import Profiled, Section
from bench._sandbox import Server, serve
from bench._sizes import FULL, QUICK, Sizes

FIGURES = ("1", "2", "3", "4", "5", "6", "7", "8")
REPORT_NAME = "benchmarks.md"
CHART_NAME = "benchmarks.png"
PROFILE_DIR = "profiles"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument(
        "--only", default=",".join(FIGURES), help="comma-separated figures to run (default all)"
    )
    parser.add_argument("--output-dir", type=Path, default=Path("docs"), help="default: docs")
    parser.add_argument("--no-profile", action="store_true", help="skip profiling the missed goals")
    return parser


def _local(figure: str, sizes: Sizes) -> Section:
    if figure == "1":
        from bench import call_cost

        return call_cost.measure(sizes.call_rounds, sizes.in_memory_calls)
    from bench import imports

    return imports.measure(sizes.import_rounds)


def _served(figure: str, server: Server, sizes: Sizes) -> Section:
    from bench import concurrency, fleet, load, loopback, pagination, verification

    runners: dict[str, Callable[[], Section]] = {
        "2": lambda: loopback.measure(server, sizes.loopback_rounds, sizes.loopback_calls),
        "4": lambda: concurrency.measure(
            server,
            sizes.concurrency_rounds,
            sizes.concurrency_calls,
            sizes.concurrency_workers,
            latency_rounds=sizes.latency_rounds,
            latency_seconds=sizes.latency_seconds,
        ),
        "5": lambda: pagination.measure(
            server, sizes.pagination_rounds, sizes.clients, sizes.page_size
        ),
        "6": lambda: verification.measure(
            server, sizes.verification_rounds, sizes.local_checks, sizes.introspections
        ),
        "7": lambda: load.measure(
            server,
            sizes.load_rounds,
            sizes.load_tasks,
            sizes.load_threads,
            calls_per_worker=sizes.load_calls_per_worker,
            latency_seconds=sizes.latency_seconds,
        ),
        "8": lambda: fleet.measure(
            server,
            sizes.fleet_rounds,
            sizes.fleet_processes,
            sizes.fleet_threads,
            sizes.fleet_calls_per_thread,
            renewal_rounds=sizes.fleet_renewals,
            latency_seconds=sizes.latency_seconds,
        ),
    }
    return runners[figure]()


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _profile(section: Section, out: Path) -> tuple[str, str, Profiled] | None:
    """Profile a section that missed a goal; write the full text under ``out/profiles/`` (and
    remove a profile an earlier run left there for a figure that now meets its goals)."""
    name = f"{PROFILE_DIR}/figure-{section.figure}.txt"
    if section.profile is None or not any(row.missed for row in section.rows):
        (out / name).unlink(missing_ok=True)
        return None
    _log(f"profiling figure {section.figure} ...")
    profiled = section.profile()
    (out / PROFILE_DIR).mkdir(parents=True, exist_ok=True)
    text = f"{profiled.finding}\n\n{profiled.full}" if profiled.finding else profiled.full
    (out / name).write_text(text + "\n", encoding="utf-8")
    return section.figure, name, profiled


def run(
    figures: Sequence[str], sizes: Sizes, out: Path | None
) -> tuple[list[Section], list[tuple[str, str, Profiled]]]:
    """Measure the chosen figures, and profile the ones that miss a goal (unless ``out`` is
    None) while the sandbox still runs. The sandbox runs only while served figures need it."""
    sections: list[Section] = []
    profiles: list[tuple[str, str, Profiled]] = []

    def measured(figure: str, measure: Callable[[], Section]) -> None:
        _log(f"figure {figure} ...")
        started = time.perf_counter()
        section = measure()
        _log(f"figure {figure} done in {time.perf_counter() - started:.1f} s")
        sections.append(section)
        if out is not None and (found := _profile(section, out)) is not None:
            profiles.append(found)

    for figure in [f for f in figures if f in ("1", "3")]:
        measured(figure, lambda: _local(figure, sizes))  # noqa: B023 (called at once)
    served = [f for f in figures if f not in ("1", "3")]
    if served:
        with serve(API_KEY) as server:
            for figure in served:
                measured(figure, lambda: _served(figure, server, sizes))  # noqa: B023
    sections.sort(key=lambda section: section.figure)
    profiles.sort(key=lambda found: found[0])
    return sections, profiles


def main(argv: Sequence[str] | None = None) -> int:
    """Run, then write the page and the chart; exit 0 whether or not every goal is met."""
    args = _parser().parse_args(argv)
    figures = [f.strip() for f in args.only.split(",") if f.strip()]
    unknown = sorted(set(figures) - set(FIGURES))
    if unknown:
        _parser().error(f"unknown figures: {', '.join(unknown)}")
    sizes = QUICK if args.quick else FULL
    started = time.perf_counter()
    out: Path = args.output_dir
    out.mkdir(parents=True, exist_ok=True)
    sections, profiles = run(figures, sizes, None if args.no_profile else out)
    rows = [row for section in sections for row in section.rows]
    _chart.draw(rows, out / CHART_NAME, title="telnyx-oauth: ratio to each baseline")
    command = shlex.join(["python", "-m", "bench", *(argv if argv is not None else sys.argv[1:])])
    machine = [
        *_machine.describe(),
        ("Run", f"{'quick' if args.quick else 'full'}, {time.perf_counter() - started:.0f} s"),
    ]
    page = _report.render(
        sections, machine, command=command, chart_name=CHART_NAME, profiles=profiles
    )
    (out / REPORT_NAME).write_text(page, encoding="utf-8")
    _log(f"wrote {out / REPORT_NAME} and {out / CHART_NAME}")
    return 0
