"""``python -m bench``: run the benchmarks and write docs/benchmarks.md and docs/benchmarks.png."""

from __future__ import annotations

from bench._cli import main

raise SystemExit(main())
