"""Run Optic's diff engine (tools/spec_diff/optic_diff.mjs, under Node) on pairs of spec files."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tools.spec_diff.classify import Comparison
from tools.spec_diff.model import SpecDiffError

SCRIPT = Path(__file__).with_name("optic_diff.mjs")
TIMEOUT_SECONDS = 120


def compare(pairs: list[tuple[Path, Path]]) -> list[Comparison]:
    """Optic's view of each (before, after) pair: dereferenced documents, diffs, failed rules."""
    node = shutil.which("node")
    if node is None:
        raise SpecDiffError("node is not installed: spec-diff runs Optic under Node (make install)")
    files = [str(path.resolve()) for pair in pairs for path in pair]  # Optic needs them absolute
    try:
        result = subprocess.run(  # noqa: S603 - node with our script and file paths, no shell
            [node, str(SCRIPT), *files],
            capture_output=True,
            text=True,
            check=False,
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired as exc:
        raise SpecDiffError(f"Optic took more than {TIMEOUT_SECONDS} s") from exc
    if result.returncode != 0:
        message = result.stderr.strip().splitlines()[-5:]
        hint = " (run `make install`)" if "ERR_MODULE_NOT_FOUND" in result.stderr else ""
        raise SpecDiffError(
            "Optic could not compare the specs" + hint + ":\n  " + "\n  ".join(message)
        )
    return [
        Comparison(item["before"], item["after"], item["diffs"], item["failures"])
        for item in json.loads(result.stdout)
    ]
