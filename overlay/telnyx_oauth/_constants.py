"""Every tuning number of the overlay, in one place, each named with its unit.

Why these values:

- ``DEFAULT_MAX_RETRIES = 2``: three attempts in all. Enough to ride out a dropped connection or
  a short 503 from a proxy, few enough that a real outage surfaces within seconds.
- The backoff doubles from ``INITIAL_RETRY_DELAY_SECONDS`` up to ``MAX_RETRY_DELAY_SECONDS`` and
  is multiplied by a jitter factor in ``[1 - RETRY_JITTER_FRACTION, 1]`` so that many clients
  failing together do not retry together.
- A server-given delay (``retry-after-ms``, ``Retry-After``, ``x-ratelimit-reset``) is obeyed up
  to ``MAX_SERVER_RETRY_DELAY_SECONDS``. A longer one is not shortened (retrying early would only
  earn another 429): the overlay stops retrying and raises, and the error carries the delay.
- Timeouts are always explicit: httpx reads ``None`` as "wait forever", which is what the
  generated client does when left alone.
- ``TOKEN_REFRESH_LEEWAY_SECONDS``: a cached token is renewed this long before it expires, so a
  request never leaves with a token that dies in flight. For very short-lived tokens the leeway is
  capped at half the lifetime, or every request would fetch a new token.
- Token stores (``_token_store``): the lock a process holds while it renews a token for the
  others lasts the token request's whole timeout (connect + write + read + pool: each phase that
  has none counts as ``DEFAULT_TIMEOUT_SECONDS``) plus ``STORE_LOCK_TTL_MARGIN_SECONDS`` for the
  work after the answer; the holder extends it before each retry and before ``on_token``. A
  Redis lock waiter tries again every ``STORE_LOCK_POLL_SECONDS`` (a renewal on a nearby server
  takes tens of milliseconds). A record lives as long as its token, but at least
  ``STORE_RECORD_MIN_SECONDS`` (the processes waiting for a successor must still find it), and
  ``STORE_RECORD_SECONDS_WITHOUT_EXPIRY`` when the server gave no ``expires_in``.
- ``JWKS_REFETCH_INTERVAL_SECONDS``: an unknown ``kid`` triggers at most one JWKS fetch per
  interval, so tokens with forged key ids cannot flood the server.
"""

from __future__ import annotations

DEFAULT_BASE_URL = "https://api.telnyx.com"
API_KEY_ENV_VAR = "TELNYX_API_KEY"

DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY_SECONDS = 0.5
MAX_RETRY_DELAY_SECONDS = 8.0
RETRY_JITTER_FRACTION = 0.25
MAX_SERVER_RETRY_DELAY_SECONDS = 60.0
# An x-ratelimit-reset above this is read as a Unix timestamp rather than a number of seconds.
RATELIMIT_RESET_EPOCH_THRESHOLD_SECONDS = 1_000_000_000.0

DEFAULT_TIMEOUT_SECONDS = 30.0
DEFAULT_CONNECT_TIMEOUT_SECONDS = 5.0
# httpx's default pool size, per httpx client; the sync one keeps them all idle (see _client).
MAX_CONNECTIONS = 100
# httpx's default idle connections kept by an async pool (see _client).
ASYNC_KEEPALIVE_CONNECTIONS = 20

TOKEN_REFRESH_LEEWAY_SECONDS = 30.0
JWKS_REFETCH_INTERVAL_SECONDS = 300.0
# A JWKS fetch ends after this long in all, however steadily the bytes trickle in, and reads at
# most this much: a real key set is a few kilobytes.
JWKS_FETCH_DEADLINE_SECONDS = 10.0
JWKS_MAX_BYTES = 1_048_576

STORE_LOCK_TTL_MARGIN_SECONDS = 0.5
STORE_LOCK_POLL_SECONDS = 0.01
STORE_RECORD_MIN_SECONDS = 60.0
STORE_RECORD_SECONDS_WITHOUT_EXPIRY = 3600.0
JWT_CLOCK_LEEWAY_SECONDS = 60
DEFAULT_JWT_ALGORITHMS = ("RS256",)
# Spent refresh tokens remembered so a late concurrent refresh reuses the successor token.
ROTATED_REFRESH_TOKENS_REMEMBERED = 256
PKCE_VERIFIER_BYTES = 48  # 64 URL-safe characters, inside RFC 7636's 43..128
STATE_BYTES = 32
