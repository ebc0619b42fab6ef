"""OAuth client authentication at the token and introspection endpoints (RFC 6749 section 2.3).

Why ``client_secret_basic`` form-urlencodes first: docs/design.md, "Client authentication".
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from typing import Literal, get_args
from urllib.parse import quote_plus

from ._errors import ConfigurationError

__all__ = ["ClientAuthMethod"]

ClientAuthMethod = Literal["client_secret_basic", "client_secret_post", "none"]
CLIENT_AUTH_METHODS: tuple[ClientAuthMethod, ...] = get_args(ClientAuthMethod)


def form_urlencode(value: str) -> str:
    """``application/x-www-form-urlencoded`` encoding of one value (RFC 6749 Appendix B)."""
    # The WHATWG serializer keeps only ALPHA / DIGIT / "*-._" and writes space as "+";
    # quote_plus also keeps "~", so encode it by hand.
    return quote_plus(value, safe="*").replace("~", "%7E")


def client_secret_basic_header(client_id: str, client_secret: str) -> str:
    """The ``Authorization`` header value for ``client_secret_basic``."""
    raw = f"{form_urlencode(client_id)}:{form_urlencode(client_secret)}"
    return "Basic " + base64.b64encode(raw.encode("ascii")).decode("ascii")


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
