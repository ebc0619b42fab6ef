"""``--ready-file``'s parts in-process: the JSON object, the atomic file, and the server that
writes it only once it accepts connections (``test_cli`` runs the whole command)."""

from __future__ import annotations

import asyncio
import json
import socket
import stat
from pathlib import Path

import httpx
import pytest

from telnyx_oauth_sandbox import create_app
from telnyx_oauth_sandbox._cli import _AnnouncingServer
from telnyx_oauth_sandbox._ready import ReadyInfo, remove_ready_file, write_ready_file
from telnyx_oauth_sandbox._server import base_url_of, listen_socket, uvicorn_config

INFO = ReadyInfo(
    base_url="http://127.0.0.1:1234",
    listening="http://127.0.0.1:1234",
    port=1234,
    pid=42,
    generated_api_key="KEYSANDBOX_secret",
)


def test_the_object_names_a_generated_key_only() -> None:
    """The key is in the object only when the sandbox generated it, and never in the repr."""
    assert INFO.document()["api_key"] == "KEYSANDBOX_secret"
    given = ReadyInfo("http://x.test", "http://127.0.0.1:1", 1, 42, None)
    assert given.document() == {
        "base_url": "http://x.test",
        "listening": "http://127.0.0.1:1",
        "port": 1,
        "pid": 42,
    }
    assert "KEYSANDBOX" not in repr(INFO)


def test_dash_is_one_line_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """``-`` prints the object as a single JSON line."""
    write_ready_file("-", INFO)
    remove_ready_file("-")  # nothing to remove on stdout
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert json.loads(out) == INFO.document()


def test_file_is_whole_and_private(tmp_path: Path) -> None:
    """A file gets the object, mode 0600, and no temporary file stays behind."""
    path = tmp_path / "ready.json"
    write_ready_file(str(path), INFO)
    assert json.loads(path.read_text()) == INFO.document()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["ready.json"]
    remove_ready_file(str(path))
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    """When the rename fails (a directory sits at the path), the error is raised and the
    temporary file is removed."""
    (tmp_path / "ready.json").mkdir()
    with pytest.raises(IsADirectoryError):
        write_ready_file(str(tmp_path / "ready.json"), INFO)
    assert [p.name for p in tmp_path.iterdir()] == ["ready.json"]


async def _serving(server: _AnnouncingServer, sock: socket.socket) -> asyncio.Task[None]:
    """``server.serve`` as a task, once its start-up is over (yielding to the loop, no sleep)."""
    task = asyncio.create_task(server.serve(sockets=[sock]))
    for _ in range(100_000):
        if server.started or server.should_exit or task.done():
            return task
        await asyncio.sleep(0)
    raise AssertionError("the server did not start")


async def _stop(server: _AnnouncingServer, task: asyncio.Task[None]) -> None:
    server.should_exit = True
    await task


async def test_server_writes_the_file_once_it_accepts_connections(tmp_path: Path) -> None:
    """After start-up the file exists and its address answers at once; before, it does not."""
    path = tmp_path / "ready.json"
    sock = listen_socket("127.0.0.1", 0)
    base_url = base_url_of(sock)
    app = create_app(api_key="k", issuer=base_url)
    info = ReadyInfo(base_url, base_url, sock.getsockname()[1], 1, None)
    server = _AnnouncingServer(uvicorn_config(app, "warning"), str(path), info)
    assert not path.exists()
    task = await _serving(server, sock)
    try:
        assert server.announced
        ready = json.loads(path.read_text())
        async with httpx.AsyncClient() as http:
            answer = await http.get(f"{ready['base_url']}/.well-known/oauth-authorization-server")
        assert answer.json()["issuer"] == base_url
    finally:
        await _stop(server, task)
        sock.close()


async def test_server_that_cannot_write_the_file_exits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unwritable ready file: a sentence on stderr, and the server asked to exit."""
    sock = listen_socket("127.0.0.1", 0)
    config = uvicorn_config(create_app(api_key="k", issuer=base_url_of(sock)), "warning")
    server = _AnnouncingServer(config, str(tmp_path / "missing" / "ready.json"), INFO)
    task = await _serving(server, sock)
    try:
        await task  # it stops by itself
        assert (server.announced, server.should_exit) == (False, True)
        assert "cannot write the ready file" in capsys.readouterr().err
    finally:
        sock.close()
