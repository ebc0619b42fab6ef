"""The HTML API reference builds quietly, stands alone, and shows every operation and schema.

The module builds the page the way `make docs` does (Redocly CLI's build-docs, pinned in
package.json), serves it from a temporary folder on 127.0.0.1 and opens it in headless Debian
Chromium driven by playwright-core (browse_api_reference.mjs). Screenshots are saved under
test-output/docs/.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.docs._tools import (
    REPO,
    SPEC_PATH,
    TEST_OUTPUT,
    describe,
    load_spec,
    npx,
    operations,
    run_tool,
    tool_env,
)

pytestmark = [pytest.mark.docs, pytest.mark.slow]

SCHEMAS_GROUP = "schemas"
BUILD_DOCS_OPTIONS = ("--inlineBundle", f"--openapi.schemaDefinitionsTagName={SCHEMAS_GROUP}")
"""Options `make docs` passes too: Redoc's scripts inside the page, and a "schemas" group that
lists every schema of components.schemas."""
SECTION_TIMEOUT_MS = 15_000
SCREENSHOT_OPERATION = "create_token"

KNOWN_NOTICES = {
    # Redocly CLI 2.x on Node 20, which is past its end of life; gone on Node 22.
    "Deprecation warning: Node.js 20 support is ending",
    # Printed by every build-docs run of Redocly CLI 2.x.
    "build-docs now renders docs with Redoc 3.",
}
"""Boxed notices Redocly CLI prints to stderr whatever the spec; anything else fails the build."""

REDOC_ATTRIBUTION_LOGO = re.compile(r"https://cdn\.redoc\.ly/redoc/logo-mini(-full)?\.svg")
"""The one thing Redoc 3 fetches from outside the page: its "API docs by" logo in the sidebar
(documented by Redocly; the logo hides itself when it fails to load). The test blocks it."""

EXTERNAL_RESOURCE = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?(https?:)?//"
    r"|<link\b[^>]*\bhref\s*=\s*[\"']?(https?:)?//"
    r"|\bimport\s*(\{[^}]*\}\s*from\s*)?[\"'](https?:)?//",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class BuiltDocs:
    """The page as built, with what the build printed."""

    html: Path
    stderr: str


@dataclass(frozen=True)
class Browsed:
    """What the browser saw (the driver's JSON) and where the screenshots are."""

    result: dict[str, Any]
    overview_shot: Path
    operation_shot: Path


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging each request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        """Drop the access log."""


@pytest.fixture(scope="module")
def built_docs(tmp_path_factory: pytest.TempPathFactory) -> BuiltDocs:
    """docs/api-reference.html as `make docs` builds it, but into a temporary folder."""
    html = tmp_path_factory.mktemp("docs") / "api-reference.html"
    build = npx(
        "redocly",
        "build-docs",
        str(SPEC_PATH.relative_to(REPO)),
        *BUILD_DOCS_OPTIONS,
        "--output",
        str(html),
    )
    assert build.returncode == 0, describe(build)
    assert html.is_file(), describe(build)
    return BuiltDocs(html=html, stderr=build.stderr)


@pytest.fixture(scope="module")
def served_url(built_docs: BuiltDocs) -> Iterator[str]:
    """The page's URL on 127.0.0.1, served from a background thread for the module."""
    handler = functools.partial(_QuietHandler, directory=str(built_docs.html.parent))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, name="api-reference-http")
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/{built_docs.html.name}"
        finally:
            server.shutdown()
            thread.join()


def _sidebar_groups() -> list[dict[str, Any]]:
    """What the sidebar must offer: each tag's operations by summary, then every schema.

    Redoc labels a tag group with its `x-displayName` when it has one.
    """
    spec = load_spec()
    groups: list[dict[str, Any]] = [
        {
            "label": tag.get("x-displayName", tag["name"]),
            "items": [op["summary"] for op in operations() if op["tags"][0] == tag["name"]],
        }
        for tag in spec["tags"]
    ]
    groups.append({"label": SCHEMAS_GROUP, "items": list(spec["components"]["schemas"])})
    return groups


@pytest.fixture(scope="module")
def browsed(served_url: str, tmp_path_factory: pytest.TempPathFactory) -> Browsed:
    """Open the page in headless Chromium and visit every operation and schema."""
    work = tmp_path_factory.mktemp("browser")
    TEST_OUTPUT.mkdir(parents=True, exist_ok=True)
    overview_shot = TEST_OUTPUT / "api-reference-overview.png"
    operation_shot = TEST_OUTPUT / f"api-reference-{SCREENSHOT_OPERATION}.png"
    for shot in (overview_shot, operation_shot):
        shot.unlink(missing_ok=True)
    summary = next(
        op["summary"] for op in operations() if op["operationId"] == SCREENSHOT_OPERATION
    )
    plan = {
        "url": served_url,
        "userDataDir": str(work / "profile"),
        "resultPath": str(work / "result.json"),
        "overviewShot": str(overview_shot),
        "itemShot": {"label": summary, "path": str(operation_shot)},
        "groups": _sidebar_groups(),
        "timeoutMs": SECTION_TIMEOUT_MS,
    }
    plan_path = work / "plan.json"
    plan_path.write_text(json.dumps(plan), encoding="utf-8")
    browse = run_tool(
        ["node", str(Path(__file__).with_name("browse_api_reference.mjs")), str(plan_path)],
        env=tool_env(),
    )
    assert browse.returncode == 0, describe(browse)
    assert browse.stdout == "", describe(browse)
    assert browse.stderr == "", describe(browse)
    result: dict[str, Any] = json.loads((work / "result.json").read_text(encoding="utf-8"))
    print(f"\nAPI reference screenshots: {overview_shot} {operation_shot}")
    return Browsed(result=result, overview_shot=overview_shot, operation_shot=operation_shot)


def _notices(stderr: str) -> tuple[list[str], list[str]]:
    """Redocly's boxed notices (each by its first line) and the other lines of its stderr."""
    notices: list[str] = []
    others: list[str] = []
    box: list[str] | None = None
    for line in stderr.splitlines():
        text = line.strip()
        if text.startswith("╔"):
            box = []
        elif text.startswith("╚"):
            notices.append(box[0] if box else "")
            box = None
        elif box is not None:
            content = text.strip("║").strip()
            if content:
                box.append(content)
        elif text:
            others.append(text)
    return notices, others


def test_build_docs_prints_no_warnings(built_docs: BuiltDocs) -> None:
    """Redocly's build-docs prints no warning or error, only its two fixed notices."""
    notices, others = _notices(built_docs.stderr)
    assert [notice for notice in notices if notice not in KNOWN_NOTICES] == []
    assert [line for line in others if re.search(r"warn|error|⚠", line, re.IGNORECASE)] == []


def test_page_is_self_contained(built_docs: BuiltDocs) -> None:
    """The page loads no script or stylesheet from elsewhere: Redoc is inlined."""
    html = built_docs.html.read_text(encoding="utf-8")
    assert [match.group(0) for match in EXTERNAL_RESOURCE.finditer(html)] == []


def test_make_docs_builds_the_page_this_module_checks() -> None:
    """`make docs` runs build-docs on the spec with the same options as this module."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^docs:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe is not None
    expected = " ".join(["redocly build-docs $(SPEC)", *BUILD_DOCS_OPTIONS])
    assert expected in recipe.group(1)


def test_every_operation_is_shown(browsed: Browsed) -> None:
    """Each operation of the spec opens from the sidebar and shows its summary as a heading."""
    expected = {group["label"]: group["items"] for group in _sidebar_groups()[:-1]}
    shown = {label: browsed.result["shown"].get(label) for label in expected}
    assert shown == expected, browsed.result["missing"]
    assert sum(map(len, shown.values())) == len(operations())


def test_every_schema_is_shown(browsed: Browsed) -> None:
    """Each schema of components.schemas opens from the sidebar and shows its name."""
    expected = list(load_spec()["components"]["schemas"])
    assert SCHEMAS_GROUP not in {tag["name"] for tag in load_spec()["tags"]}
    assert browsed.result["shown"].get(SCHEMAS_GROUP) == expected, browsed.result["missing"]


def test_browser_never_left_loopback(browsed: Browsed) -> None:
    """The only request aimed off 127.0.0.1 is Redoc's attribution logo, and it was blocked."""
    unexpected = [
        request
        for request in browsed.result["blocked"]
        if not (
            request["resourceType"] == "image" and REDOC_ATTRIBUTION_LOGO.fullmatch(request["url"])
        )
    ]
    assert unexpected == []


def test_page_runs_without_errors(browsed: Browsed) -> None:
    """No script error and no console error, except the blocked logo's failed load."""
    blocked = {request["url"] for request in browsed.result["blocked"]}
    console_errors = [
        error
        for error in browsed.result["consoleErrors"]
        if not ("ERR_BLOCKED_BY_CLIENT" in error["text"] and error["url"] in blocked)
    ]
    assert browsed.result["pageErrors"] == []
    assert console_errors == []


def test_screenshots_are_saved(browsed: Browsed) -> None:
    """The overview and one operation's section are saved as PNG files under test-output/."""
    for shot in (browsed.overview_shot, browsed.operation_shot):
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", shot
