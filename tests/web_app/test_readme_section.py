"""The README's web-app section: its Python examples run as written."""

from __future__ import annotations

import re

import pytest

from tests.docs._tools import REPO

TITLE = "## Connect Telnyx: an example web app"


def section_examples() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index(TITLE)
    end = text.find("\n## ", start + len(TITLE))
    return re.findall(r"```python\n(.*?)```", text[start:end], flags=re.DOTALL)


def test_the_section_has_examples() -> None:
    """The section keeps its to_dict()/from_dict() example."""
    assert len(section_examples()) == 1


@pytest.mark.parametrize("index", range(len(section_examples())))
def test_readme_web_app_example_runs(index: int) -> None:
    """Each example runs without error (its asserts hold)."""
    exec(compile(section_examples()[index], f"README web-app example {index}", "exec"), {})  # noqa: S102
