"""The README's "Using it" and "Running more than one process" examples as one program, the
way a user pastes them into a file.

Imports are hoisted to the top; everything else becomes the body of one ``async def``, so the
``await`` and ``async for`` lines are valid as written. The few names the examples leave to the
reader (``db``, the user's own storage, ``user``, and ``callback_url``, the URL the browser came
back to) get a typed stand-in in a prelude; nothing in the examples themselves is changed.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

SECTIONS = ("## Using it", "## Running more than one process")

PRELUDE = """\
import telnyx_oauth


class _Database:
    def save(self, token: telnyx_oauth.Token) -> None: ...

    def load(self, user: str) -> telnyx_oauth.Token:
        return telnyx_oauth.Token(access_token="a", refresh_token="r")


db = _Database()
user = "a user of the app"
callback_url = "https://app.example.com/oauth/callback?code=c&state=s"
"""


def using_it_blocks(readme: str) -> list[str]:
    """The ``python`` code blocks of the README's example sections, in order."""
    blocks: list[str] = []
    for title in SECTIONS:
        start = readme.index(title)
        end = readme.find("\n## ", start + len(title))
        section = readme[start : end if end >= 0 else None]
        blocks += re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    return blocks


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
