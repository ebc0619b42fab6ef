"""Hooks a child of ``os.fork()`` runs first, to drop what it must not inherit (docs/design.md)."""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

_T = TypeVar("_T")
# Weak: registering must not keep a client alive.
_hooks: weakref.WeakKeyDictionary[Any, Callable[[Any], None]] = weakref.WeakKeyDictionary()
# The parent's httpx clients, set aside by the child: kept unused and unclosed (docs/design.md).
inherited: list[object] = []


def after_fork_in_child(owner: _T, hook: Callable[[_T], None]) -> None:
    """Call ``hook(owner)`` in the child of every later ``os.fork()``, while ``owner`` lives."""
    _hooks[owner] = hook


def _run_hooks() -> None:
    for owner, hook in list(_hooks.items()):
        hook(owner)


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=_run_hooks)
