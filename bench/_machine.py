"""The machine and the versions a run measured, for the top of docs/benchmarks.md."""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata
from pathlib import Path

_DISTRIBUTIONS = ("telnyx-oauth", "httpx", "telnyx", "joserfc", "starlette", "uvicorn", "redis")


def cpu_model(cpuinfo: Path = Path("/proc/cpuinfo")) -> str:
    """The CPU's model name from /proc/cpuinfo, else what ``platform`` knows."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor() or platform.machine()
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "model name":
            return value.strip()
    return platform.processor() or platform.machine()


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe() -> list[tuple[str, str]]:
    """(label, value) pairs: platform, CPU, core count, Python, and the measured libraries."""
    facts = [
        ("Platform", platform.platform()),
        ("CPU", cpu_model()),
        ("Cores available", str(len(os.sched_getaffinity(0)))),
        ("Python", f"{platform.python_implementation()} {sys.version.split()[0]}"),
    ]
    facts += [(name, _version(name)) for name in _DISTRIBUTIONS]
    return facts
