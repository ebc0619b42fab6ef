"""The README's "Using it" examples as one program, the way a user pastes them into a file.

Imports are hoisted to the top; everything else becomes the body of one ``async def``, so the
``await`` and ``async for`` lines are valid as written. The few names the examples leave to the
reader (``db``, the user's own storage, and ``callback_url``, the URL the browser came back to)
get a typed stand-in in a prelude; nothing in the examples themselves is changed.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

SECTION = "## Using it"

PRELUDE = """\
import telnyx_oauth


class _Database:
    def save(self, token: telnyx_oauth.Token) -> None: ...


db = _Database()
callback_url = "https://app.example.com/oauth/callback?code=c&state=s"
"""


def using_it_blocks(readme: str) -> list[str]:
    """The ``python`` code blocks of the README's "Using it" section, in order."""
    start = readme.index(SECTION)
    end = readme.find("\n## ", start + len(SECTION))
    section = readme[start : end if end >= 0 else None]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def program(readme: str) -> str:
    """The examples as one module: the prelude, their imports, then one async function."""
    imports: list[str] = []
    body: list[str] = []
    for block in using_it_blocks(readme):
        for line in block.splitlines():
            if line.startswith(("import ", "from ")):
                if line not in imports:
                    imports.append(line)
            else:
                body.append(line)
    code = "\n".join(body).strip("\n")
    return (
        PRELUDE
        + "\n".join(imports)
        + "\n\n\nasync def readme_examples() -> None:\n"
        + textwrap.indent(code, "    ")
        + "\n"
    )


def write_program(readme_path: Path, target: Path) -> Path:
    """Write the program built from ``readme_path`` to ``target`` and return it."""
    target.write_text(program(readme_path.read_text(encoding="utf-8")), encoding="utf-8")
    return target
