"""The harness itself: goals, interleaving, medians and the page it writes."""

from __future__ import annotations

import pytest

from bench._report import Goal, Row, Section, render
from bench._stats import Samples, interleave, iqr


@pytest.mark.parametrize(
    ("goal", "value", "met"),
    [
        (Goal("<=", 1.3), 1.3, True),
        (Goal("<=", 1.3), 1.31, False),
        (Goal("<", 1), 1.0, False),
        (Goal(">=", 4), 4.0, True),
        (Goal(">=", 4), 3.99, False),
        (Goal("==", 1, unit=""), 1.0, True),
        (Goal("==", 1, unit=""), 2.0, False),
    ],
)
def test_goal_is_met_exactly_at_its_bound(goal: Goal, value: float, met: bool) -> None:
    """A goal compares the figure with its target by its own operator, bound included."""
    assert goal.met(value) is met


def test_interleave_rotates_order_and_drops_warmup() -> None:
    """Each round starts one variant later; the warm-up round is run but not kept."""
    order: list[str] = []

    def batch(name: str, value: float) -> float:
        order.append(name)
        return value

    samples = interleave({"a": lambda: batch("a", 1.0), "b": lambda: batch("b", 2.0)}, rounds=3)
    assert order == ["a", "b", "a", "b", "b", "a", "a", "b"]
    assert (samples.rounds, samples.median("b"), samples.ratio("a", "b")) == (3, 2.0, 0.5)


def test_page_marks_a_missed_goal_and_lists_it() -> None:
    """A missed goal is bold in the table and named in the closing note."""
    section = Section("9", "Example", "How it was measured.")
    section.rows.append(Row("9", "thing", "2 s", "floor: 1 s", 2.0, "2.00×", Goal("<=", 1.5)))
    page = render([section], [("CPU", "test")], command="python -m bench", chart_name="c.png")
    assert "| **missed** |" in page
    assert "- **9. thing**: 2.00× against ≤ 1.5×." in page


def test_iqr_is_the_middle_half_and_needs_three_rounds() -> None:
    """The spread of rounds is the inclusive first-to-third quartile; fewer than three
    rounds give none."""
    assert iqr([1.0, 2.0, 3.0, 4.0, 5.0]) == (2.0, 4.0)
    assert iqr([1.0, 2.0]) is None


def test_ratio_iqr_is_taken_over_per_round_ratios() -> None:
    """A ratio's spread is the IQR of the per-round ratios, not of either variant alone."""
    samples = Samples({"a": [2.0, 4.0, 6.0], "b": [1.0, 2.0, 2.0]})
    assert (samples.ratios("a", "b"), samples.ratio_iqr("a", "b")) == ([2.0, 2.0, 3.0], (2.0, 2.5))


def test_page_shows_spread_and_goal_note() -> None:
    """The table prints a row's IQR next to its ratio, and a goal-less row's note."""
    section = Section("9", "Example", "How it was measured.")
    section.rows.append(
        Row("9", "thing", "2 s", "floor: 1 s", 2.0, "2.000×", spread=(1.5, 2.5), goal_note="— x")
    )
    page = render([section], [("CPU", "test")], command="python -m bench", chart_name="c.png")
    assert "| 2.000× | 1.500\N{EN DASH}2.500× | — x | — |" in page
