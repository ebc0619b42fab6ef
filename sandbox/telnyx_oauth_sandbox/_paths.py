"""Which operation of the spec a method and path name, from the spec's path templates.

The gateway names each request by its operation (stats, the access log) and faults select
requests by a spec path, a path template or a glob; all of that is answered here.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass


def _path_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts))


@dataclass(frozen=True)
class OperationPath:
    """One operation's method and path template (``/v2/oauth_clients/{id}``)."""

    operation_id: str
    method: str
    template: str


class OperationPaths:
    """The spec's operations by method and path template."""

    def __init__(self, operations: Iterable[OperationPath]) -> None:
        self.operations = list(operations)
        self._patterns = [(op, _path_pattern(op.template)) for op in self.operations]

    def match(self, method: str, path: str) -> str | None:
        """The operationId of ``method path``, or None when the spec has no such operation."""
        for operation, pattern in self._patterns:
            if operation.method == method and pattern.fullmatch(path):
                return operation.operation_id
        return None

    def selected_by(self, path: str) -> list[OperationPath]:
        """The operations a fault's ``match.path`` can select.

        ``path`` is a spec path template (``/v2/oauth_clients/{id}``), a concrete path
        (``/v2/oauth_clients/abc``), or a glob with ``*`` matched against the templates
        (``/v2/*``).
        """
        if "*" in path:
            return [op for op in self.operations if fnmatch.fnmatchcase(op.template, path)]
        if "{" in path:
            return [op for op in self.operations if op.template == path]
        return [op for op, pattern in self._patterns if pattern.fullmatch(path)]
