"""The README's examples as the programs a user makes of them.

"Main tasks" is pasted as it is, every block one after the other into one file: the README says
so, and the snippets define what they use (``save_token``, ``callback_url``) and keep ``await``
and ``async for`` inside ``async def``.

"Running more than one process" leaves the user's own storage to the reader (``db`` and
``user``): its imports are hoisted to the top and the rest becomes the body of one ``async def``,
after a prelude that gives those names a typed stand-in; nothing in the examples is changed.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

MAIN_TASKS = "## Main tasks"
MORE_PROCESSES = "## Running more than one process"

PRELUDE = """\
import telnyx_oauth


class _Database:
    def save(self, token: telnyx_oauth.Token) -> None: ...

    def load(self, user: str) -> telnyx_oauth.Token:
        return telnyx_oauth.Token(access_token="a", refresh_token="r")


db = _Database()
user = "a user of the app"
"""


def section_blocks(readme: str, title: str) -> list[str]:
    """The ``python`` code blocks of one README section, in order."""
    start = readme.index(title)
    end = readme.find("\n## ", start + len(title))
    section = readme[start : end if end >= 0 else None]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def pasted(readme: str) -> str:
    """The "Main tasks" section pasted into one file: its blocks, as they are, in order."""
    return "\n\n".join(section_blocks(readme, MAIN_TASKS))


def with_stand_ins(readme: str) -> str:
    """The "Running more than one process" section as one module: the prelude, its imports,
    then one async function holding the rest."""
    imports: list[str] = []
    body: list[str] = []
    for block in section_blocks(readme, MORE_PROCESSES):
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


def write_programs(readme_path: Path, folder: Path) -> list[Path]:
    """Write both programs built from ``readme_path`` into ``folder``; return their paths."""
    readme = readme_path.read_text(encoding="utf-8")
    programs = {
        "readme_main_tasks.py": pasted(readme),
        "readme_processes.py": with_stand_ins(readme),
    }
    paths = []
    for name, code in programs.items():
        path = folder / name
        path.write_text(code, encoding="utf-8")
        paths.append(path)
    return paths
