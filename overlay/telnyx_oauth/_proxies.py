"""The proxy mounts httpx would build from the environment, for the transports built here (httpx
reads ``*_PROXY`` only for its own; docs/design.md, connect)."""

from __future__ import annotations

import ipaddress
import urllib.request
from collections.abc import Callable
from typing import TypeVar

import httpx

__all__: list[str] = []  # the overlay's own plumbing; nothing here is public

_T = TypeVar("_T")


def proxy_mounts(build: Callable[[httpx.Proxy], _T]) -> dict[str, _T | None]:
    """``mounts=`` for an httpx client: ``build(proxy)`` per proxied scheme, ``None`` (no proxy)
    per ``NO_PROXY`` entry, which wins as the more specific pattern; empty without a proxy."""
    env = urllib.request.getproxies()
    mounts: dict[str, _T | None] = {}
    for scheme in ("http", "https", "all"):
        url = env.get(scheme)
        if url:
            mounts[f"{scheme}://"] = build(httpx.Proxy(url if "://" in url else f"http://{url}"))
    if not mounts:
        return mounts
    for entry in env.get("no", "").split(","):
        host = entry.strip()
        if host == "*":
            return {}
        if host:
            mounts[_no_proxy_pattern(host)] = None
    return mounts


def _no_proxy_pattern(host: str) -> str:
    """The mount pattern for one ``NO_PROXY`` entry: a URL as given, an IP address exactly,
    ``localhost`` exactly, any other name with its subdomains."""
    if "://" in host:
        return host
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "all://localhost" if host == "localhost" else f"all://*{host}"
    return f"all://[{host}]" if address.version == 6 else f"all://{host}"
