"""Whether a version of the spec is honest about its changes: the rules of openapi/CHANGELOG.md."""

from __future__ import annotations

import re

from tools.spec_diff.history import Release, Version
from tools.spec_diff.model import Change, Level

CHANGELOG_HEADING = re.compile(r"^## (\d+\.\d+\.\d+) - \d{4}-\d{2}-\d{2}$", re.MULTILINE)


def _offending(changes: list[Change], allowed: Level) -> list[str]:
    return [line for c in changes if c.level > allowed for line in c.lines("  ")]


def required_level(changes: list[Change]) -> Level:
    return max((change.level for change in changes), default=Level.PATCH)


def bump_problems(previous: Release, version: Version, changes: list[Change]) -> list[str]:
    """The move from the previous release to `version` must be the next version, big enough."""
    bump = previous.version.bump_to(version)
    if bump is None:
        patch, minor, major = (previous.version.next(level) for level in Level)
        return [
            f"{previous.version} -> {version} is not a version bump: "
            f"the next version is {patch}, {minor} or {major}"
        ]
    needed = required_level(changes)
    if bump >= needed:
        return []
    wanted = previous.version.next(needed)
    count = sum(1 for change in changes if change.level > bump)
    head = (
        f"{previous.version} -> {version} is a {bump} bump, but {count} change(s) since "
        f"{previous.version} need a {needed} one ({wanted}):"
    )
    return [head, *_offending(changes, bump)]


def since_release_problems(release: Release, changes: list[Change]) -> list[str]:
    """Once a version is released, only patch-level changes may go out under it."""
    needed = required_level(changes)
    if needed is Level.PATCH:
        return []
    wanted = release.version.next(needed)
    head = (
        f"{release.version} was released in {release.short}; these changes need a new version "
        f"(info.version {wanted}, a {needed} bump) and a `## {wanted} - YYYY-MM-DD` entry in "
        "openapi/CHANGELOG.md:"
    )
    return [head, *_offending(changes, Level.PATCH)]


def changelog_problems(version: Version, changelog: str) -> list[str]:
    """Every version the spec carries has its entry in the changelog."""
    if str(version) in CHANGELOG_HEADING.findall(changelog):
        return []
    return [
        f"openapi/CHANGELOG.md has no entry for {version}: add `## {version} - YYYY-MM-DD` "
        "saying what changed for clients"
    ]
