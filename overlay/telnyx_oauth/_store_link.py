"""How the flows use a ``TokenStore``, and what each of its failures means (docs/design.md)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from telnyx_oauth_api.errors import connection_error

from ._drive import Closed, Core, arun, run
from ._errors import ConfigurationError, TokenRecordError, TokenStoreError
from ._fork import after_fork_in_child
from ._retries import ASYNC_RETRY_GUARD_EXTENSION, RETRY_GUARD_EXTENSION, TransportFailure
from ._single_flight import Leader
from ._token import Token
from ._token_store import TokenStore, decode_record, encode_record, record_expires_at

logger = logging.getLogger("telnyx_oauth")
_T = TypeVar("_T")


class StoreLink:
    """One flow's tie to a ``TokenStore``, or to none (then no lease holds a lock)."""

    def __init__(
        self, store: TokenStore | None, *, fail_open: bool, replace_unreadable: bool, fallback: str
    ) -> None:
        self.store = store
        self._fail_open = fail_open
        self._replace_unreadable = replace_unreadable
        self._fallback = fallback  # what the flow does meanwhile, for the outage warning
        self._fresh_mutex()
        self._outage = False
        after_fork_in_child(self, StoreLink._fresh_mutex)

    def _fresh_mutex(self) -> None:
        self._mutex = threading.Lock()  # a parent's thread may have held it at the fork

    def lead(
        self,
        joined: Leader[_T],
        key: str,
        ttl_seconds: Callable[[], float],
        renew: Callable[[Lease], Core[_T]],
        *,
        is_async: bool,
        failure: TransportFailure | None = None,
    ) -> Core[_T]:
        """Run ``renew`` under the lock for ``key``; land ``joined``'s flight with its outcome."""
        try:
            lease = Lease(self, ttl_seconds(), is_async=is_async)
            value = yield from self.hold(lease, key, renew(lease), shared=not joined.solo)
        except BaseException as exc:
            shared: BaseException | None = exc
            if isinstance(exc, (Closed, GeneratorExit)) and failure is not None:
                # httpx closed the flow (docs/design.md, retries): share the error noted, if any
                shared = None if failure.error is None else connection_error(failure.error)
            joined.fail(shared)
            raise
        joined.succeed(value)
        return value

    def hold(self, lease: Lease, key: str, body: Core[_T], *, shared: bool) -> Core[_T]:
        """Run ``body`` under the store's lock for ``key`` (if ``shared``), released at its end."""
        lock: Any = None
        if self.store is not None and shared:
            try:
                take = self.store.alock if lease.is_async else self.store.lock
                lock = take(key, ttl_seconds=lease.ttl_seconds)
                lease.held = yield lock.__aenter__() if lease.is_async else lock.__enter__()
            except Exception as exc:
                lock = None
                self.refused(lease, exc, "taking its lock")
        try:
            result = yield from body
        except BaseException as exc:
            yield from self._release(lease, lock, exc)
            raise
        yield from self._release(lease, lock, None)
        if lease.unsaved is not None:
            raise lease.unsaved
        if lock is not None and lease.held is not None:
            with self._mutex:
                was_out, self._outage = self._outage, False
            if was_out:
                logger.info("token store %r works again", self.store)
        return result

    def _release(self, lease: Lease, lock: Any, error: BaseException | None) -> Core[None]:
        """Leave the lock; while the flow's ``error`` propagates, that is the error to see."""
        if lock is None:
            return
        info = (None, None, None) if error is None else (type(error), error, error.__traceback__)
        try:
            yield lock.__aexit__(*info) if lease.is_async else lock.__exit__(*info)
        except Exception as exc:
            if error is None:
                self.unsaved(lease, exc, "releasing its lock")
            else:
                logger.warning("%s", self.error(exc, "releasing its lock"))

    def refused(self, lease: Lease, exc: Exception, doing: str) -> None:
        """Taking the lock or reading the record failed, before any token request."""
        if isinstance(exc, ConfigurationError):
            raise exc  # a mistake in the set-up, not an outage
        lease.held = None
        error = self.error(exc, doing)
        if self._fail_open:
            self._warn(error)
            return
        raise TokenStoreError(
            f"{error}: the refresh was not attempted, so the refresh token is not spent"
        ) from exc

    def unsaved(self, lease: Lease, exc: Exception, doing: str) -> None:
        """Saving the record, or releasing the lock that makes it stick, failed."""
        lease.held = None
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

    def unreadable(self, lease: Lease, exc: TokenRecordError) -> None:
        """The key's record cannot be read: replace it, or refuse to refresh over it."""
        error = self.error(exc, "reading a record")
        if self._replace_unreadable:
            logger.warning("%s; replacing it with a new token", error)
            return
        raise TokenRecordError(
            f"{error}: its refresh token was spent by another process, and refreshing it "
            "again would be a replay; load the current token from your own storage (on_token "
            "keeps it there)"
        ) from exc

    def lost(self, lease: Lease, exc: Exception, doing: str) -> bool:
        """Extending the lock failed: whether the leader may still go on as if it held it."""
        if self._fail_open:
            lease.held = None
            self._warn(self.error(exc, doing))
            return True
        logger.warning(
            "%s: the lock may have lapsed, so another process may act on this token now",
            self.error(exc, doing),
        )
        return False

    def error(self, exc: Exception, doing: str) -> str:
        if isinstance(exc, TokenStoreError):
            return str(exc)
        # Not one of ours: its message is its own business (it may show a URL with a password).
        return f"token store {self.store!r} failed {doing} ({type(exc).__name__})"

    def _warn(self, error: str) -> None:
        """A WARNING for the first failure of an outage, DEBUG for the others."""
        with self._mutex:
            first, self._outage = not self._outage, True
        if first:
            logger.warning("%s; %s until it works again", error, self._fallback)
        else:
            logger.debug("%s; still %s", error, self._fallback)


class Lease:
    """A leader's hold on its key's record, and its steps (cores, ``_drive``)."""

    def __init__(self, link: StoreLink, ttl_seconds: float, *, is_async: bool) -> None:
        self._link = link
        self.ttl_seconds = ttl_seconds
        self.is_async = is_async
        self.retry_guard = ASYNC_RETRY_GUARD_EXTENSION if is_async else RETRY_GUARD_EXTENSION
        self.held: Any = None  # the store's TokenLease while usable; None once the store failed
        self.saved: Token | None = None
        self.unsaved: TokenStoreError | None = None

    def load_steps(self) -> Core[Token | None]:
        if self.held is None:
            return None
        try:
            record = yield self.held.load()
            return None if record is None else decode_record(record)
        except TokenRecordError as exc:
            self._link.unreadable(self, exc)
        except Exception as exc:
            self._link.refused(self, exc, "reading a record")
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

    def extend_steps(self, wait: float = 0.0, doing: str = "extending its lock") -> Core[bool]:
        """Keep the lock ``wait`` plus a TTL from now; whether the leader may go on."""
        try:
            if self.held is not None:
                yield self.held.extend(wait + self.ttl_seconds)
        except Exception as exc:
            return self._link.lost(self, exc, doing)
        return True

    def before_retry(self, delay_seconds: float) -> bool | Awaitable[bool]:
        """Whether a retry after ``delay_seconds`` may go; the lock is extended for it first."""
        steps = self.extend_steps(delay_seconds, "extending its lock for a retry")
        return arun(steps) if self.is_async else run(steps)
