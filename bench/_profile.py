"""pyinstrument profiles of this project's side of a figure, for the goals a run misses.

Besides pyinstrument's own flat listing, the profile is summed by library (httpx, httpcore,
the overlay, the generated package, the standard library, ...): a missed goal is bounded by
whichever library the time goes to, and this table says which, measured rather than guessed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Mapping
from pathlib import Path

from pyinstrument import Profiler
from pyinstrument.frame import Frame
from pyinstrument.renderers import ConsoleRenderer
from pyinstrument.session import Session

from bench._report import Profiled
from bench._sandbox import Server, serve

SAMPLE_INTERVAL_SECONDS = 0.0002
FLAT_LINES = 20
LIBRARY_SHARE_SHOWN = 0.01

_SITE = re.compile(r"/site-packages/([^/]+)")
_STDLIB = re.compile(r"/lib/python3\.\d+/([^/]+?)(?:\.py)?(?:/|$)")
_OWN = {
    "/overlay/telnyx_oauth/": "telnyx_oauth (overlay)",
    "/generated/telnyx_oauth_api/": "telnyx_oauth_api (generated)",
    "/site-packages/telnyx_oauth/": "telnyx_oauth (overlay)",
    "/site-packages/telnyx_oauth_api/": "telnyx_oauth_api (generated)",
    "/bench/": "bench harness",
}


def library(path: str | None) -> str | None:
    """The library a source file belongs to, or None for builtins and synthetic frames."""
    if path is None or path.startswith("<"):
        return None
    for marker, name in _OWN.items():
        if marker in path:
            return name
    if match := _SITE.search(path):
        return match.group(1).removesuffix(".py")
    if match := _STDLIB.search(path):
        return f"stdlib {match.group(1)}"
    return "other"


def own_times(root: Frame, *, split_io: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds of own time by library and by function; a builtin counts for its caller's
    library (and as itself among functions). With ``split_io``, socket sends, receives and
    polls count as ``SOCKET_IO`` instead: over loopback they hold the server's time."""
    libraries: defaultdict[str, float] = defaultdict(float)
    functions: defaultdict[str, float] = defaultdict(float)

    def visit(frame: Frame, inherited: str, caller: str) -> None:
        owner = library(frame.file_path) or inherited
        own = max(frame.time - sum(child.time for child in frame.children), 0.0)
        libraries[owner] += own
        if frame.is_synthetic:  # pyinstrument's "[self]" and friends: the caller's own time
            name = caller
        else:
            where = frame.file_path_short or frame.file_path or ""
            name = f"{frame.function}  {where}:{frame.line_no or ''}".rstrip(":")
        functions[name] += own
        for child in frame.children:
            visit(child, owner, name)

    visit(root, "other", "(root)")
    return dict(libraries), dict(functions)


def find(root: Frame, file_part: str, function: str) -> Frame | None:
    """The first frame (breadth first) running ``function`` in a file whose path has
    ``file_part``."""
    queue = [root]
    while queue:
        frame = queue.pop(0)
        if frame.function == function and file_part in (frame.file_path or ""):
            return frame
        queue.extend(frame.children)
    return None


def cumulative(root: Frame, file_part: str, function: str) -> float:
    """Seconds spent in ``function`` of a file whose path has ``file_part``, callees included,
    over every call path (a call nested in another counted call is not counted twice)."""
    if root.function == function and file_part in (root.file_path or ""):
        return root.time
    return sum(cumulative(child, file_part, function) for child in root.children)


OWN_LIBRARIES = ("telnyx_oauth (overlay)", "telnyx_oauth_api (generated)")


def own_seconds(session: Session) -> tuple[float, float]:
    """(seconds in this project's own code, total seconds) of a session: the overlay's and the
    generated package's own time, builtins they call included."""
    root = session.root_frame()
    if root is None:
        return 0.0, 0.0
    libraries, _ = own_times(root)
    return sum(libraries.get(name, 0.0) for name in OWN_LIBRARIES), sum(libraries.values())


def _largest(totals: dict[str, float], limit: int, share: float) -> list[tuple[str, float]]:
    grand = sum(totals.values()) or 1.0
    ranked = sorted(totals.items(), key=lambda item: -item[1])
    return [(name, seconds) for name, seconds in ranked[:limit] if seconds / grand >= share]


def summarize(session: Session, title: str, root: Frame | None = None) -> Profiled:
    """(summary for the page, full text with the call tree for a file) of one session, or of
    the subtree at ``root``."""
    root = root or session.root_frame()
    if root is None:
        return Profiled(f"{title}\n\n(no samples)", f"{title}\n\n(no samples)")
    libraries, functions = own_times(root)
    grand = sum(libraries.values()) or 1.0
    summary = "\n".join(
        [
            title,
            f"{root.time:.2f} s, {session.sample_count:,} samples",
            "",
            "Time by library (own code; a builtin counts for its caller):",
            *(
                f"  {100 * seconds / grand:5.1f}%  {name}"
                for name, seconds in _largest(libraries, 1000, LIBRARY_SHARE_SHOWN)
            ),
            "",
            "Top functions by own time (seconds):",
            *(f"{seconds:.4f} {name}" for name, seconds in _largest(functions, FLAT_LINES, 0)),
        ]
    )
    tree = ConsoleRenderer(unicode=True).render(session)
    return Profiled(summary, f"{summary}\n\nCall tree:\n{tree}")


def session_of(run: Callable[[], object]) -> Session:
    """The pyinstrument session of ``run()`` in this process (the calling thread)."""
    profiler = Profiler(interval=SAMPLE_INTERVAL_SECONDS, async_mode="disabled")
    profiler.start()
    run()
    return profiler.stop()


def profile(run: Callable[[], object], title: str) -> Profiled:
    """Profile ``run()`` in this process (the calling thread)."""
    return summarize(session_of(run), title)


def profile_server(api_key: str, workload: Callable[[Server], object], title: str) -> Profiled:
    """Profile a sandbox process of its own while ``workload`` runs against it; only its event
    loop is summarized (the imports and spec loading before it are left out)."""
    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / "server.pyisession"
        with serve(api_key, profile_to=saved, interval_seconds=SAMPLE_INTERVAL_SECONDS) as server:
            workload(server)
        session = Session.load(saved)
    root = session.root_frame()
    loop = "asyncio/base_events.py"
    serving = find(root, loop, "run_until_complete") if root is not None else None
    return summarize(session, title, serving)


def profile_import(
    statement: str, python: Path | None = None, env: Mapping[str, str] | None = None
) -> Profiled:
    """Profile ``statement`` in a fresh interpreter (``python -m pyinstrument -c``), by default
    this one; ``python`` must have pyinstrument installed."""
    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / "import.pyisession"
        args = [
            str(python or sys.executable),
            "-m",
            "pyinstrument",
            "--interval",
            str(SAMPLE_INTERVAL_SECONDS),
            "-r",
            "pyisession",
            "-o",
            str(saved),
            "-c",
            statement,
        ]
        subprocess.run(args, check=True, capture_output=True, env=env)  # noqa: S603
        session = Session.load(saved)
    return summarize(session, f"`{statement}` in a fresh interpreter")
