"""The token-store protocol's pure parts: records, lock TTLs, the retry guard, set-up errors.

The stores themselves run against real engines in tests/stores.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

import telnyx_oauth
from telnyx_oauth import (
    ConfigurationError,
    RedisTokenStore,
    SQLiteTokenStore,
    Token,
)
from telnyx_oauth._retries import ASYNC_RETRY_GUARD_EXTENSION, RETRY_GUARD_EXTENSION
from telnyx_oauth._token_store import (
    decode_record,
    encode_record,
    lock_ttl_seconds,
    record_expires_at,
)
from telnyx_oauth.retries import AsyncRetryTransport, RetryTransport
from telnyx_oauth.token_stores import EncryptedTokenStore, TokenRecordError
from tests._support.sleeps import Sleeps
from tests.unit._support import default_recursion_limit, nested_json

SECRET_ACCESS = "access-token-secret-value"
SECRET_REFRESH = "refresh-token-secret-value"
TOKEN = Token(
    access_token=SECRET_ACCESS,
    expires_in=3600.0,
    expires_at=1_900_000_000.0,
    refresh_token=SECRET_REFRESH,
    scope="numbers.read",
)


def test_a_record_round_trips_a_token() -> None:
    """A token's record decodes to the same token; it is ASCII JSON with a version."""
    record = encode_record(TOKEN)
    assert record.decode("ascii").startswith('{"version":1,')
    assert decode_record(record) == TOKEN
    assert decode_record(encode_record(Token(access_token="a"))) == Token(access_token="a")


@pytest.mark.parametrize(
    ("record", "words"),
    [
        (b"\x00\xff" + SECRET_ACCESS.encode(), "is not JSON"),
        (b"[1, 2]", "is not a JSON object"),
        (f'{{"version": 2, "access_token": "{SECRET_ACCESS}"}}'.encode(), "has version 2"),
        (f'{{"access_token": "{SECRET_ACCESS}"}}'.encode(), "has version ?"),
        (b'{"version": 1}', "has no access_token"),
        (
            f'{{"version":1,"access_token":"a","expires_at":"{SECRET_REFRESH}"}}'.encode(),
            "expires_at",
        ),
        (b'{"version":1,"access_token":"a","refresh_token":7}', "refresh_token is not a str"),
    ],
)
def test_a_record_that_cannot_be_read_is_named_without_its_content(
    record: bytes, words: str
) -> None:
    """Each way a record can be wrong has its own message, and none quotes the record."""
    with pytest.raises(TokenRecordError) as caught:
        decode_record(record)
    assert words in str(caught.value)
    assert SECRET_ACCESS not in str(caught.value)
    assert SECRET_REFRESH not in str(caught.value)
    assert isinstance(caught.value, telnyx_oauth.token_stores.TokenStoreError)


def test_a_record_nested_too_deeply_is_a_record_error() -> None:
    """A record nested past the JSON parser's recursion limit is a TokenRecordError too."""
    with default_recursion_limit(), pytest.raises(TokenRecordError, match="nests too deeply"):
        decode_record(b'{"access_token": ' + nested_json() + b"}")


@pytest.mark.parametrize(
    ("timeout", "seconds"),
    [
        (httpx.Timeout(30.0, connect=5.0), 5.0 + 30 + 30 + 30 + 0.5),
        (httpx.Timeout(10.0), 40.5),
        (httpx.Timeout(0.3), 4 * 0.3 + 0.5),
        ({"connect": 1.0, "read": 2.0, "write": 3.0, "pool": 4.0}, 10.5),
        ({"connect": 1.0, "read": None, "write": 3.0, "pool": 4.0}, 38.5),
        (None, 4 * 30.0 + 0.5),
    ],
)
def test_a_lock_lasts_the_token_requests_whole_timeout_and_a_margin(
    timeout: httpx.Timeout | dict[str, float | None] | None, seconds: float
) -> None:
    """pool + connect + write + read (30 s for a phase with none), plus 0.5 s."""
    assert lock_ttl_seconds(timeout) == pytest.approx(seconds)


def test_a_record_lives_with_its_token_but_at_least_a_minute() -> None:
    """With the token's expiry; a token without one is kept an hour; never under 60 s."""
    now = 1_800_000_000.0
    assert record_expires_at(Token(access_token="a", expires_at=now + 3600), now) == now + 3600
    assert record_expires_at(Token(access_token="a"), now) == now + 3600
    assert record_expires_at(Token(access_token="a", expires_at=now + 1), now) == now + 60


def _unavailable(request: httpx.Request) -> httpx.Response:
    return httpx.Response(503, headers={"Retry-After": "7"}, request=request)


@pytest.mark.parametrize("allowed", [True, False])
def test_the_retry_guard_decides_before_each_retry(sleeps: Sleeps, allowed: bool) -> None:
    """A request's guard is asked before a retry, with its delay; False: no retry."""
    asked: list[float] = []

    def guard(delay: float) -> bool:
        asked.append(delay)
        return allowed

    transport = RetryTransport(httpx.MockTransport(_unavailable), sleep=sleeps, max_retries=1)
    with httpx.Client(transport=transport) as client:
        request = client.build_request(
            "POST",
            "https://api.telnyx.com/v2/oauth/token",
            data={"grant_type": "refresh_token", "refresh_token": "r"},
            extensions={RETRY_GUARD_EXTENSION: guard},
        )
        assert client.send(request).status_code == 503
    assert asked == [7.0]
    assert sleeps.delays == ([7.0] if allowed else [])


async def test_the_async_retry_guard_is_awaited(sleeps: Sleeps) -> None:
    """The async transport awaits its guard; False: no retry."""
    asked: list[float] = []

    async def guard(delay: float) -> bool:
        asked.append(delay)
        return False

    transport = AsyncRetryTransport(httpx.MockTransport(_unavailable), sleep=sleeps.asleep)
    async with httpx.AsyncClient(transport=transport) as client:
        request = client.build_request(
            "POST",
            "https://api.telnyx.com/v2/oauth/token",
            data={"grant_type": "client_credentials"},
            extensions={ASYNC_RETRY_GUARD_EXTENSION: guard},
        )
        assert (await client.send(request)).status_code == 503
    assert (asked, sleeps.delays) == ([7.0], [])


def test_encrypted_records_are_bound_to_their_key(tmp_path: Path) -> None:
    """A record holds no token in the clear, decrypts under its own key only, and a key that
    is not a Fernet key is refused without being shown."""
    key = EncryptedTokenStore.generate_key()
    inner = SQLiteTokenStore(tmp_path / "tokens.db")
    store = EncryptedTokenStore(inner, key)
    with store.lock("a" * 64, ttl_seconds=1) as lease:
        lease.save(encode_record(TOKEN), expires_at=time.time() + 600)
    with inner.lock("a" * 64, ttl_seconds=1) as lease:
        sealed = lease.load()
    assert sealed is not None
    assert SECRET_ACCESS.encode() not in sealed
    with inner.lock("b" * 64, ttl_seconds=1) as lease:
        lease.save(sealed, expires_at=time.time() + 600)  # moved to another token's key
    with store.lock("a" * 64, ttl_seconds=1) as lease:
        assert decode_record(lease.load() or b"") == TOKEN
    with store.lock("b" * 64, ttl_seconds=1) as lease, pytest.raises(TokenRecordError):
        lease.load()
    rotated = EncryptedTokenStore(inner, [EncryptedTokenStore.generate_key(), key])
    with rotated.lock("a" * 64, ttl_seconds=1) as lease:
        assert lease.load() is not None  # an older key still decrypts
    assert repr(store) == f"EncryptedTokenStore({inner!r}, keys='***')"
    not_a_key = "k" * 44
    with pytest.raises(ConfigurationError) as caught:
        EncryptedTokenStore(inner, not_a_key)
    assert not_a_key not in str(caught.value)
    with pytest.raises(ConfigurationError):
        EncryptedTokenStore(inner, [])


@pytest.mark.parametrize("path", ["", ":memory:", "file:tokens.db?mode=rwc"])
def test_sqlite_needs_a_file_path(path: str) -> None:
    """SQLite coordinates processes through a file: nothing else will do."""
    with pytest.raises(ConfigurationError, match="needs the path of a file"):
        SQLiteTokenStore(path)


def test_redis_needs_a_redis_client() -> None:
    """RedisTokenStore takes a redis.Redis or a redis.asyncio.Redis, and says so."""
    with pytest.raises(ConfigurationError, match=r"needs a redis\.Redis or a redis\.asyncio"):
        RedisTokenStore("redis://127.0.0.1:6379/0")  # type: ignore[arg-type]


def test_redis_repr_shows_where_not_credentials() -> None:
    """The store's repr names host, port and database; never a password."""
    import redis

    client = redis.Redis(host="127.0.0.1", port=6390, password="redis-password-secret")
    shown = repr(RedisTokenStore(client, prefix="app:"))
    assert shown == "RedisTokenStore(127.0.0.1:6390/0, prefix='app:')"
    client.close()


def test_flows_check_their_store_options() -> None:
    """on_store_failure is "raise" or "refresh"."""
    with pytest.raises(ConfigurationError, match="on_store_failure"):
        telnyx_oauth.AuthorizationCodeFlow(
            telnyx_oauth.connect_anonymous(),
            client_id="c",
            redirect_uri="https://app.example.com/cb",
            on_store_failure="ignore",  # type: ignore[arg-type]
        )
