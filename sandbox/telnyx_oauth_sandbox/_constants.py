"""Tuning numbers of the sandbox, in one place, each named with its unit.

The real service does not publish token lifetimes, rotation rules or rate limits: these are the
sandbox's own choices, documented here and in the README. The ``MAX_*`` bounds exist so that no
number a caller sends (a test control, a query parameter) can push a computation out of range:
beyond them the answer is a 4xx naming the field, never a 500.
"""

from __future__ import annotations

ACCESS_TOKEN_LIFETIME_SECONDS = 3600
"""Lifetime of an access token (``expires_in`` of the token response)."""

REFRESH_TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600
"""Lifetime of a refresh token; every rotation issues a new one with a full lifetime."""

AUTHORIZATION_CODE_LIFETIME_SECONDS = 60
"""Lifetime of an authorization code (RFC 6749 4.1.2 recommends at most 10 minutes)."""

CONSENT_TOKEN_LIFETIME_SECONDS = 600
"""Lifetime of a consent token handed out by ``/v2/oauth/authorize``."""

MAX_PENDING_CONSENTS = 10_000
"""Most authorization requests that may wait for a consent decision at once; beyond it,
``/v2/oauth/authorize`` sends the browser back with ``temporarily_unavailable``. Anyone may start
one, so this bounds the memory they hold (each keeps its ``state``, at most one request line)."""

KEY_GRACE_PERIOD_SECONDS = ACCESS_TOKEN_LIFETIME_SECONDS
"""How long a retired signing key stays in the JWKS after a rotation.

Equal to the access-token lifetime, so every token signed before a rotation can still be verified
locally until it expires.
"""

MAX_KEY_GRACE_PERIOD_SECONDS = 366 * 24 * 3600
"""Longest grace period ``POST /_sandbox/keys/rotate`` and ``--key-grace-period`` accept."""

RSA_KEY_SIZE_BITS = 2048

DEFAULT_RATE_LIMIT_REQUESTS = 1_000_000
"""Requests allowed per identity (API key, client or address) per window, by default.

High on purpose: tests and benchmarks never meet it unless they lower it with
``POST /_sandbox/rate-limit``.
"""

DEFAULT_RATE_LIMIT_WINDOW_SECONDS = 60

MAX_RATE_LIMIT_REQUESTS = 10**9
"""Largest rate limit the control and the command line accept."""

MAX_RATE_LIMIT_WINDOW_SECONDS = 24 * 3600
"""Longest rate-limit window the control and the command line accept."""

MAX_BODY_BYTES = 64 * 1024
"""Largest request body accepted; larger ones get 413."""

MAX_JSON_DEPTH = 32
"""Deepest nesting of arrays and objects a JSON body may have (the spec's bodies need 3)."""

DEFAULT_PAGE_SIZE = 20
"""``page[size]`` when a list request gives none (the spec bounds it to 1..100)."""

MAX_SEED_COUNT = 100_000
"""Most clients one ``POST /_sandbox/seed/oauth_clients`` may create."""

MAX_FAULT_COUNT = 10**9
"""Most requests one fault may apply to."""

MAX_FAULT_DELAY_SECONDS = 60.0

MAX_RETRY_AFTER_SECONDS = 24 * 3600
"""Largest ``Retry-After`` a fault may announce."""

MAX_CLOCK_OFFSET_SECONDS = 100 * 366 * 24 * 3600
"""How far ``POST /_sandbox/clock/advance`` may move the clock ahead of real time, in all: about a
century, far inside what dates (year 9999) can express."""

CONSENT_PAGE_PATH = "/_sandbox/consent"
"""Where ``/v2/oauth/authorize`` sends the browser: ``{issuer}/_sandbox/consent?consent_token=``."""
