"""Injected faults: what to do to the next requests for an operation (fail, slow down, drop).

A fault selects requests by method and by ``path``: a spec path template
(``/v2/oauth_clients/{id}``: every client), a concrete path (``/v2/oauth_clients/abc``: that one),
or a glob (``/v2/*``). A selection that names no operation of the spec is refused when the
fault is added, so a typo never becomes a fault that silently never fires.
"""

from __future__ import annotations

import fnmatch
import threading
from dataclasses import asdict, dataclass, field
from typing import Any

from ._paths import OperationPaths


class FaultMatchError(ValueError):
    """A fault's ``match`` names no operation of the spec; the message says which part."""

    def __init__(self, message: str, pointer: str) -> None:
        super().__init__(message)
        self.pointer = pointer


@dataclass
class Fault:
    """What to do to the next ``remaining`` requests matching ``method`` and ``path``."""

    id: int
    method: str | None
    path: str | None
    remaining: int
    status: int | None = None
    retry_after: float | None = None
    delay_seconds: float | None = None
    drop_connection: bool = False
    operation_ids: frozenset[str] = field(default=frozenset(), repr=False)

    def matches(self, method: str, path: str, operation_id: str | None) -> bool:
        if self.method is not None and self.method != method:
            return False
        if self.path is None:
            return True
        if "*" in self.path:
            return fnmatch.fnmatchcase(path, self.path)
        if "{" in self.path:
            return operation_id in self.operation_ids
        return self.path == path

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        del data["operation_ids"]
        data["match"] = {"method": data.pop("method"), "path": data.pop("path")}
        return data


class Faults:
    """Faults waiting for their requests; the first matching one is spent."""

    def __init__(self, paths: OperationPaths) -> None:
        self._paths = paths
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._next_id = 1

    def _selected(self, method: str | None, path: str | None) -> frozenset[str]:
        operations = self._paths.operations if path is None else self._paths.selected_by(path)
        if not operations:
            raise FaultMatchError(
                "match.path: names no operation of the spec (give a spec path such as "
                "/v2/oauth_clients/{id}, a concrete path, or a glob such as /v2/*)",
                "/match/path",
            )
        chosen = [op for op in operations if method is None or op.method == method]
        if not chosen:
            where = "any path" if path is None else "this path"
            raise FaultMatchError(
                f"match.method: no operation of the spec has this method on {where}",
                "/match/method",
            )
        return frozenset(op.operation_id for op in chosen)

    def add(
        self,
        *,
        method: str | None,
        path: str | None,
        count: int,
        status: int | None,
        retry_after: float | None,
        delay_seconds: float | None,
        drop_connection: bool,
    ) -> Fault:
        """Add a fault; ``FaultMatchError`` when method and path select no operation."""
        method = None if method is None else method.upper()
        operation_ids = self._selected(method, path)
        with self._lock:
            fault = Fault(
                id=self._next_id,
                method=method,
                path=path,
                remaining=count,
                status=status,
                retry_after=retry_after,
                delay_seconds=delay_seconds,
                drop_connection=drop_connection,
                operation_ids=operation_ids,
            )
            self._next_id += 1
            self._faults.append(fault)
            return fault

    def take(self, method: str, path: str, operation_id: str | None) -> Fault | None:
        """Spend one use of the first fault matching this request, if any."""
        if not self._faults:  # the common case, without the lock
            return None
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path, operation_id):
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def list(self) -> list[dict[str, Any]]:
        with self._lock:
            return [f.to_json() for f in self._faults]

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
