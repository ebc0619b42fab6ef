"""Figure 3: cold import time, each import in a fresh interpreter, in what a user installs.

The goals are judged in a clean venv (``bench._user_venv``): this project installed from a
wheel, the pinned ``telnyx`` next to it, everything byte-compiled, no click/rich/pygments, and
``PYTHONDONTWRITEBYTECODE`` unset. Each round starts one fresh ``python -c`` per statement, in
rotating order, and times it from outside; an import's cost in a round is that time less the
same round's bare ``python -c pass``. The dev venv's figure (editable install, no bytecode for
this project's sources, httpx's CLI imported) is a secondary row, without a goal.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bench import _profile, _user_venv
from bench._report import Goal, Profiled, Row, Section, micros, ratio_text
from bench._stats import Samples, interleave

BARE = "pass"
# The floor: the design card's runtime packages, which the generated code cannot do without.
HTTPX = "import httpx, attrs"
# As a user imports: the overlay and one endpoint module, which loads its own models.
OURS = "import telnyx_oauth; import telnyx_oauth_api.api.oauth_clients.list_oauth_clients"
IMPORT_GOAL = 1.2
SDK = "import telnyx"
HTTPX_CLI = "httpx._main"
SDK_GOAL = 15.0
FLOOR_ROWS = ((0, "httpx"), (0, "attrs"))
IMPORTTIME_RUNS = 7
ADDED_SHOWN = 6

USER, DEV = "user venv", "dev venv"


def run_seconds(statement: str, python: Path, env: Mapping[str, str] | None = None) -> float:
    """Wall-clock seconds of a fresh ``python -c statement``, start to exit."""
    start = time.perf_counter()
    subprocess.run([str(python), "-c", statement], check=True, env=env)  # noqa: S603
    return time.perf_counter() - start


def import_times(
    statement: str, python: Path, env: Mapping[str, str] | None = None
) -> list[tuple[int, str, float, float]]:
    """``-X importtime`` of a fresh ``statement``: (depth, module, self s, cumulative s) per
    module, in the order the interpreter prints them (children before their parent)."""
    args = [str(python), "-X", "importtime", "-c", statement]
    result = subprocess.run(  # noqa: S603 (our interpreters)
        args, check=True, capture_output=True, text=True, env=env
    )
    rows = []
    for line in result.stderr.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if len(fields) != 3 or not fields[0].strip().isdigit():
            continue
        name = fields[2].rstrip()
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        rows.append((depth, name.strip(), int(fields[0]) / 1e6, int(fields[1]) / 1e6))
    return rows


def cumulative_import_seconds(statement: str, module: str, python: Path) -> float:
    """Seconds ``-X importtime`` gives ``module`` (with what it imports) in a fresh
    ``statement``; 0.0 when the statement never imports it."""
    for _, name, _, cumulative in import_times(statement, python):
        if name == module:
            return cumulative
    return 0.0


OWN_PACKAGES = frozenset({"telnyx_oauth", "telnyx_oauth_api"})
ALIASES = {"attr": "attrs"}


def _package(module: str) -> str:
    top = module.split(".", maxsplit=1)[0]
    return ALIASES.get(top, top)


@dataclass
class _Node:
    depth: int
    name: str
    own: float
    children: list[_Node] = field(default_factory=list)


def charged(rows: list[tuple[int, str, float, float]]) -> dict[str, float]:
    """Self time of ``rows`` (one ``-X importtime`` tree) by the package that caused it.

    A module of this project is charged to itself; anything another package imports is
    charged to that package (``platform``, imported by attrs, counts for attrs), so each
    entry is what one direct import of this project's code costs.
    """
    totals: defaultdict[str, float] = defaultdict(float)
    pending: list[_Node] = []
    for depth, name, own, _ in rows:  # children come before their parent, one level deeper
        node = _Node(depth, name, own, [n for n in pending if n.depth == depth + 1])
        pending = [n for n in pending if n.depth != depth + 1] + [node]

    def visit(node: _Node, owner: str | None) -> None:
        here = owner or _package(node.name)
        totals[here] += node.own
        for child in node.children:
            visit(child, None if here in OWN_PACKAGES else here)

    for node in pending:
        visit(node, None)
    return dict(totals)


def added_to_httpx(python: Path, env: Mapping[str, str]) -> dict[str, float]:
    """Median self time, by the package that caused it, of every module ``OURS`` imports that
    the floor (``import httpx, attrs``) has not already imported (``-X importtime`` of
    ``import httpx, attrs; OURS``)."""
    runs: list[dict[str, float]] = []
    for _ in range(IMPORTTIME_RUNS):
        rows = import_times(f"{HTTPX}; {OURS}", python, env)
        end_of_httpx = max(i for i, row in enumerate(rows) if row[:2] in FLOOR_ROWS)
        runs.append(charged(rows[end_of_httpx + 1 :]))
    packages = {name for totals in runs for name in totals}
    found = {name: statistics.median(t.get(name, 0.0) for t in runs) for name in packages}
    return dict(sorted(found.items(), key=lambda item: -item[1]))


def _batch(statement: str, python: Path, env: Mapping[str, str] | None) -> Callable[[], float]:
    return lambda: run_seconds(statement, python, env)


def _net(samples: Samples, venv: str, statements: tuple[str, ...]) -> Samples:
    """Per-round import costs: each statement's time less the same round's bare start-up."""
    bare = samples.by_variant[f"{venv}: {BARE}"]
    return Samples(
        {
            s: [t - b for t, b in zip(samples.by_variant[f"{venv}: {s}"], bare, strict=True)]
            for s in statements
        }
    )


def measure(rounds: int) -> Section:
    """Median import cost of this project, httpx and the official SDK, and their ratios."""
    user = _user_venv.ensure()
    dev_python = Path(sys.executable)
    variants = {f"{USER}: {s}": _batch(s, user.python, user.env) for s in (BARE, HTTPX, OURS, SDK)}
    variants |= {f"{DEV}: {s}": _batch(s, dev_python, None) for s in (BARE, HTTPX, OURS)}
    samples = interleave(variants, rounds)
    net = _net(samples, USER, (HTTPX, OURS, SDK))
    dev = _net(samples, DEV, (HTTPX, OURS))
    ours, httpx_, sdk = (net.median(s) for s in (OURS, HTTPX, SDK))
    to_httpx, sdk_slower = net.ratio(OURS, HTTPX), net.ratio(SDK, OURS)
    dev_ratio = dev.ratio(OURS, HTTPX)
    bare = samples.median(f"{USER}: {BARE}")
    section = Section(
        figure="3",
        title="Cold import time",
        method=(
            f"{samples.rounds} rounds; each round starts a fresh interpreter per statement, in "
            "rotating order, and times it from outside; a statement's import cost in a round is "
            "its wall time less that round's `python -c pass` of the same venv, and the figure "
            "is the median over the rounds. Measured in a **clean user venv**, built by the "
            "bench with `python -m venv` (reused while its sources and pins are unchanged): "
            "this project installed from a wheel built from a copy of the repo (not editable), "
            f"`telnyx=={user.versions.get('telnyx', '?')}`, and their dependencies at the dev "
            "venv's versions; everything byte-compiled (as pip does on install), "
            "`PYTHONDONTWRITEBYTECODE` unset, and none of click, rich, pygments. "
            f"This venv was {'reused' if user.reused else 'built in this run'}."
        ),
    )
    section.rows += [
        Row(
            "3",
            "cold import, fresh process (user venv)",
            micros(ours),
            f"`{HTTPX}`: {micros(httpx_)}",
            to_httpx,
            ratio_text(to_httpx),
            Goal("<=", IMPORT_GOAL),
            spread=net.ratio_iqr(OURS, HTTPX),
        ),
        Row(
            "3",
            "cold import, official SDK / this project (user venv)",
            micros(ours),
            f"`{SDK}`: {micros(sdk)}",
            sdk_slower,
            f"SDK {ratio_text(sdk_slower)} slower",
            Goal(">=", SDK_GOAL),
            spread=net.ratio_iqr(SDK, OURS),
        ),
        Row(
            "3",
            "cold import, dev venv (secondary: editable, no bytecode, httpx CLI)",
            micros(dev.median(OURS)),
            f"`{HTTPX}`: {micros(dev.median(HTTPX))}",
            dev_ratio,
            ratio_text(dev_ratio),
            spread=dev.ratio_iqr(OURS, HTTPX),
            goal_note="— (judged in the user venv)",
        ),
    ]
    section.details += [
        (f"user venv: `{OURS}`", micros(ours)),
        (f"user venv: `{HTTPX}`", micros(httpx_)),
        (f"user venv: `{SDK}`", micros(sdk)),
        ("user venv: `python -c pass` (subtracted)", micros(bare)),
        (f"dev venv: `{OURS}`", micros(dev.median(OURS))),
        (f"dev venv: `{HTTPX}`", micros(dev.median(HTTPX))),
        ("dev venv: `python -c pass` (subtracted)", micros(samples.median(f"{DEV}: {BARE}"))),
    ]
    shared = ("httpx", "httpcore", "h11", "anyio", "idna", "certifi", "sniffio")
    section.notes.append(
        "User venv versions: "
        + ", ".join(f"{name} {user.versions[name]}" for name in shared if name in user.versions)
        + "."
    )
    cli = statistics.median(
        cumulative_import_seconds(HTTPX, HTTPX_CLI, dev_python) for _ in range(3)
    )
    section.notes.append(
        "The dev venv row is kept for comparison with earlier runs and is not judged: there "
        "this project is an editable install whose sources are compiled on every import "
        "(`PYTHONDONTWRITEBYTECODE=1` in this environment), and `import httpx` also imports "
        f"httpx's command-line interface (`{HTTPX_CLI}`: {micros(cli)} by `-X importtime`) "
        "because the dev tools installed click, rich and pygments. A user's install has "
        "neither."
    )
    section.notes.append(
        f"`{SDK}` / `{HTTPX}` = {ratio_text(net.ratio(SDK, HTTPX))} in the user venv: no client "
        "built on httpx can import more than that many times faster than the SDK here, "
        "whatever it adds to httpx."
    )
    section.profile = lambda: _profile_imports(user, httpx_, sdk)
    return section


def _profile_imports(user: _user_venv.UserVenv, httpx_: float, sdk: float) -> Profiled:
    """pyinstrument of this project's import in the user venv, and ``-X importtime`` of what
    it adds to httpx, by package."""
    profiled = _profile.profile_import(OURS, user.python, user.env)
    added = added_to_httpx(user.python, user.env)
    total = sum(added.values())
    budget = sdk / SDK_GOAL
    largest = list(added.items())[:ADDED_SHOWN]
    if budget <= httpx_:
        reach = (
            f"that is less than `{HTTPX}` alone, so no client built on httpx can meet this goal "
            f"here (the SDK is only {ratio_text(sdk / httpx_)} slower than httpx itself)"
        )
    else:
        reach = f"i.e. add at most {micros(budget - httpx_)} to httpx's"
    finding = (
        f"In the user venv `{HTTPX}` alone costs {micros(httpx_)} and `{SDK}` {micros(sdk)}; "
        f"for the SDK to be {SDK_GOAL:g}× slower, this project's import would have to fit in "
        f"{micros(budget)}: {reach}. This project adds {micros(total)} to httpx "
        f"(`-X importtime` of `{HTTPX}; {OURS}`, median of {IMPORTTIME_RUNS} runs, self time "
        "of every module imported after httpx, charged to the package that imported it): "
        + ", ".join(f"{name} {micros(seconds)}" for name, seconds in largest)
        + ". telnyx_oauth and telnyx_oauth_api are this project's own modules."
    )
    return Profiled(
        profiled.summary,
        f"{profiled.full}\n\nAdded to `{HTTPX}` by `{OURS}` (-X importtime, self time by "
        "package, median):\n"
        + "\n".join(f"{micros(seconds):>10}  {name}" for name, seconds in added.items()),
        finding,
    )
