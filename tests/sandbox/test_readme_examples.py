"""The sandbox page's examples (docs/sandbox.md) run as written, and pass ``mypy --strict`` as a
user's code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.sandbox.test_package import _mypy_as_a_user

PAGE = Path(__file__).resolve().parents[2] / "docs" / "sandbox.md"
SECTION = "## The sandbox: test your own integration offline"


def sandbox_examples() -> list[str]:
    """The ``python`` blocks of the sandbox page's first section, in order."""
    text = PAGE.read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    section = text[start : end if end >= 0 else None]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def test_the_section_has_its_two_examples() -> None:
    """The controls example and the consent example are there to be run."""
    examples = sandbox_examples()
    assert len(examples) == 2
    assert "complete_consent(request.url" in examples[1]


@pytest.mark.parametrize("index", [0, 1], ids=["controls", "consent"])
def test_example_runs(index: int) -> None:
    """Each example runs to its end, its own assertions included."""
    exec(compile(sandbox_examples()[index], f"docs/sandbox.md example {index}", "exec"), {})  # noqa: S102


@pytest.mark.slow
def test_examples_pass_mypy_strict(tmp_path: Path) -> None:
    """Pasted into files of their own, the examples type-check under ``mypy --strict``."""
    paths = []
    for index, example in enumerate(sandbox_examples()):
        path = tmp_path / f"readme_sandbox_{index}.py"
        path.write_text(example, encoding="utf-8")
        paths.append(path)
    assert _mypy_as_a_user(tmp_path, *paths) == []
