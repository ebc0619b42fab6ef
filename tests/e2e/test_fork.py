"""A client used before ``os.fork()`` serves parent and child apart: real processes, the real
sandbox on loopback.

Each child reports through its exit status: 0 when every answer was its own, 1 when it got
another's, 2 when a call raised; a child that hangs is killed after a bound and counts as a
failure.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable

import pytest

from telnyx_oauth import ClientCredentials, connect
from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api.api.oauth_clients import get_oauth_client, list_oauth_clients
from telnyx_oauth_api.models import GrantType
from telnyx_oauth_sandbox import MANAGEMENT_SCOPE, SandboxControls, SandboxServer
from tests.e2e._flows import create_client, secret_of

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

CALLS = 40
CHILD_BOUND_SECONDS = 20.0


def _fork(work: Callable[[], int]) -> int:
    """Run ``work`` in a forked child, which exits with its result; the child's pid."""
    pid = os.fork()
    if pid == 0:
        code = 2
        try:
            code = work()
        except BaseException:
            code = 2
        finally:
            sys.stdout.flush()
            os._exit(code)
    return pid


def _exit_status(pid: int, bound: float = CHILD_BOUND_SECONDS) -> int | None:
    """The child's exit status, or None when it was still running after ``bound`` seconds
    (it is killed then)."""
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.02)  # polling a child process: nothing to wait on but its exit
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


def _asks_for(client: AuthenticatedClient, client_id: str) -> int:
    for _ in range(CALLS):
        if get_oauth_client.sync(client_id, client=client).data.client_id != client_id:
            return 1
    return 0


def test_parent_and_child_each_get_their_own_answers(
    api: AuthenticatedClient, sandbox: SandboxServer
) -> None:
    """A client with a pooled connection, then a fork, then both processes calling at once:
    every answer each receives is to its own request."""
    mine = create_client(api, grant_types=[GrantType.CLIENT_CREDENTIALS]).client_id
    theirs = create_client(api, grant_types=[GrantType.CLIENT_CREDENTIALS]).client_id
    # Transports built by connect() (one passed in is the caller's to renew after a fork).
    with connect(sandbox.api_key, base_url=sandbox.base_url) as client:
        assert _asks_for(client, mine) == 0  # leaves a connection in the pool

        pid = _fork(lambda: _asks_for(client, theirs))
        parent = 2
        try:
            parent = _asks_for(client, mine)
        finally:
            child = _exit_status(pid)
    assert (parent, child) == (0, 0)


def test_child_forked_during_a_token_request_makes_its_own(
    api: AuthenticatedClient, sandbox: SandboxServer, controls: SandboxControls
) -> None:
    """A fork while another thread waits for a client-credentials token: the child does not
    wait for that request (its thread does not exist there) but makes its own."""
    registered = create_client(
        api, grant_types=[GrantType.CLIENT_CREDENTIALS], scopes=[MANAGEMENT_SCOPE]
    )
    auth = ClientCredentials(registered.client_id, secret_of(registered))
    controls.delay(1.0, path="/v2/oauth/token", count=1)
    with connect(auth=auth, base_url=sandbox.base_url, timeout=10.0) as machine:
        fetching = threading.Thread(target=lambda: list_oauth_clients.sync(client=machine))
        fetching.start()
        deadline = time.monotonic() + 5
        while controls.faults() and time.monotonic() < deadline:  # until the request is sent
            time.sleep(0.01)
        assert not controls.faults()

        pid = _fork(lambda: 0 if list_oauth_clients.sync(client=machine) is not None else 1)
        try:
            fetching.join(timeout=10)
        finally:
            child = _exit_status(pid)
    assert child == 0
    assert controls.token_requests() == 2
