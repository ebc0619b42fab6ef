"""``telnyx-oauth-sandbox``: serve the sandbox until interrupted."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping, Sequence

import uvicorn

from ._app import create_app
from ._constants import (
    DEFAULT_RATE_LIMIT_REQUESTS,
    DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
    KEY_GRACE_PERIOD_SECONDS,
)
from ._server import new_api_key


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="telnyx-oauth-sandbox",
        description="A local, stateful stand-in for the Telnyx OAuth API.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8765, help="port to listen on")
    parser.add_argument(
        "--api-key",
        help="API key clients must send; default $TELNYX_API_KEY, else a generated one",
    )
    parser.add_argument(
        "--issuer", help="base URL clients use (default http://HOST:PORT); the tokens' iss"
    )
    parser.add_argument(
        "--rate-limit",
        type=int,
        default=DEFAULT_RATE_LIMIT_REQUESTS,
        help="requests per identity per window; 0 turns rate limiting off",
    )
    parser.add_argument(
        "--rate-limit-window",
        type=int,
        default=DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
        help="rate-limit window, in seconds",
    )
    parser.add_argument(
        "--key-grace-period",
        type=float,
        default=KEY_GRACE_PERIOD_SECONDS,
        help="seconds a retired signing key stays in the JWKS",
    )
    parser.add_argument("--log-level", default="info", help="uvicorn log level")
    return parser


def resolve_api_key(explicit: str | None, environ: Mapping[str, str]) -> tuple[str, bool]:
    """``--api-key``, else ``TELNYX_API_KEY``, else a new key; and whether it was generated."""
    given = explicit or environ.get("TELNYX_API_KEY")
    if given:
        return given, False
    return new_api_key(), True


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    api_key, generated = resolve_api_key(args.api_key, os.environ)
    host = args.host
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "") else host  # noqa: S104
    shown_host = f"[{shown_host}]" if ":" in shown_host else shown_host
    issuer = args.issuer or f"http://{shown_host}:{args.port}"
    app = create_app(
        api_key=api_key,
        issuer=issuer,
        rate_limit=args.rate_limit or None,
        rate_limit_window_seconds=args.rate_limit_window,
        key_grace_period_seconds=args.key_grace_period,
    )
    print(f"Telnyx OAuth sandbox at {issuer}", flush=True)
    if generated:
        # Printed once, on purpose: the person who started the sandbox needs it to call it.
        print(f"API key (generated): {api_key}", flush=True)
    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s:     %(message)s")
    # uvicorn's access log prints query strings and paths that carry consent tokens; the
    # sandbox logs each answer itself, by operation (telnyx_oauth_sandbox.access).
    uvicorn.run(
        app,
        host=host,
        port=args.port,
        log_level=args.log_level,
        access_log=False,
        lifespan="off",
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
