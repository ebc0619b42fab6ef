"""docs/benchmarks.png: one bar per ratio, its goal marked, green when met and red when missed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory

from bench._report import Row

_MET, _MISSED, _NO_GOAL = "#2e7d32", "#c62828", "#78909c"


def _label(row: Row) -> str:
    baseline = row.other.split(":")[0].replace("`", "")
    return f"{row.figure}. {row.measure}\nvs {baseline}"


GOAL_COLUMN = 0.13
"""Share of the figure's width kept on the right for the goal column."""


def draw(rows: Sequence[Row], path: Path, *, title: str) -> None:
    """Write a horizontal bar chart of the charted rows' ratios (log scale) to ``path``.

    Each goal is a black tick across its bar; its text sits in a column of its own at the
    right, so no goal label can overlap a bar, a tick or a value.
    """
    charted = [row for row in rows if row.charted]
    # The Agg canvas directly, not pyplot: no display, no global figure state.
    fig = Figure(figsize=(12, 0.5 * len(charted) + 1.6), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    positions = range(len(charted))[::-1]
    colors = [
        _NO_GOAL if row.goal is None else (_MISSED if row.missed else _MET) for row in charted
    ]
    ax.barh(list(positions), [row.value for row in charted], color=colors, height=0.6)
    right_column = blended_transform_factory(ax.transAxes, ax.transData)
    for y, row in zip(positions, charted, strict=True):
        end = row.value if row.goal is None else max(row.value, row.goal.target)
        ax.annotate(
            row.value_text,
            (end, y),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
        if row.goal is not None:
            ax.plot([row.goal.target] * 2, [y - 0.4, y + 0.4], color="black", linewidth=1.5)
            ax.text(
                1.02,
                y,
                f"goal {row.goal}: {'missed' if row.missed else 'met'}",
                transform=right_column,
                va="center",
                fontsize=8,
                color=_MISSED if row.missed else _MET,
            )
    ax.text(1.02, 1.0, "goal", transform=ax.transAxes, va="bottom", fontsize=8, weight="bold")
    ax.set_xscale("log")
    ax.axvline(1.0, color="#555555", linewidth=0.8, linestyle=":")
    ax.set_yticks(list(positions), [_label(row) for row in charted], fontsize=8)
    ax.set_ylim(-0.7, len(charted) - 0.3)
    ax.set_xlabel("ratio (log scale); black tick = goal; green = met, red = missed, grey = no goal")
    ax.set_title(title, fontsize=10)
    low = min([row.value for row in charted] + [r.goal.target for r in charted if r.goal])
    high = max([row.value for row in charted] + [r.goal.target for r in charted if r.goal])
    ax.set_xlim(low / 1.5, high * 4)
    fig.tight_layout(rect=(0, 0, 1 - GOAL_COLUMN, 1))
    fig.savefig(path)
