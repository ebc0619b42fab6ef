"""spec-diff classifies each edit to a copy of the spec, and judges every kind of version bump.

Classification runs Optic for real (Node, the pinned @useoptic packages) on files in a
temporary folder; the end-to-end tests build a temporary git repository with a release commit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.spec._spec_edits import EDITS, Edit
from tools.spec_diff.classify import classify, is_annotation
from tools.spec_diff.history import Release, Version
from tools.spec_diff.model import Change, Level
from tools.spec_diff.optic import compare
from tools.spec_diff.verdict import bump_problems, changelog_problems, since_release_problems

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "openapi" / "telnyx-oauth.yaml"
ORIGINAL: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
RELEASED = Version.parse(ORIGINAL["info"]["version"], "spec")
RELEASE = Release(RELEASED, "0" * 40)
CHANGELOG_ENTRY = "## {version} - 2026-12-01\n\n- What changed for clients.\n\n"


def _write(path: Path, spec: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def classified(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Change]]:
    """Each edit's changes, from one Optic run over all of them (Node starts once)."""
    folder = tmp_path_factory.mktemp("spec-edits")
    base = _write(folder / "released.yaml", ORIGINAL)
    pairs = [(base, _write(folder / f"{e.name}.yaml", e.applied_to(ORIGINAL))) for e in EDITS]
    comparisons = compare([*pairs, (base, base)])
    found = {e.name: classify(c) for e, c in zip(EDITS, comparisons, strict=False)}
    return {**found, "unchanged": classify(comparisons[-1])}


def _level(changes: list[Change]) -> Level:
    return max((change.level for change in changes), default=Level.PATCH)


@pytest.mark.parametrize("edit", EDITS, ids=[edit.name for edit in EDITS])
def test_each_edit_gets_its_level_and_is_named(
    edit: Edit, classified: dict[str, list[Change]]
) -> None:
    """The highest level among an edit's changes is the expected one, and a change at that
    level names what was edited."""
    changes = classified[edit.name]
    assert changes, f"{edit.name}: no change found"
    assert _level(changes) is edit.level, ["\n".join(c.lines()) for c in changes]
    top = ["\n".join(c.lines()) for c in changes if c.level is edit.level]
    assert any(all(word in line for word in edit.named) for line in top), top


@pytest.mark.parametrize("bump", list(Level), ids=str)
@pytest.mark.parametrize("edit", EDITS, ids=[edit.name for edit in EDITS])
def test_each_edit_passes_only_with_a_big_enough_bump(
    edit: Edit, bump: Level, classified: dict[str, list[Change]]
) -> None:
    """A patch, minor or major bump passes exactly when it is at least the edit's level; a
    failure names the offending change."""
    problems = bump_problems(RELEASE, RELEASED.next(bump), classified[edit.name])
    if bump >= edit.level:
        assert problems == []
    else:
        assert problems[0].startswith(f"{RELEASED} -> {RELEASED.next(bump)} is a {bump} bump")
        offending = "\n".join(problems[1:])
        assert all(word in offending for word in edit.named), problems


@pytest.mark.parametrize("edit", EDITS, ids=[edit.name for edit in EDITS])
def test_without_a_bump_only_patch_level_edits_pass(
    edit: Edit, classified: dict[str, list[Change]]
) -> None:
    """Under a released version, descriptions, examples and x- extensions may change; anything
    else asks for the next version and a changelog entry."""
    problems = since_release_problems(RELEASE, classified[edit.name])
    if edit.level is Level.PATCH:
        assert problems == []
    else:
        wanted = RELEASED.next(edit.level)
        assert f"info.version {wanted}" in problems[0]
        assert f"## {wanted} - YYYY-MM-DD" in problems[0]


def test_an_edit_to_a_shared_schema_is_listed_once(classified: dict[str, list[Change]]) -> None:
    """A description changed in OAuthClient, which four operations use, is one change, shown at
    the schema."""
    [change] = classified["change_description"]
    assert change.where[0].startswith("components/schemas/OAuthClient/properties/name/description")


def test_identical_specs_have_no_changes(classified: dict[str, list[Change]]) -> None:
    """Comparing the spec with itself lists nothing."""
    assert classified["unchanged"] == []


@pytest.mark.parametrize(
    ("pointer", "annotation"),
    [
        ("/components/schemas/OAuthClient/properties/name/description", True),
        ("/components/schemas/OAuthClient/properties/description/type", False),
        ("/paths/~1v2~1x/get/summary", True),
        ("/paths/~1v2~1x/get/responses/200/content/application~1json/examples/a/value", True),
        ("/components/schemas/OAuthClient/properties/client_secret/x-secret", True),
        ("/components/schemas/OAuthClient/properties/x-count/type", False),
        ("/info/contact", True),
        ("/tags/0/description", True),
        ("/servers/0/url", False),
    ],
)
def test_documentation_only_pointers(pointer: str, annotation: bool) -> None:
    """Prose, examples and x- keys are patch level; a property named like one is not."""
    assert is_annotation(pointer) is annotation


@pytest.mark.parametrize(
    ("old", "new", "level"),
    [
        ("1.4.2", "2.0.0", Level.MAJOR),
        ("1.4.2", "1.5.0", Level.MINOR),
        ("1.4.2", "1.4.3", Level.PATCH),
        ("1.4.2", "1.6.0", None),
        ("1.4.2", "1.4.2", None),
        ("1.4.2", "1.3.0", None),
        ("1.4.2", "2.0.1", None),
    ],
)
def test_only_the_next_versions_are_bumps(old: str, new: str, level: Level | None) -> None:
    """A bump goes to the next major, minor or patch version; skipping or going back is none."""
    assert Version.parse(old, "a").bump_to(Version.parse(new, "b")) is level


def test_a_skipped_version_fails_naming_the_next_ones() -> None:
    """1.0.0 -> 1.2.0 names 1.0.1, 1.1.0 and 2.0.0 as the versions that may follow."""
    release = Release(Version(1, 0, 0), "0" * 40)
    problems = bump_problems(release, Version(1, 2, 0), [])
    assert problems == [
        "1.0.0 -> 1.2.0 is not a version bump: the next version is 1.0.1, 1.1.0 or 2.0.0"
    ]


def test_a_version_without_a_changelog_entry_fails() -> None:
    """The changelog must have a `## X.Y.Z - date` heading for the spec's version."""
    text = "# Changelog\n\n## 1.0.0 - 2026-11-28\n"
    assert changelog_problems(Version(1, 0, 0), text) == []
    [problem] = changelog_problems(Version(1, 1, 0), text)
    assert "no entry for 1.1.0" in problem


# End to end: `python -m tools.spec_diff --repo` on a temporary git repository.


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(  # noqa: S603
        ["git", "-C", str(repo), *args],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"},
    )
    return result.stdout


def _spec_diff(repo: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "tools.spec_diff", "--repo", str(repo)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        timeout=120,
    )


def _commit(repo: Path, message: str) -> None:
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", message)


def _set_spec(repo: Path, edit: Edit | None, version: Version, changelog: bool) -> None:
    spec = edit.applied_to(ORIGINAL) if edit else ORIGINAL
    _write(
        repo / "openapi" / "telnyx-oauth.yaml",
        {**spec, "info": {**spec["info"], "version": str(version)}},
    )
    path = repo / "openapi" / "CHANGELOG.md"
    text = path.read_text(encoding="utf-8")
    if changelog:
        head, _, rest = text.partition("## ")
        text = head + CHANGELOG_ENTRY.format(version=version) + "## " + rest
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def released(tmp_path: Path) -> Path:
    """A git repository whose one commit releases the spec's current version."""
    repo = tmp_path / "repo"
    (repo / "openapi").mkdir(parents=True)
    _git(repo, "init", "-q")
    _write(repo / "openapi" / "telnyx-oauth.yaml", ORIGINAL)
    shutil.copy(REPO / "openapi" / "CHANGELOG.md", repo / "openapi" / "CHANGELOG.md")
    _commit(repo, "release")
    return repo


BREAKING = next(edit for edit in EDITS if edit.name == "remove_response_field")
MAJOR_BUMP, MINOR_BUMP = RELEASED.next(Level.MAJOR), RELEASED.next(Level.MINOR)


def test_a_breaking_edit_with_a_minor_bump_fails_naming_it(released: Path) -> None:
    """Removing a response field under a minor bump fails and says which change needs a major
    bump, and to what."""
    _set_spec(released, BREAKING, MINOR_BUMP, changelog=True)
    result = _spec_diff(released)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"FAIL: {RELEASED} -> {MINOR_BUMP} is a minor bump" in result.stdout
    assert f"need a major one ({MAJOR_BUMP})" in result.stdout
    assert "cannot remove response property 'org_id'" in result.stdout


def test_the_same_edit_with_a_major_bump_and_changelog_entry_passes(released: Path) -> None:
    """The same edit as the next major version, with its changelog entry, passes; the change is
    still listed as major."""
    _set_spec(released, BREAKING, MAJOR_BUMP, changelog=True)
    result = _spec_diff(released)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "major  " in result.stdout
    assert result.stdout.rstrip().endswith("spec-diff: OK")


def test_a_committed_bump_is_still_judged(released: Path) -> None:
    """Once the too-small bump is committed (the case CI sees), it still fails: the release of
    the new version is compared with the release before it."""
    _set_spec(released, BREAKING, MINOR_BUMP, changelog=True)
    _commit(released, "a minor release that breaks clients")
    result = _spec_diff(released)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "cannot remove response property 'org_id'" in result.stdout


def test_a_breaking_edit_without_a_bump_fails(released: Path) -> None:
    """Changing the spec under its released version asks for a new version and an entry."""
    _set_spec(released, BREAKING, RELEASED, changelog=False)
    result = _spec_diff(released)
    assert result.returncode == 1
    assert f"{RELEASED} was released in" in result.stdout
    assert f"## {MAJOR_BUMP} - YYYY-MM-DD" in result.stdout


def test_a_description_change_without_a_bump_passes(released: Path) -> None:
    """Prose may change under a released version."""
    description = next(edit for edit in EDITS if edit.name == "change_description")
    _set_spec(released, description, RELEASED, changelog=False)
    result = _spec_diff(released)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "patch  " in result.stdout


def test_a_bump_without_a_changelog_entry_fails(released: Path) -> None:
    """A new version must say in the changelog what changed."""
    _set_spec(released, BREAKING, MAJOR_BUMP, changelog=False)
    result = _spec_diff(released)
    assert result.returncode == 1
    assert f"FAIL: openapi/CHANGELOG.md has no entry for {MAJOR_BUMP}" in result.stdout


def test_a_version_going_back_fails(released: Path) -> None:
    """A working tree whose version is older than the committed one fails at once."""
    older = Version(RELEASED.major - 1, 0, 0) if RELEASED.major else Version(0, 0, 0)
    _set_spec(released, None, older, changelog=False)
    result = _spec_diff(released)
    assert result.returncode == 1
    assert f"FAIL: info.version went back from {RELEASED} to {older}" in result.stdout


def test_a_shallow_clone_is_a_clear_error(released: Path, tmp_path: Path) -> None:
    """A shallow clone lacks the release commits: exit 2 with what to do, not a traceback."""
    _set_spec(released, None, MINOR_BUMP, changelog=True)
    _commit(released, "next")
    shallow = tmp_path / "shallow"
    _git(tmp_path, "clone", "-q", "--depth=1", f"file://{released}", str(shallow))
    result = _spec_diff(shallow)
    assert result.returncode == 2
    assert "shallow clone" in result.stderr
    assert "git fetch --unshallow" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_spec_that_does_not_parse_is_a_clear_error(released: Path) -> None:
    """A broken working-tree spec is exit 2 with a message, not a traceback."""
    (released / "openapi" / "telnyx-oauth.yaml").write_text("openapi: [3.1\n", encoding="utf-8")
    result = _spec_diff(released)
    assert result.returncode == 2
    assert "no readable info.version" in result.stderr
    assert "Traceback" not in result.stderr


def test_outside_git_is_a_clear_error(tmp_path: Path) -> None:
    """Without git history there are no releases to compare with: exit 2, saying so."""
    (tmp_path / "openapi").mkdir()
    _write(tmp_path / "openapi" / "telnyx-oauth.yaml", ORIGINAL)
    result = _spec_diff(tmp_path)
    assert result.returncode == 2
    assert "is not a git checkout" in result.stderr
    assert "Traceback" not in result.stderr
