"""`make generate` is atomic: a failed generation leaves the package as it was.

Before, tools/generate.py deleted generated/telnyx_oauth_api first, so a typo in the spec left
no package at all and `import telnyx_oauth` failing until `git checkout`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.generate import PACKAGE, SPEC, _files, regenerate

pytestmark = pytest.mark.slow


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A copy of the committed package, to regenerate in place of the real one."""
    copy = tmp_path / "generated" / PACKAGE.name
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_a_broken_spec_leaves_the_package_intact_and_names_the_error(
    package: Path, tmp_path: Path
) -> None:
    before = _files(package)
    spec = tmp_path / "broken.yaml"
    text = SPEC.read_text(encoding="utf-8")
    spec.write_text(text.replace("paths:\n", "paths:\n  bad: [unclosed\n", 1), encoding="utf-8")
    with pytest.raises(SystemExit) as failure:
        regenerate(package, spec)
    message = str(failure.value)
    assert "Invalid YAML" in message
    assert "bad: [unclosed" in message  # the YAML error quotes the line at fault
    assert _files(package) == before
    assert sorted(p.name for p in package.parent.iterdir()) == [PACKAGE.name]


def test_a_successful_generation_replaces_the_package_whole(package: Path) -> None:
    (package / "stale.py").write_text("STALE = 1\n", encoding="utf-8")
    (package / "client.py").write_text("edited by hand\n", encoding="utf-8")
    regenerate(package, SPEC)
    assert _files(package) == _files(PACKAGE)
    assert sorted(p.name for p in package.parent.iterdir()) == [PACKAGE.name]
