"""Local access-token verification against the sandbox's JWKS, across signing-key rotations."""

from __future__ import annotations

import base64
import json

import pytest

from telnyx_oauth import (
    JWKSCache,
    Token,
    TokenVerificationError,
    averify_access_token,
    verify_access_token,
)
from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_sandbox import SandboxControls, SandboxServer
from tests.e2e._flows import acreate_client, alogin, create_client, flow_for, login

JWKS = "/v2/oauth/jwks"


class FakeMonotonic:
    """A monotonic clock the test moves by hand (the JWKS refetch interval)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _token(api: AuthenticatedClient, anon: Client) -> Token:
    return login(api, anon, flow_for(anon, create_client(api)))[1]


def _kid(token: str) -> str:
    header = token.split(".", maxsplit=1)[0]
    kid: str = json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))["kid"]
    return kid


def _with_kid(token: str, kid: str) -> str:
    """The same token with another ``kid`` in its header (its signature then no longer fits)."""
    header, payload, signature = token.split(".")
    fields = json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4)))
    fields["kid"] = kid
    forged = base64.urlsafe_b64encode(json.dumps(fields).encode()).rstrip(b"=").decode()
    return f"{forged}.{payload}.{signature}"


def test_claims_verified(api: AuthenticatedClient, anon: Client, sandbox: SandboxServer) -> None:
    """A fresh access token verifies with issuer and audience, and carries the client's claims."""
    token = _token(api, anon)
    claims = verify_access_token(
        token.access_token,
        jwks=JWKSCache(anon),
        issuer=sandbox.base_url,
        audience=sandbox.base_url,
    )
    assert claims["scope"] == "numbers.read messaging.write"
    assert claims["client_id"]


def test_wrong_issuer_rejected(api: AuthenticatedClient, anon: Client) -> None:
    """A token checked against another issuer fails with ``invalid_claim``."""
    token = _token(api, anon)
    with pytest.raises(TokenVerificationError) as caught:
        verify_access_token(
            token.access_token, jwks=JWKSCache(anon), issuer="https://api.telnyx.com"
        )
    assert caught.value.reason == "invalid_claim"


def test_expired_token_rejected(
    api: AuthenticatedClient, anon: Client, controls: SandboxControls
) -> None:
    """Past ``exp`` (sandbox clock moved two hours on), verification fails with ``expired``."""
    token = _token(api, anon)
    later = controls.advance_clock(7200)
    with pytest.raises(TokenVerificationError) as caught:
        verify_access_token(token.access_token, jwks=JWKSCache(anon), now=later)
    assert caught.value.reason == "expired"


def test_tampered_signature_rejected(api: AuthenticatedClient, anon: Client) -> None:
    """A token whose payload was swapped for another's fails the signature check."""
    first, second = _token(api, anon), _token(api, anon)
    header, _, signature = first.access_token.split(".")
    tampered = f"{header}.{second.access_token.split('.')[1]}.{signature}"
    with pytest.raises(TokenVerificationError) as caught:
        verify_access_token(tampered, jwks=JWKSCache(anon))
    assert caught.value.reason == "signature"


def test_rotation_new_kid_refetched_once(
    api: AuthenticatedClient, anon: Client, controls: SandboxControls
) -> None:
    """A rotation right after the first fetch: the new key's token triggers one JWKS refetch at
    once (no interval to wait out), and the old key's token still verifies."""
    before = _token(api, anon)
    jwks = JWKSCache(anon, refetch_interval_seconds=300, clock=FakeMonotonic())
    verify_access_token(before.access_token, jwks=jwks)
    rotation = controls.rotate_keys()
    after = _token(api, anon)
    assert _kid(after.access_token) == rotation["kid"] != _kid(before.access_token)
    verify_access_token(after.access_token, jwks=jwks)
    verify_access_token(before.access_token, jwks=jwks)
    verify_access_token(after.access_token, jwks=jwks)
    assert controls.requests("GET", JWKS) == 2


def test_token_from_retired_key_verifies_with_fresh_cache(
    api: AuthenticatedClient, anon: Client, controls: SandboxControls
) -> None:
    """A token signed before a rotation verifies from a JWKS fetched after it (grace period)."""
    before = _token(api, anon)
    controls.rotate_keys()
    claims = verify_access_token(before.access_token, jwks=JWKSCache(anon))
    assert claims["jti"]


def test_unknown_kid_refetch_rate_limited(
    api: AuthenticatedClient, anon: Client, controls: SandboxControls
) -> None:
    """Forged kids cost one JWKS refetch per interval, however many tokens carry them."""
    token = _token(api, anon)
    clock = FakeMonotonic()
    jwks = JWKSCache(anon, refetch_interval_seconds=300, clock=clock)
    verify_access_token(token.access_token, jwks=jwks)
    clock.now += 301
    for index in range(5):
        with pytest.raises(TokenVerificationError) as caught:
            verify_access_token(_with_kid(token.access_token, f"forged-{index}"), jwks=jwks)
        assert caught.value.reason == "unknown_kid"
    assert controls.requests("GET", JWKS) == 2


def test_unknown_kid_within_interval_not_refetched(
    api: AuthenticatedClient, anon: Client, controls: SandboxControls
) -> None:
    """One unknown kid refetches; the next, inside the interval, is refused without asking."""
    token = _token(api, anon)
    jwks = JWKSCache(anon, refetch_interval_seconds=300, clock=FakeMonotonic())
    verify_access_token(token.access_token, jwks=jwks)
    for forged in ("forged-1", "forged-2"):
        with pytest.raises(TokenVerificationError):
            verify_access_token(_with_kid(token.access_token, forged), jwks=jwks)
    assert controls.requests("GET", JWKS) == 2


def test_failed_refetch_keeps_cached_keys(
    api: AuthenticatedClient, anon: Client, controls: SandboxControls
) -> None:
    """A JWKS outage during a refetch keeps the cached keys: known tokens still verify."""
    token = _token(api, anon)
    clock = FakeMonotonic()
    jwks = JWKSCache(anon, refetch_interval_seconds=300, clock=clock)
    verify_access_token(token.access_token, jwks=jwks)
    clock.now += 301
    controls.fault(method="GET", path=JWKS, count=3, status=503)
    with pytest.raises(TokenVerificationError):
        verify_access_token(_with_kid(token.access_token, "forged"), jwks=jwks)
    assert verify_access_token(token.access_token, jwks=jwks)["jti"]


async def test_async_verification_across_rotation(
    aapi: AuthenticatedClient, aanon: Client, controls: SandboxControls
) -> None:
    """``averify_access_token`` picks up a rotated key with one refetch."""
    client = await acreate_client(aapi)
    _, before = await alogin(aapi, aanon, flow_for(aanon, client))
    clock = FakeMonotonic()
    jwks = JWKSCache(aanon, refetch_interval_seconds=300, clock=clock)
    await averify_access_token(before.access_token, jwks=jwks)
    clock.now += 301
    controls.rotate_keys()
    _, after = await alogin(aapi, aanon, flow_for(aanon, client))
    await averify_access_token(after.access_token, jwks=jwks)
    assert controls.requests("GET", JWKS) == 2
