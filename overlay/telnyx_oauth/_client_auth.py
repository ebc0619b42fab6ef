"""How a client authenticates: the API key (``ApiKeyAuth``), and OAuth client authentication at
the token and introspection endpoints (RFC 6749 section 2.3; docs/design.md)."""

from __future__ import annotations

import base64
from collections.abc import Generator, Iterable
from typing import Literal, get_args
from urllib.parse import quote_plus

import httpx

from ._errors import ConfigurationError

__all__ = ["ApiKeyAuth", "ClientAuthMethod", "ClientSecretBasic"]

ClientAuthMethod = Literal["client_secret_basic", "client_secret_post", "none"]
CLIENT_AUTH_METHODS: tuple[ClientAuthMethod, ...] = get_args(ClientAuthMethod)


def client_secret_basic_header(client_id: str, client_secret: str) -> str:
    """The ``Authorization`` value for ``client_secret_basic``, each part form-urlencoded first."""
    # As the WHATWG form serializer (RFC 6749 Appendix B): only ALPHA / DIGIT / "*-._" kept, space
    # written "+"; quote_plus also keeps "~", so that is encoded by hand.
    parts = [quote_plus(part, safe="*").replace("~", "%7E") for part in (client_id, client_secret)]
    return "Basic " + base64.b64encode(":".join(parts).encode("ascii")).decode("ascii")


def resolve_client_auth_method(
    method: ClientAuthMethod | None, client_secret: str | None
) -> ClientAuthMethod:
    """Check the method against the secret; default to basic with a secret, else none."""
    if method is None:
        return "client_secret_basic" if client_secret else "none"
    if method not in CLIENT_AUTH_METHODS:
        raise ConfigurationError(
            f"unknown client authentication method {method!r}; "
            f"expected one of {', '.join(CLIENT_AUTH_METHODS)}"
        )
    if method == "none" and client_secret:
        raise ConfigurationError("client authentication 'none' does not take a client_secret")
    if method != "none" and not client_secret:
        raise ConfigurationError(f"client authentication {method!r} needs a client_secret")
    return method


def apply_client_auth(
    method: ClientAuthMethod,
    client_id: str,
    client_secret: str | None,
    form: dict[str, str],
    headers: dict[str, str],
) -> None:
    """Add the client's credentials to a token-endpoint form and headers, in place."""
    if method == "none":
        form["client_id"] = client_id
    elif not client_secret:
        raise ConfigurationError(f"client authentication {method!r} needs a client_secret")
    elif method == "client_secret_basic":
        headers["Authorization"] = client_secret_basic_header(client_id, client_secret)
    else:
        form.update(client_id=client_id, client_secret=client_secret)


def join_scope(scope: str | Iterable[str] | None) -> str | None:
    """A space-separated scope string from a string or an iterable of scopes."""
    return scope if scope is None or isinstance(scope, str) else " ".join(scope)


class _HeaderAuth(httpx.Auth):
    _header: str

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request


class ApiKeyAuth(_HeaderAuth):
    """Sends ``Authorization: Bearer <api_key>``; the key never shows in ``repr()``."""

    def __init__(self, api_key: str) -> None:
        if not api_key or not api_key.strip():
            raise ConfigurationError("api_key is empty")
        self._header = f"Bearer {api_key.strip()}"

    def __repr__(self) -> str:
        return "ApiKeyAuth(api_key='***')"


class ClientSecretBasic(_HeaderAuth):
    """OAuth client authentication ``client_secret_basic`` (RFC 6749 section 2.3.1), for
    introspection; the secret stays out of ``repr()``."""

    def __init__(self, client_id: str, client_secret: str) -> None:
        if not client_id:
            raise ConfigurationError("client_id is empty")
        if not client_secret:
            raise ConfigurationError("client_secret is empty")
        self.client_id = client_id
        self._header = client_secret_basic_header(client_id, client_secret)

    def __repr__(self) -> str:
        return f"ClientSecretBasic(client_id={self.client_id!r}, client_secret='***')"
