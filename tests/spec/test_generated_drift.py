"""The drift check catches every way generated/ can fall behind the spec."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.generate import PACKAGE, generate, tree_drift


@pytest.fixture
def trees(tmp_path: Path) -> tuple[Path, Path]:
    fresh, committed = tmp_path / "fresh", tmp_path / "committed"
    for root in (fresh, committed):
        (root / "models").mkdir(parents=True)
        (root / "__init__.py").write_text("")
        (root / "models" / "a.py").write_text("A = 1\n")
    return fresh, committed


def test_identical_trees_have_no_drift(trees: tuple[Path, Path]) -> None:
    """Byte-identical trees report nothing."""
    assert tree_drift(*trees) == []


def test_a_changed_file_is_drift(trees: tuple[Path, Path]) -> None:
    """A hand edit to a generated file is reported."""
    fresh, committed = trees
    (committed / "models" / "a.py").write_text("A = 2\n")
    assert tree_drift(fresh, committed) == ["changed: models/a.py"]


def test_a_file_generation_now_writes_is_drift(trees: tuple[Path, Path]) -> None:
    """A model added to the spec but not committed is reported as new."""
    fresh, committed = trees
    (fresh / "models" / "b.py").write_text("B = 1\n")
    assert tree_drift(fresh, committed) == [
        "new: models/b.py (generation writes it; it is not committed)"
    ]


def test_a_file_generation_no_longer_writes_is_drift(trees: tuple[Path, Path]) -> None:
    """A model removed from the spec but still committed is reported as stale."""
    fresh, committed = trees
    (committed / "models" / "old.py").write_text("OLD = 1\n")
    assert tree_drift(fresh, committed) == ["stale: models/old.py (generation no longer writes it)"]


def test_bytecode_caches_are_not_drift(trees: tuple[Path, Path]) -> None:
    """__pycache__ left by importing the package is not part of the comparison."""
    fresh, committed = trees
    (committed / "__pycache__").mkdir()
    (committed / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert tree_drift(fresh, committed) == []


@pytest.mark.slow
def test_committed_package_matches_a_fresh_generation(tmp_path: Path) -> None:
    """Generating from the spec with the pinned generator gives exactly generated/."""
    fresh = tmp_path / "telnyx_oauth_api"
    generate(fresh)
    assert tree_drift(fresh, PACKAGE) == []
