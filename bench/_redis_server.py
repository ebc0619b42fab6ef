"""A real ``redis-server`` (Debian's, installed by ``make test``) on a free loopback port, for
the fleet figure and the token-store tests (``tests/stores``).

Started with every setting on its command line, so no configuration file of the machine is
read: loopback only, no persistence (no RDB snapshot, no AOF: a restart forgets everything, as
the restart test needs), its working directory a temporary one. Readiness is read from its own
log line on stdout, so nothing polls or sleeps.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path
from typing import Self

import redis

from bench._ports import free_port

READY_LINE = b"Ready to accept connections"
STOP_TIMEOUT_SECONDS = 10.0


class RedisServer:
    """One ``redis-server`` process that the tests start, stop, pause and restart."""

    def __init__(self, directory: Path) -> None:
        executable = shutil.which("redis-server")
        if executable is None:
            raise RuntimeError("redis-server is not installed: run `make install`")
        self._executable = executable
        self.directory = directory
        self.port = free_port()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """``redis://127.0.0.1:<port>/0``."""
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> Self:
        """Start it (again, on the same port) and return once it accepts connections."""
        if self._process is not None:
            raise RuntimeError("redis-server is already running")
        process = subprocess.Popen(  # noqa: S603 - Debian's redis-server, fixed arguments
            [
                self._executable,
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", str(self.directory),
                "--daemonize", "no",
                "--logfile", "",
                "--loglevel", "notice",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        if process.stdout is None:  # pragma: no cover - stdout=PIPE above
            raise RuntimeError("redis-server has no stdout")
        seen: list[bytes] = []
        for line in process.stdout:  # ends when redis-server exits
            seen.append(line)
            if READY_LINE in line:
                self._process = process
                return self
        process.wait()
        raise RuntimeError(f"redis-server did not start: {b''.join(seen)[-2000:]!r}")

    def stop(self) -> None:
        """Kill it (SIGKILL: nothing is saved, which is the point) and wait for it."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            os.kill(process.pid, signal.SIGCONT)  # a paused server must be able to die
            process.kill()
        process.wait(timeout=STOP_TIMEOUT_SECONDS)
        if process.stdout is not None:
            process.stdout.close()

    def restart(self) -> None:
        """Kill it and start a fresh one on the same port: every key is gone."""
        self.stop()
        self.start()

    def pause(self) -> None:
        """SIGSTOP: it keeps its connections but answers nothing (a store that times out)."""
        os.kill(self._running().pid, signal.SIGSTOP)

    def resume(self) -> None:
        """SIGCONT after ``pause()``."""
        os.kill(self._running().pid, signal.SIGCONT)

    def _running(self) -> subprocess.Popen[bytes]:
        if self._process is None:
            raise RuntimeError("redis-server is not running")
        return self._process

    def client(self, **options: object) -> redis.Redis:
        """A sync client of this server."""
        return redis.Redis(host="127.0.0.1", port=self.port, **options)  # type: ignore[arg-type]

    def flush(self) -> None:
        """Forget every key."""
        with self.client() as client:
            client.flushall()
