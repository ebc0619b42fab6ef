"""The figures of a run, their goals, and the Markdown page written from them."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

GoalOp = Literal["<=", "<", ">=", "=="]

_COMPARE: dict[GoalOp, Callable[[float, float], bool]] = {
    "<=": operator.le,
    "<": operator.lt,
    ">=": operator.ge,
    "==": operator.eq,
}
_SYMBOL: dict[GoalOp, str] = {"<=": "≤", "<": "<", ">=": "≥", "==": "="}


@dataclass(frozen=True)
class Goal:
    """A target a figure must meet, such as ``<= 1.3`` (times) or ``== 1`` (requests)."""

    op: GoalOp
    target: float
    unit: str = "×"

    def met(self, value: float) -> bool:
        """Whether ``value`` meets the goal."""
        return _COMPARE[self.op](value, self.target)

    def __str__(self) -> str:
        return f"{_SYMBOL[self.op]} {self.target:g}{self.unit}"


@dataclass(frozen=True)
class Row:
    """One line of the results table: this project against one baseline."""

    figure: str
    measure: str
    ours: str
    other: str
    value: float
    value_text: str
    goal: Goal | None = None
    charted: bool = True
    """Whether ``value`` is a ratio drawn in the chart (counts are not)."""
    spread: tuple[float, float] | None = None
    """Interquartile range of ``value`` over the rounds (of the per-round ratios), if any."""
    goal_note: str | None = None
    """What the Goal column says of a row without a goal (default ``—``)."""

    @property
    def goal_text(self) -> str:
        """The Goal column: the goal, else the note, else ``—``."""
        if self.goal is not None:
            return str(self.goal)
        return self.goal_note or "—"

    @property
    def spread_text(self) -> str:
        """The IQR column: ``1.02`` en dash ``1.07×``, or ``—`` for counts and single runs."""
        if self.spread is None:
            return "—"
        low, high = self.spread
        return f"{ratio_text(low).removesuffix('×')}\N{EN DASH}{ratio_text(high)}"

    @property
    def status(self) -> str:
        """``met``, ``missed``, or ``—`` when the issue sets no goal."""
        if self.goal is None:
            return "—"
        return "met" if self.goal.met(self.value) else "**missed**"

    @property
    def missed(self) -> bool:
        """True when the row has a goal and does not meet it."""
        return self.goal is not None and not self.goal.met(self.value)


@dataclass(frozen=True)
class Profiled:
    """A profile of this project's side of a figure."""

    summary: str
    """The short text shown on the page."""
    full: str
    """The whole text, call tree included, written under docs/profiles/."""
    finding: str = ""
    """What bounds the figure, in one paragraph computed from the profile (may be empty)."""


@dataclass
class Section:
    """Everything one benchmark module measured."""

    figure: str
    title: str
    method: str
    rows: list[Row] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)
    """(variant, figure) pairs: the absolute medians behind the ratios."""
    notes: list[str] = field(default_factory=list)
    profile: Callable[[], Profiled] | None = None
    """Profiles this project's side; run only when a goal is missed."""


def ratio_text(value: float) -> str:
    """A ratio with as many digits as it needs: 0.143×, 1.04×, 27.3×."""
    if value >= 10:
        return f"{value:.1f}×"
    return f"{value:.3f}×"


def micros(seconds: float) -> str:
    """Seconds per call as microseconds or milliseconds."""
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def per_second(rate: float) -> str:
    """A rate, rounded to three significant figures."""
    return f"{rate:,.0f}/s" if rate >= 100 else f"{rate:.3g}/s"


def render(
    sections: Sequence[Section],
    machine: Sequence[tuple[str, str]],
    *,
    command: str,
    chart_name: str,
    profiles: Sequence[tuple[str, str, Profiled]] = (),
) -> str:
    """The Markdown page. ``profiles`` holds (figure, file name, profile) of missed goals."""
    rows = [row for section in sections for row in section.rows]
    lines = [
        "# Benchmarks",
        "",
        f"Written by `{command}` (`make bench`); do not edit by hand. Each figure is the median of",
        "repeated interleaved runs in one process run (a ratio is the median of per-round ratios);",
        "*IQR of rounds* is the interquartile range of those per-round ratios (the middle half of",
        "the rounds lies in it), so that a reader can tell a goal met or missed by noise from one",
        "that is not. The request and token counts are also asserted, at small sizes, by",
        "`tests/bench/` inside `make check`.",
        "",
        "## Machine and versions",
        "",
        "| | |",
        "|---|---|",
        *(f"| {key} | {value} |" for key, value in machine),
        "",
        "## Results",
        "",
        "| # | Measure | This project | Compared with | Ratio / count | IQR of rounds "
        "| Goal | Status |",
        "|---|---|---|---|---|---|---|---|",
        *(
            f"| {row.figure} | {row.measure} | {row.ours} | {row.other} | {row.value_text} "
            f"| {row.spread_text} | {row.goal_text} | {row.status} |"
            for row in rows
        ),
        "",
        f"![Ratios of this project to each baseline]({chart_name})",
        "",
    ]
    met = sum(1 for row in rows if row.goal is not None and not row.missed)
    goals = sum(1 for row in rows if row.goal is not None)
    lines += [f"**{met} of {goals} goals met.**", ""]
    for section in sections:
        lines += [f"## {section.figure}. {section.title}", "", section.method, ""]
        if section.details:
            lines += ["| Variant | Median |", "|---|---|"]
            lines += [f"| {variant} | {value} |" for variant, value in section.details]
            lines.append("")
        for note in section.notes:
            lines += [note, ""]
    missed = [row for row in rows if row.missed]
    lines += ["## Closing note: missed goals", ""]
    if not missed:
        lines += ["Every goal is met.", ""]
    for row in missed:
        lines.append(f"- **{row.figure}. {row.measure}**: {row.value_text} against {row.goal}.")
    if missed:
        lines.append("")
    for figure, name, profiled in profiles:
        lines += [f"### Profile of figure {figure} (pyinstrument, full text in `{name}`)", ""]
        if profiled.finding:
            lines += [f"**What bounds it:** {profiled.finding}", ""]
        lines += ["```text", profiled.summary.rstrip(), "```", ""]
    return "\n".join(lines).rstrip() + "\n"
