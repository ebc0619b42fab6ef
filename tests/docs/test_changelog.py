"""openapi/CHANGELOG.md keeps up with the spec's info.version."""

from __future__ import annotations

import re

from tests.docs._tools import REPO, load_spec

CHANGELOG = REPO / "openapi" / "CHANGELOG.md"
VERSION_HEADING = re.compile(r"^## (\d+)\.(\d+)\.(\d+) - \d{4}-\d{2}-\d{2}$", re.MULTILINE)


def _versions() -> list[tuple[int, int, int]]:
    """The versions of the changelog's `## X.Y.Z - YYYY-MM-DD` headings, in file order."""
    text = CHANGELOG.read_text(encoding="utf-8")
    return [
        (int(major), int(minor), int(patch))
        for major, minor, patch in VERSION_HEADING.findall(text)
    ]


def test_newest_changelog_version_is_the_spec_version() -> None:
    """The first version heading of the changelog is the spec's info.version."""
    versions = _versions()
    assert versions, f"no '## X.Y.Z - YYYY-MM-DD' heading in {CHANGELOG}"
    assert ".".join(map(str, versions[0])) == load_spec()["info"]["version"]


def test_changelog_lists_versions_newest_first() -> None:
    """Version headings go strictly down, so the first one is the newest."""
    versions = _versions()
    assert versions == sorted(set(versions), reverse=True)


def test_every_version_heading_is_well_formed() -> None:
    """Each `## ` heading of the changelog is a version and a date, none mistyped."""
    headings = re.findall(r"^## .*$", CHANGELOG.read_text(encoding="utf-8"), re.MULTILINE)
    assert [h for h in headings if not VERSION_HEADING.fullmatch(h)] == []
