"""The custom templates stay a thin fork of openapi-python-client 0.29.1's own.

Each template in templates/ is compared with its stock twin line by line (a template without a
twin counts whole): the changed lines, added plus removed, must stay within the budget. The
hand-written Python that ships in the package lives in templates/runtime/*.py, checked by ruff
and mypy, and is not a template. Each custom template also says at its top what it changes.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import openapi_python_client
import pytest

REPO = Path(__file__).resolve().parents[2]
CUSTOM = REPO / "templates"
STOCK = Path(openapi_python_client.__file__).parent / "templates"
BUDGET_LINES = 700
TEMPLATES = sorted(path.relative_to(CUSTOM).as_posix() for path in CUSTOM.rglob("*.jinja"))


def changed_lines(name: str) -> int:
    """Lines added plus lines removed against the stock twin (all lines when there is none)."""
    ours = (CUSTOM / name).read_text(encoding="utf-8").splitlines()
    stock_path = STOCK / name
    if not stock_path.exists():
        return len(ours)
    stock = stock_path.read_text(encoding="utf-8").splitlines()
    diff = difflib.unified_diff(stock, ours, lineterm="", n=0)
    return sum(1 for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---")))


def test_the_fork_is_within_its_budget() -> None:
    """All custom templates together differ from stock by at most 700 lines."""
    counts = {name: changed_lines(name) for name in TEMPLATES}
    assert sum(counts.values()) <= BUDGET_LINES, counts


def test_the_generator_is_the_pinned_one() -> None:
    """The budget is measured against the templates of the generator version we pin."""
    from importlib.metadata import version

    assert version("openapi-python-client") == "0.29.1"


@pytest.mark.parametrize("name", TEMPLATES)
def test_each_template_says_what_it_changes(name: str) -> None:
    """A custom template opens (or, after a docstring, continues) with a Jinja comment that
    names the stock template it differs from."""
    text = (CUSTOM / name).read_text(encoding="utf-8")
    comment = text[text.index("{#") : text.index("#}")]
    assert "generator's" in comment
    assert text.index("{#") < 200
