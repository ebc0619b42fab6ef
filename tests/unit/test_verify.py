"""verify_access_token and JWKSCache: signature, claims, algorithms, and sparing refetches."""

from __future__ import annotations

import base64
import json
import sys
from typing import Any

import httpx
import pytest
from joserfc import jws, jwt
from joserfc.jwk import OctKey, RSAKey

import telnyx_oauth
from tests.unit._support import (
    Recorder,
    connect_anonymous,
    default_recursion_limit,
    json_response,
    nested_json,
)

NOW = 1_700_000_000
ISSUER = "https://api.test"
AUDIENCE = "https://api.test/v2"
JWKS_PATH = "/v2/oauth/jwks"


@pytest.fixture(scope="module")
def key() -> RSAKey:
    """The signing key the mock server publishes as kid k1."""
    return RSAKey.generate_key(2048, parameters={"kid": "k1"})


@pytest.fixture(scope="module")
def other_key() -> RSAKey:
    """A second key, kid k2."""
    return RSAKey.generate_key(2048, parameters={"kid": "k2"})


def _claims(**overrides: Any) -> dict[str, Any]:
    claims = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": NOW - 10,
        "exp": NOW + 900,
        "client_id": "c",
        "scope": "admin",
        "sub": "u",
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _sign(key: RSAKey, kid: str | None = "k1", **overrides: Any) -> str:
    header = {"alg": "RS256"} if kid is None else {"alg": "RS256", "kid": kid}
    return jwt.encode(header, _claims(**overrides), key)


class JWKSServer:
    """Serves whichever keys are current; can be made to fail."""

    def __init__(self, *keys: RSAKey) -> None:
        self.keys = list(keys)
        self.fail = False
        self.recorder = Recorder(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        if self.fail:
            return httpx.Response(500, text="down")
        return json_response(200, {"keys": [k.as_dict(private=False) for k in self.keys]})

    @property
    def fetches(self) -> int:
        return self.recorder.count(JWKS_PATH)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _cache(server: JWKSServer, clock: Clock | None = None) -> telnyx_oauth.JWKSCache:
    return telnyx_oauth.JWKSCache(
        connect_anonymous(server.recorder, max_retries=0),
        refetch_interval_seconds=300,
        clock=clock or Clock(),
    )


def _verify(token: str, jwks: telnyx_oauth.JWKSCache, **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("issuer", ISSUER)
    kwargs.setdefault("audience", AUDIENCE)
    return telnyx_oauth.verify_access_token(token, jwks=jwks, now=NOW, **kwargs)


def test_valid_token(key: RSAKey) -> None:
    """A well-signed, current token returns its claims after one JWKS fetch."""
    server = JWKSServer(key)
    claims = _verify(_sign(key), _cache(server))
    assert claims["client_id"] == "c"
    assert server.fetches == 1


def test_keys_are_cached(key: RSAKey) -> None:
    """Further verifications use the cached keys."""
    server = JWKSServer(key)
    jwks = _cache(server)
    for _ in range(3):
        _verify(_sign(key), jwks)
    assert server.fetches == 1


async def test_valid_token_async(key: RSAKey) -> None:
    """averify_access_token verifies with an async JWKS fetch."""
    server = JWKSServer(key)
    claims = await telnyx_oauth.averify_access_token(
        _sign(key), jwks=_cache(server), issuer=ISSUER, audience=AUDIENCE, now=NOW
    )
    assert claims["scope"] == "admin"
    assert server.fetches == 1


def test_issuer_and_audience_optional(key: RSAKey) -> None:
    """Without issuer/audience arguments those claims are not checked."""
    server = JWKSServer(key)
    claims = telnyx_oauth.verify_access_token(
        _sign(key, iss="other", aud="other"), jwks=_cache(server), now=NOW
    )
    assert claims["iss"] == "other"


def test_audience_list_accepted(key: RSAKey) -> None:
    """audience may list several accepted values; a token aud array matching one passes."""
    server = JWKSServer(key)
    token = _sign(key, aud=["x", AUDIENCE])
    assert _verify(token, _cache(server), audience=["y", AUDIENCE])["aud"] == ["x", AUDIENCE]


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"exp": NOW - 61}, "expired"),
        ({"iat": NOW + 61}, "invalid_claim"),
        ({"iss": "https://evil.test"}, "invalid_claim"),
        ({"aud": "https://other.test"}, "invalid_claim"),
        ({"exp": None}, "missing_claim"),
        ({"iat": None}, "missing_claim"),
        ({"aud": None}, "missing_claim"),
    ],
)
def test_claim_failures(key: RSAKey, overrides: dict[str, Any], reason: str) -> None:
    """exp, iat, iss and aud are enforced; each failure has its reason."""
    server = JWKSServer(key)
    with pytest.raises(telnyx_oauth.TokenVerificationError) as caught:
        _verify(_sign(key, **overrides), _cache(server))
    assert caught.value.reason == reason


def test_leeway_tolerates_small_skew(key: RSAKey) -> None:
    """A token expired 30 s ago passes with the default 60 s leeway, fails with 0."""
    server = JWKSServer(key)
    jwks = _cache(server)
    token = _sign(key, exp=NOW - 30)
    assert _verify(token, jwks)["exp"] == NOW - 30
    with pytest.raises(telnyx_oauth.TokenVerificationError):
        _verify(token, jwks, leeway_seconds=0)


def test_bad_signature(key: RSAKey, other_key: RSAKey) -> None:
    """A token signed by another key under the known kid fails on the signature."""
    server = JWKSServer(key)
    with pytest.raises(telnyx_oauth.TokenVerificationError) as caught:
        _verify(_sign(other_key, kid="k1"), _cache(server))
    assert caught.value.reason == "signature"


def _forge(header: dict[str, Any], claims: dict[str, Any], signature: bytes = b"sig") -> str:
    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    return ".".join(
        [part(json.dumps(header).encode()), part(json.dumps(claims).encode()), part(signature)]
    )


def test_alg_none_rejected(key: RSAKey) -> None:
    """alg=none is not on the allow-list; no JWKS fetch is made for it."""
    server = JWKSServer(key)
    token = _forge({"alg": "none", "kid": "k1"}, _claims())
    with pytest.raises(telnyx_oauth.TokenVerificationError) as caught:
        _verify(token, _cache(server))
    assert caught.value.reason == "algorithm"
    assert server.fetches == 0


def test_hs256_rejected(key: RSAKey) -> None:
    """An HMAC token (the key-confusion attack) is rejected by the allow-list."""
    server = JWKSServer(key)
    token = jwt.encode({"alg": "HS256", "kid": "k1"}, _claims(), OctKey.generate_key(256))
    with pytest.raises(telnyx_oauth.TokenVerificationError) as caught:
        _verify(token, _cache(server))
    assert caught.value.reason == "algorithm"


@pytest.mark.parametrize("token", ["", "abc", "a.b", "!!.!!.!!", "e30.e30.", "WzFd.e30.c2ln"])
def test_malformed_tokens(key: RSAKey, token: str) -> None:
    """Tokens that are not compact JWS with an object header are malformed."""
    with pytest.raises(telnyx_oauth.TokenVerificationError) as caught:
        _verify(token, _cache(JWKSServer(key)))
    assert caught.value.reason in {"malformed", "algorithm"}


def test_a_deeply_nested_header_is_malformed(key: RSAKey) -> None:
    """A header nested deeper than the JSON parser's recursion limit (anyone can send one) is a
    malformed token, not a RecursionError, and costs no JWKS fetch."""
    server = JWKSServer(key)
    header = base64.urlsafe_b64encode(nested_json()).rstrip(b"=").decode()
    with (
        default_recursion_limit(),
        pytest.raises(telnyx_oauth.TokenVerificationError, match="header is not JSON") as caught,
    ):
        _verify(f"{header}.e30.c2ln", _cache(server))
    assert caught.value.reason == "malformed"
    assert server.fetches == 0


def test_a_deeply_nested_payload_is_malformed(key: RSAKey) -> None:
    """A correctly signed token whose payload nests too deep is malformed too."""
    token = jws.serialize_compact({"alg": "RS256", "kid": "k1"}, nested_json(), key)
    with (
        default_recursion_limit(),
        pytest.raises(telnyx_oauth.TokenVerificationError, match=r"\(RecursionError\)") as caught,
    ):
        _verify(token, _cache(JWKSServer(key)))
    assert caught.value.reason == "malformed"


def test_unknown_kid_refetches_at_most_once_per_interval(key: RSAKey, other_key: RSAKey) -> None:
    """Forged kids cause one refetch per interval, however many tokens arrive."""
    server = JWKSServer(key)
    clock = Clock()
    jwks = _cache(server, clock)
    _verify(_sign(key), jwks)
    clock.now = 301
    for _ in range(5):
        with pytest.raises(telnyx_oauth.TokenVerificationError) as caught:
            _verify(_sign(other_key, kid="forged"), jwks)
        assert caught.value.reason == "unknown_kid"
    assert server.fetches == 2
    clock.now = 602
    with pytest.raises(telnyx_oauth.TokenVerificationError):
        _verify(_sign(other_key, kid="forged"), jwks)
    assert server.fetches == 3


def test_key_rotated_in_right_after_the_first_fetch_is_found(
    key: RSAKey, other_key: RSAKey
) -> None:
    """The first fetch does not start the refetch interval: a new kid is fetched at once."""
    server = JWKSServer(key)
    jwks = _cache(server)
    _verify(_sign(key), jwks)
    server.keys.append(other_key)
    assert _verify(_sign(other_key, kid="k2"), jwks)["client_id"] == "c"
    assert server.fetches == 2


def test_no_second_refetch_within_interval(key: RSAKey, other_key: RSAKey) -> None:
    """After one unknown-kid refetch, another unknown kid within the interval does not refetch."""
    server = JWKSServer(key)
    jwks = _cache(server)
    _verify(_sign(key), jwks)
    for kid in ("k2", "k3"):
        with pytest.raises(telnyx_oauth.TokenVerificationError):
            _verify(_sign(other_key, kid=kid), jwks)
    assert server.fetches == 2


def test_rotated_key_found_by_refetch(key: RSAKey, other_key: RSAKey) -> None:
    """A new kid published after the first fetch is picked up by the refetch."""
    server = JWKSServer(key)
    clock = Clock()
    jwks = _cache(server, clock)
    _verify(_sign(key), jwks)
    server.keys.append(other_key)
    clock.now = 301
    assert _verify(_sign(other_key, kid="k2"), jwks)["client_id"] == "c"
    assert server.fetches == 2


def test_failed_refetch_keeps_cached_keys(key: RSAKey, other_key: RSAKey) -> None:
    """When the refetch fails, the unknown kid is rejected and known keys still verify."""
    server = JWKSServer(key)
    clock = Clock()
    jwks = _cache(server, clock)
    _verify(_sign(key), jwks)
    server.fail = True
    clock.now = 301
    with pytest.raises(telnyx_oauth.TokenVerificationError) as caught:
        _verify(_sign(other_key, kid="k2"), jwks)
    assert isinstance(caught.value.__cause__, telnyx_oauth.InternalServerError)
    assert _verify(_sign(key), jwks)["client_id"] == "c"
    assert server.fetches == 2
    assert len(jwks.keys) == 1


async def test_async_unknown_kid_rules(key: RSAKey, other_key: RSAKey) -> None:
    """Async: same refetch rule, one refetch per interval."""
    server = JWKSServer(key)
    clock = Clock()
    jwks = _cache(server, clock)
    await telnyx_oauth.averify_access_token(_sign(key), jwks=jwks, now=NOW)
    clock.now = 301
    for _ in range(3):
        with pytest.raises(telnyx_oauth.TokenVerificationError):
            await telnyx_oauth.averify_access_token(_sign(other_key, kid="x"), jwks=jwks, now=NOW)
    assert server.fetches == 2


def test_first_fetch_failure_raises_api_error(key: RSAKey) -> None:
    """With nothing cached, a failing JWKS endpoint raises the API error (an outage)."""
    server = JWKSServer(key)
    server.fail = True
    with pytest.raises(telnyx_oauth.InternalServerError):
        _verify(_sign(key), _cache(server))


def test_token_without_kid_uses_single_key(key: RSAKey) -> None:
    """A token without kid verifies when the JWKS holds exactly one key."""
    server = JWKSServer(key)
    assert _verify(_sign(key, kid=None), _cache(server))["sub"] == "u"


def test_invalid_jwks_document(key: RSAKey) -> None:
    """A JWKS response that is not a key set raises APIResponseValidationError."""
    recorder = Recorder(lambda r: httpx.Response(200, text="not json"))
    jwks = telnyx_oauth.JWKSCache(connect_anonymous(recorder))
    with pytest.raises(telnyx_oauth.APIResponseValidationError):
        _verify(_sign(key), jwks)


def test_error_message_never_contains_token(key: RSAKey) -> None:
    """Verification errors describe the problem without quoting the token."""
    server = JWKSServer(key)
    token = _sign(key, exp=NOW - 1000)
    with pytest.raises(telnyx_oauth.TokenVerificationError) as caught:
        _verify(token, _cache(server))
    assert token not in str(caught.value)
    assert token.split(".")[2] not in repr(caught.value)


def test_cached_key_is_found_without_the_lock(key: RSAKey) -> None:
    """A known kid is served while another thread holds the refetch lock: verifications of
    tokens with cached keys never queue behind each other or behind a slow refetch."""
    import threading

    server = JWKSServer(key)
    jwks = _cache(server)
    _verify(_sign(key), jwks)
    results: list[dict[str, Any]] = []
    with jwks._lock:  # as if a refetch for an unknown kid were in flight
        thread = threading.Thread(target=lambda: results.append(_verify(_sign(key), jwks)))
        thread.start()
        thread.join(timeout=5)
        assert not thread.is_alive()
    assert results[0]["client_id"] == "c"
    assert server.fetches == 1


def test_without_the_verify_extra_the_error_names_it(
    key: RSAKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    """joserfc is the `verify` extra's: without it, verifying raises ConfigurationError with the
    pip line, not an ImportError from inside the call."""
    token = _sign(key)
    cache = _cache(JWKSServer(key))
    monkeypatch.setitem(sys.modules, "joserfc", None)
    with pytest.raises(telnyx_oauth.ConfigurationError) as caught:
        _verify(token, cache)
    assert str(caught.value) == (
        "local token verification needs joserfc, which is not installed: "
        "pip install 'telnyx-oauth[verify]'"
    )
