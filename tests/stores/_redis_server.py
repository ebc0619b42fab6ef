"""The token-store tests' redis-server: the benchmarks' (``bench._redis_server``), plus what
only tests need."""

from __future__ import annotations

import redis.asyncio

from bench._redis_server import RedisServer as _RedisServer

__all__ = ["RedisServer"]


class RedisServer(_RedisServer):
    """``bench._redis_server.RedisServer``, with an asyncio client and a dump of every key."""

    def async_client(self, **options: object) -> redis.asyncio.Redis:
        """An asyncio client of this server."""
        return redis.asyncio.Redis(host="127.0.0.1", port=self.port, **options)  # type: ignore[arg-type]

    def dump(self) -> dict[bytes, bytes]:
        """Every key and its value as stored (GET: the stores write strings only; DUMP would
        compress them)."""
        with self.client() as client:
            keys = list(client.scan_iter(count=1000))
            kinds = {client.type(key) for key in keys}
            assert kinds <= {b"string"}, kinds
            return {key: client.get(key) or b"" for key in keys}
