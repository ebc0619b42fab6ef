"""`make spec-diff`: list every change to the spec since its last release and judge the version.

Usage: python -m tools.spec_diff [--repo DIR]

Exit status: 0 when the version is right, 1 when it is not (each offending change named), 2
when the comparison could not run (a shallow clone, a spec that does not parse, no Node).
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tools.spec_diff.classify import classify
from tools.spec_diff.history import History, Release, Version, version_of
from tools.spec_diff.model import Change, Level, SpecDiffError
from tools.spec_diff.optic import compare
from tools.spec_diff.verdict import bump_problems, changelog_problems, since_release_problems

REPO = Path(__file__).resolve().parents[2]
SPEC = "openapi/telnyx-oauth.yaml"
CHANGELOG = "openapi/CHANGELOG.md"


@dataclass(frozen=True)
class Section:
    """One comparison: its heading, its classified changes and what is wrong."""

    heading: str
    changes: list[Change]
    problems: list[str]
    # A bump already released and still right is history: counted, not listed again.
    brief_when_ok: bool = False

    def lines(self) -> list[str]:
        if self.brief_when_ok and not self.problems:
            counts = Counter(str(change.level) for change in self.changes)
            told = ", ".join(f"{counts[str(level)]} {level}" for level in reversed(Level))
            return [f"{self.heading} {told}: OK"]
        listed = [line for change in self.changes for line in change.lines("  ")]
        verdict = [f"FAIL: {self.problems[0]}", *self.problems[1:]] if self.problems else []
        return [self.heading, *(listed or ["  (no changes)"]), *verdict]


def _compare(releases: list[Release], history: History, spec: Path) -> list[list[Change]]:
    """The classified changes from each release to the working tree's spec."""
    with tempfile.TemporaryDirectory(prefix="spec-diff-") as scratch:
        pairs = []
        for release in releases:
            base = Path(scratch) / f"{release.commit}.yaml"
            base.write_text(history.text_at(release.commit), encoding="utf-8")
            pairs.append((base, spec))
        comparisons = compare(pairs) if pairs else []
    return [classify(comparison) for comparison in comparisons]


def report(repo: Path) -> tuple[bool, list[str]]:
    """Whether the working tree's spec version is right, and the lines that say why."""
    spec = repo / SPEC
    if not spec.is_file():
        raise SpecDiffError(f"{SPEC} does not exist in {repo}")
    text = spec.read_text(encoding="utf-8")
    raw = version_of(text)
    if raw is None:
        raise SpecDiffError(f"{SPEC} has no readable info.version (is it valid YAML?)")
    version = Version.parse(raw, SPEC)
    history = History(repo, SPEC)
    release, previous = history.release_of(version), history.previous_release(version)
    changelog = repo / CHANGELOG
    changelog_text = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""

    state = f"released in {release.short}" if release else "not released yet"
    lines = [f"spec-diff: {SPEC} is {version} ({state})"]
    newest = history.newest()
    if newest is not None and newest > version:
        lines += [f"FAIL: info.version went back from {newest} to {version}", "spec-diff: FAILED"]
        return False, lines
    sections: list[Section] = []
    to_compare = [r for r in (release, previous) if r is not None]
    if release and history.text_at(release.commit) == text:
        to_compare.remove(release)  # nothing changed since the release: nothing to compare
        sections.append(Section(f"Since {version} was released in {release.short}:", [], []))
    for base, changes in zip(to_compare, _compare(to_compare, history, spec), strict=True):
        if base is previous:
            heading = f"Since {base.version} (released in {base.short}), for the move to {version}:"
            problems = bump_problems(base, version, changes)
            sections.append(Section(heading, changes, problems, brief_when_ok=bool(release)))
        else:
            heading = f"Since {version} was released in {base.short} (patch-level changes only):"
            sections.append(Section(heading, changes, since_release_problems(base, changes)))
    if previous is None:
        lines.append(f"{version} is the first version of the spec: no earlier release to compare.")
    changelog_missing = changelog_problems(version, changelog_text)
    for section in sections:
        lines.extend(section.lines())
    lines.extend(f"FAIL: {line}" for line in changelog_missing)
    ok = not changelog_missing and not any(section.problems for section in sections)
    lines.append("spec-diff: OK" if ok else "spec-diff: FAILED (see FAIL lines above)")
    return ok, lines


def main(argv: list[str]) -> int:
    repo = REPO
    if argv[:1] == ["--repo"] and len(argv) == 2:
        repo = Path(argv[1])
    elif argv:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        ok, lines = report(repo)
    except SpecDiffError as exc:
        print(f"spec-diff: cannot compare: {exc}", file=sys.stderr)
        return 2
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
