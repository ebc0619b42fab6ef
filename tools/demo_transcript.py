"""Put a real run of ``make demo`` into the README, or check that the README's copy is current.

Usage:
    python tools/demo_transcript.py          run the demo and write its transcript into README.md
    python tools/demo_transcript.py --check  exit 1 when the README's transcript is not what the
                                             demo prints now (ports, IDs, lengths and timing aside)

The transcript sits between the ``<!-- demo transcript -->`` markers. ``tests/e2e/test_demo.py``
runs the check, so a change to what the demo prints fails ``make check`` until the README is
refreshed from a real run.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
DEMO = REPO / "examples" / "demo.py"
BEGIN, END = "<!-- demo transcript: begin -->", "<!-- demo transcript: end -->"

# What changes from one run to the next, and nothing else.
_VOLATILE = (
    (re.compile(r"127\.0\.0\.1:\d+"), "127.0.0.1:<port>"),
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "<uuid>"),
    (re.compile(r"<hidden, \d+ chars>"), "<hidden>"),
    (re.compile(r"in \d+\.\d+ s$", re.MULTILINE), "in <seconds> s"),
)


def run_demo() -> str:
    """What ``make demo`` prints, from a real run against a fresh sandbox."""
    result = subprocess.run(  # noqa: S603 - our own script, with this interpreter
        [sys.executable, str(DEMO)], capture_output=True, text=True, timeout=120, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"the demo failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def readme_transcript(readme: str) -> str:
    """The transcript between the markers (without the code fence)."""
    block = readme.split(BEGIN, 1)[1].split(END, 1)[0]
    return block.strip().removeprefix("```text").removesuffix("```").strip("\n") + "\n"


def normalised(transcript: str) -> str:
    for pattern, replacement in _VOLATILE:
        transcript = pattern.sub(replacement, transcript)
    return transcript


def write(transcript: str) -> None:
    readme = README.read_text(encoding="utf-8")
    head, rest = readme.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{BEGIN}\n```text\n{transcript}```\n{END}{tail}", encoding="utf-8")


def main(argv: list[str]) -> int:
    transcript = run_demo()
    if argv == ["--check"]:
        current = readme_transcript(README.read_text(encoding="utf-8"))
        if normalised(current) != normalised(transcript):
            print("README.md's demo transcript is not what `make demo` prints now:")
            print(transcript)
            print("run `.venv/bin/python tools/demo_transcript.py` to refresh it.")
            return 1
        print("README.md's demo transcript matches a real run.")
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    write(transcript)
    print(f"wrote the transcript of a real run into {README.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
