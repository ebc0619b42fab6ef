"""Releases of the spec, found in git: a version is released at the first commit that carries it."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tools.spec_diff.model import Level, SpecDiffError

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
VERSION = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")
SHALLOW_HELP = (
    "this is a shallow clone, so the commits that released earlier versions of the spec are "
    "missing: fetch the whole history (`git fetch --unshallow`, or `fetch-depth: 0` in CI) "
    "and run it again"
)


@dataclass(frozen=True, order=True)
class Version:
    """A semantic version `MAJOR.MINOR.PATCH`, as `info.version` carries it."""

    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: object, where: str) -> Version:
        match = VERSION.fullmatch(str(text))
        if match is None:
            raise SpecDiffError(f"{where}: info.version {text!r} is not MAJOR.MINOR.PATCH")
        return cls(*(int(part) for part in match.groups()))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def next(self, level: Level) -> Version:
        """The version after this one for a change of `level`."""
        if level is Level.MAJOR:
            return Version(self.major + 1, 0, 0)
        if level is Level.MINOR:
            return Version(self.major, self.minor + 1, 0)
        return Version(self.major, self.minor, self.patch + 1)

    def bump_to(self, other: Version) -> Level | None:
        """The level of the bump from this version to `other`; None unless it is the next one."""
        for level in (Level.MAJOR, Level.MINOR, Level.PATCH):
            if self.next(level) == other:
                return level
        return None


def version_of(text: str) -> str | None:
    """The `info.version` of a spec's text; None when the text is not a readable spec."""
    try:
        document = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, C or Python
    except yaml.YAMLError:
        return None
    if not isinstance(document, dict) or not isinstance(document.get("info"), dict):
        return None
    version = document["info"].get("version")
    return None if version is None else str(version)


def git(repo: Path, *args: str) -> str:
    """Run git in `repo`; a failure is a SpecDiffError carrying git's own words."""
    try:
        result = subprocess.run(  # noqa: S603 - git with fixed arguments, no shell
            ["git", "-C", str(repo), *args],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError as exc:
        raise SpecDiffError("git is not installed; spec-diff reads releases from git") from exc
    if result.returncode != 0:
        raise SpecDiffError(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


@dataclass(frozen=True)
class Release:
    """The first commit that carries a version."""

    version: Version
    commit: str

    @property
    def short(self) -> str:
        return self.commit[:10]


class History:
    """The versions a spec file carried, commit by commit, oldest first."""

    def __init__(self, repo: Path, spec: str) -> None:
        self.repo = repo
        self.spec = spec
        self.commits = self._versions()

    def _versions(self) -> list[tuple[str, str]]:
        try:
            git(self.repo, "rev-parse", "--is-inside-work-tree")
        except SpecDiffError as exc:
            raise SpecDiffError(
                f"{self.repo} is not a git checkout: releases are found in the git history "
                "(the first commit that carries each version)"
            ) from exc
        if git(self.repo, "rev-parse", "--is-shallow-repository").strip() == "true":
            raise SpecDiffError(SHALLOW_HELP)
        try:
            git(self.repo, "rev-parse", "--verify", "--quiet", "HEAD")
        except SpecDiffError:
            return []  # no commit yet: nothing has been released
        listed = git(self.repo, "rev-list", "--topo-order", "--reverse", "HEAD", "--", self.spec)
        found = []
        for commit in listed.split():
            text = self.text_at(commit)
            version = version_of(text) if text else None
            if version is not None:
                found.append((commit, version))
        return found

    def text_at(self, commit: str) -> str:
        """The spec's text at `commit`, or "" where the file does not exist."""
        try:
            return git(self.repo, "show", f"{commit}:{self.spec}")
        except SpecDiffError:
            return ""

    def newest(self) -> Version | None:
        """The version the spec carries at HEAD, if it was ever committed."""
        if not self.commits:
            return None
        commit, text = self.commits[-1]
        return Version.parse(text, f"{self.spec} at {commit[:10]}")

    def release_of(self, version: Version) -> Release | None:
        """The first commit carrying `version`, if any."""
        for commit, text in self.commits:
            if text == str(version):
                return Release(version, commit)
        return None

    def previous_release(self, version: Version) -> Release | None:
        """The release of the version the spec carried before `version` first appeared."""
        before = self.commits
        for index, (_, text) in enumerate(self.commits):
            if text == str(version):
                before = self.commits[:index]
                break
        if not before:
            return None
        commit, text = before[-1]
        previous = Version.parse(text, f"{self.spec} at {commit[:10]}")
        return self.release_of(previous)
