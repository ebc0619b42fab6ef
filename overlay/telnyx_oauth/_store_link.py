"""How the flows use a ``TokenStore``: the leader's block, and what each store failure means.

``StoreLink`` is one flow's tie to its store, or to none (the in-process default). Its
``hold(lease, key, body)`` runs the leader of a renewal (``_single_flight``) under the store's
lock, a core step by step (``_drive``: written once for sync and async code). The ``Lease``
(``AsyncLease``) gives it ``load_steps()`` the shared token, ``save_steps()`` a new one,
``extend_steps()`` the lock before ``on_token``, and ``before_retry`` for the retry transports.
Without a store, or for a solo leader, the lease is detached: there is nothing to load and
nothing is saved, so the flow runs exactly as it does in one process.

Failures, by policy:

- **Fail open** (client credentials, whose tokens are not single-use; a refresh with
  ``on_store_failure="refresh"``): the renewal goes on in this process alone and the lease
  is detached for the rest of it. One WARNING per outage: later failures log at DEBUG, until a
  renewal goes through the store again (INFO).
- **Fail closed** (a refresh, by default): a failure before the refresh request (the lock, the
  read) raises ``TokenStoreError``, and the refresh token is not spent. After it, the successor
  still reaches ``on_token`` and the caller; when it may not be in the store, leaving the lease
  raises ``TokenStoreError`` carrying it (``.token``).
- **A record that cannot be read**: client credentials replace it (a WARNING each time); a
  refresh raises ``TokenRecordError`` whatever the policy: the record exists because its
  refresh token was spent, so refreshing that token again would be a replay.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, TypeVar

from ._drive import Core, arun, run
from ._errors import ConfigurationError, TokenRecordError, TokenStoreError
from ._fork import after_fork_in_child
from ._token import Token
from ._token_store import (
    TokenStore,
    decode_record,
    encode_record,
    record_expires_at,
)

__all__: list[str] = []  # used by _auth and _authorization_code

logger = logging.getLogger("telnyx_oauth")

_T = TypeVar("_T")


class StoreLink:
    """One flow's tie to a ``TokenStore`` (or to none); see the module docstring."""

    __slots__ = (
        "__weakref__",
        "_fail_open",
        "_fallback",
        "_mutex",
        "_outage",
        "_replace_unreadable",
        "store",
    )

    def __init__(
        self,
        store: TokenStore | None,
        *,
        fail_open: bool,
        replace_unreadable: bool,
        fallback: str,
    ) -> None:
        self.store = store
        self._fail_open = fail_open
        self._replace_unreadable = replace_unreadable
        self._fallback = fallback  # what the flow does meanwhile, for the outage warning
        self._mutex = threading.Lock()
        self._outage = False
        after_fork_in_child(self, StoreLink._fresh_mutex)

    def _fresh_mutex(self) -> None:
        self._mutex = threading.Lock()  # a parent's thread may have held it at the fork

    # The lock's steps, for the flows' cores (``_drive``): sync or async by the lease's kind.

    def enter(self, lease: _LeaseState, key: str, *, shared: bool) -> Core[None]:
        """Take the store's lock for ``key`` into ``lease``, or leave it detached."""
        if self.store is None or not shared:
            return
        try:
            if lease.is_async:
                lock: Any = self.store.alock(key, ttl_seconds=lease.ttl_seconds)
                lease.held = yield lock.__aenter__()
            else:
                lock = self.store.lock(key, ttl_seconds=lease.ttl_seconds)
                lease.held = yield lock.__enter__()
        except Exception as exc:
            self.refused(lease, exc, "taking its lock")
            return
        lease.lock, lease.attached = lock, True

    def hold(self, lease: _LeaseState, key: str, body: Core[_T], *, shared: bool) -> Core[_T]:
        """Run ``body`` (a core) under the store's lock for ``key``, released however it ends."""
        yield from self.enter(lease, key, shared=shared)
        try:
            result = yield from body
        except BaseException as exc:
            yield from self.abandon(lease, exc)
            raise
        yield from self.leave(lease)
        return result

    def abandon(self, lease: _LeaseState, error: BaseException) -> Core[None]:
        """Release the lock while ``error`` of the flow propagates: that error is the one to see."""
        lock, lease.lock = lease.lock, None
        if lock is None:
            return
        info = (type(error), error, error.__traceback__)
        try:
            yield lock.__aexit__(*info) if lease.is_async else lock.__exit__(*info)
        except Exception as exc:
            logger.warning("%s", self.error(exc, "releasing its lock"))

    def leave(self, lease: _LeaseState) -> Core[None]:
        """Release the lock after a block that ended without an error, then ``finish``."""
        lock, lease.lock = lease.lock, None
        if lock is not None:
            try:
                yield (
                    lock.__aexit__(None, None, None)
                    if lease.is_async
                    else lock.__exit__(None, None, None)
                )
            except Exception as exc:
                self.unsaved(lease, exc, "releasing its lock")
        self.finish(lease)

    # -- policy ---------------------------------------------------------------------------------

    def refused(self, lease: _LeaseState, exc: Exception, doing: str) -> None:
        """Taking the lock or reading the record failed, before any token request."""
        if isinstance(exc, ConfigurationError):
            raise exc  # a mistake in the set-up, not an outage
        lease.detach()
        error = self.error(exc, doing)
        if self._fail_open:
            self._warn(error)
            return
        raise TokenStoreError(
            f"{error}: the refresh was not attempted, so the refresh token is not spent"
        ) from exc

    def unsaved(self, lease: _LeaseState, exc: Exception, doing: str) -> None:
        """Saving the record, or releasing the lock that makes it stick, failed."""
        lease.detach()
        error = self.error(exc, doing)
        if self._fail_open:
            self._warn(error)
        elif lease.saved is None:
            logger.warning("%s", error)  # nothing of ours was lost
        else:
            lease.unsaved = TokenStoreError(
                f"{error}: the refresh token is spent and its successor may not be in the "
                "store; on_token has run, and this error carries the successor (.token)",
                token=lease.saved,
            )
            lease.unsaved.__cause__ = exc

    def unreadable(self, lease: _LeaseState, exc: TokenRecordError) -> None:
        """The key's record cannot be read: replace it, or refuse to refresh over it."""
        error = self.error(exc, "reading a record")
        if self._replace_unreadable:
            logger.warning("%s; replacing it with a new token", error)
            return
        lease.faulted = True
        raise TokenRecordError(
            f"{error}: its refresh token was spent by another process, and refreshing it "
            "again would be a replay; load the current token from your own storage (on_token "
            "keeps it there)"
        ) from exc

    def lost(self, lease: _LeaseState, exc: Exception, doing: str) -> bool:
        """Extending the lock failed: whether the leader may still go on as if it held it."""
        if self._fail_open:
            lease.detach()
            self._warn(self.error(exc, doing))
            return True
        logger.warning(
            "%s: the lock may have lapsed, so another process may act on this token now",
            self.error(exc, doing),
        )
        return False

    def finish(self, lease: _LeaseState) -> None:
        """The lease ended without an error of the flow: raise what was not saved, or note
        that the store works again."""
        if lease.unsaved is not None:
            raise lease.unsaved
        if not lease.attached or lease.faulted:
            return
        with self._mutex:
            was_out, self._outage = self._outage, False
        if was_out:
            logger.info("token store %r works again", self.store)

    def error(self, exc: Exception, doing: str) -> str:
        if isinstance(exc, TokenStoreError):
            return str(exc)
        # Not one of ours: its message is its own business (it may show a URL with a password).
        return f"token store {self.store!r} failed {doing} ({type(exc).__name__})"

    def _warn(self, error: str) -> None:
        with self._mutex:
            first, self._outage = not self._outage, True
        if first:
            logger.warning("%s; %s until it works again", error, self._fallback)
        else:
            logger.debug("%s; still %s", error, self._fallback)


class _LeaseState:
    """A lease's state and its steps, written once (``_drive``); ``Lease`` and ``AsyncLease``
    run them."""

    __slots__ = ("_link", "attached", "faulted", "held", "lock", "saved", "ttl_seconds", "unsaved")
    is_async = False

    def __init__(self, link: StoreLink, ttl_seconds: float) -> None:
        self._link = link
        self.ttl_seconds = ttl_seconds
        self.lock: Any = None  # the store's lock, while held
        self.held: Any = None  # what it gave: a TokenLease (AsyncTokenLease for AsyncLease)
        self.attached = False  # the store's lock was taken
        self.faulted = False  # the store failed during this lease
        self.saved: Token | None = None
        self.unsaved: TokenStoreError | None = None

    def detach(self) -> None:
        """Stop using the store for the rest of this lease (it failed)."""
        self.faulted = True
        self.held = None

    def load_steps(self) -> Core[Token | None]:
        if self.held is None:
            return None
        try:
            record = yield self.held.load()
        except TokenRecordError as exc:
            self._link.unreadable(self, exc)
            return None
        except Exception as exc:
            self._link.refused(self, exc, "reading a record")
            return None
        if record is None:
            return None
        try:
            return decode_record(record)
        except TokenRecordError as exc:
            self._link.unreadable(self, exc)
            return None

    def save_steps(self, token: Token) -> Core[None]:
        if self.held is not None:
            self.saved = token  # noted before the write (see StoreLink.unsaved)
            try:
                yield self.held.save(
                    encode_record(token), expires_at=record_expires_at(token, time.time())
                )
            except Exception as exc:
                self._link.unsaved(self, exc, "saving a record")

    def extend_steps(self) -> Core[bool]:
        return self._extend(self.ttl_seconds, "extending its lock")

    def _extend(self, seconds: float, doing: str) -> Core[bool]:
        try:
            if self.held is not None:
                yield self.held.extend(seconds)
        except Exception as exc:
            return self._link.lost(self, exc, doing)
        return True


class Lease(_LeaseState):
    """The leader's hold on its key's record (sync); see the module docstring."""

    __slots__ = ()

    def before_retry(self, delay_seconds: float) -> bool:
        """Whether the token request may be retried after ``delay_seconds``: the lock is
        extended to cover the wait and the next attempt first (the retry transports ask)."""
        return run(self._extend(delay_seconds + self.ttl_seconds, _FOR_A_RETRY))


class AsyncLease(_LeaseState):
    """``Lease`` for asyncio code: the same steps, each store call awaited."""

    __slots__ = ()
    is_async = True

    async def before_retry(self, delay_seconds: float) -> bool:
        return await arun(self._extend(delay_seconds + self.ttl_seconds, _FOR_A_RETRY))


_FOR_A_RETRY = "extending its lock for a retry"
