"""OAuth client authentication (RFC 6749 2.3.1) at the token and introspection endpoints.

A client authenticates with HTTP Basic (``client_secret_basic``: id and secret each
form-urlencoded, then base64), with ``client_id`` and ``client_secret`` in the body
(``client_secret_post``), or, public clients, with ``client_id`` alone (``none``). A client
created through ``/v2/oauth/register`` must use the method it registered.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote_plus

from ._errors import BASIC_REALM, OAuthError
from ._records import Client
from ._secrets import same_digest
from ._store import Store


@dataclass(frozen=True)
class ClientAuthentication:
    """Who a token or introspection caller says it is; the secret never appears in a repr."""

    client_id: str | None
    client_secret: str | None = field(repr=False)
    method: str  # "client_secret_basic" | "client_secret_post" | "none"
    basic_attempted: bool = False


def decode_basic(credentials: str) -> tuple[str, str] | None:
    """``(client_id, client_secret)`` of HTTP Basic credentials, each part form-urldecoded;
    None when they are not base64 of ``id:secret`` in UTF-8 with a non-empty id."""
    try:
        decoded = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    raw_id, colon, raw_secret = decoded.partition(":")
    if not colon or not raw_id:
        return None
    return unquote_plus(raw_id), unquote_plus(raw_secret)


def parse_client_authentication(
    authorization: str, params: Mapping[str, Any]
) -> ClientAuthentication:
    """What the request presents: Basic, else body credentials, else a bare ``client_id``.

    An ``Authorization: Bearer`` header (an API key, as the official SDK sends) is not client
    authentication and is ignored here.
    """
    body_id = params.get("client_id")
    body_secret = params.get("client_secret")
    scheme, _, encoded = authorization.partition(" ")
    if scheme.lower() != "basic":
        if body_secret is not None:
            return ClientAuthentication(body_id, body_secret, "client_secret_post")
        return ClientAuthentication(body_id, None, "none")
    basic = decode_basic(encoded)
    if basic is None:
        raise OAuthError(
            401,
            "invalid_client",
            "the Basic credentials are malformed",
            headers={"WWW-Authenticate": BASIC_REALM},
        )
    client_id, secret = basic
    if body_secret is not None:
        raise OAuthError(400, "invalid_request", "use one client authentication method, not two")
    if body_id is not None and body_id != client_id:
        raise OAuthError(400, "invalid_request", "client_id does not match the Basic credentials")
    if secret == "":
        return ClientAuthentication(client_id, None, "none", basic_attempted=True)
    return ClientAuthentication(client_id, secret, "client_secret_basic", basic_attempted=True)


def _invalid_client(description: str, presented: ClientAuthentication) -> OAuthError:
    headers = {"WWW-Authenticate": BASIC_REALM} if presented.basic_attempted else {}
    return OAuthError(401, "invalid_client", description, headers=headers)


def authenticate_client(store: Store, presented: ClientAuthentication) -> Client:
    """The client that ``presented`` proves, as it was registered; else 401 invalid_client."""
    if not presented.client_id:
        raise _invalid_client("client authentication is required", presented)
    client = store.find_client(presented.client_id)
    if client is None:
        raise _invalid_client("unknown client", presented)
    if client.client_type == "public" or client.secret_digest is None:
        if presented.client_secret is not None or presented.method != "none":
            raise _invalid_client("public clients do not authenticate with a secret", presented)
        return client
    if presented.client_secret is None:
        raise _invalid_client("confidential clients must authenticate", presented)
    if presented.method not in client.auth_methods:
        methods = " or ".join(client.auth_methods)
        raise _invalid_client(f"this client is registered to use {methods}", presented)
    if not same_digest(presented.client_secret, client.secret_digest):
        raise _invalid_client("client authentication failed", presented)
    return client
