"""An optional feature used without its extra names the extra to install.

The libraries are installed here, so each test hides one (``sys.modules[name] = None`` makes its
import fail as a missing package's would) and uses the feature as a user would.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import telnyx_oauth
from telnyx_oauth.token_stores import EncryptedTokenStore


def _hide(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)


def test_encrypted_store_without_the_encryption_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    key = EncryptedTokenStore.generate_key()
    store = telnyx_oauth.SQLiteTokenStore(f"{tmp_path}/tokens.db")
    _hide(monkeypatch, "cryptography", "cryptography.fernet")
    expected = (
        "EncryptedTokenStore needs cryptography, which is not installed: "
        "pip install 'telnyx-oauth[encryption]'"
    )
    with pytest.raises(telnyx_oauth.ConfigurationError) as caught:
        EncryptedTokenStore(store, key)
    assert str(caught.value) == expected
    with pytest.raises(telnyx_oauth.ConfigurationError) as caught:
        EncryptedTokenStore.generate_key()
    assert str(caught.value) == expected


def test_redis_store_without_the_redis_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import redis

    client = redis.Redis()  # never connects: the store is refused before any command
    _hide(monkeypatch, "redis", "redis.asyncio")
    with pytest.raises(telnyx_oauth.ConfigurationError) as caught:
        telnyx_oauth.RedisTokenStore(client)
    assert str(caught.value) == (
        "RedisTokenStore needs redis, which is not installed: pip install 'telnyx-oauth[redis]'"
    )
