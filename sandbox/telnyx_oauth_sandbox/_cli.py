"""``telnyx-oauth-sandbox``: serve the sandbox until interrupted."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence

import uvicorn
from uvicorn.config import LOG_LEVELS

from ._app import create_app
from ._constants import (
    DEFAULT_RATE_LIMIT_REQUESTS,
    DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
    KEY_GRACE_PERIOD_SECONDS,
    MAX_KEY_GRACE_PERIOD_SECONDS,
    MAX_RATE_LIMIT_REQUESTS,
    MAX_RATE_LIMIT_WINDOW_SECONDS,
)
from ._server import base_url_of, listen_socket, new_api_key, uvicorn_config


def _bounded(kind: Callable[[str], float], low: float, high: float) -> Callable[[str], float]:
    """An argparse type: ``kind`` of the text, from ``low`` to ``high``; else a usage error."""

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low:g} to {high:g}")
        return value

    return parse


class _DefaultsHelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Every option's help ends with its default; one whose default depends on something else
    (the API key, the issuer) says so in its own words instead of "(default: None)"."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default is None:
            return action.help
        return super()._get_help_string(action)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="telnyx-oauth-sandbox",
        description="A local, stateful stand-in for the Telnyx OAuth API.",
        formatter_class=_DefaultsHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument(
        "--port",
        type=_bounded(int, 0, 65535),
        default=8765,
        help="port to listen on; 0 picks a free one (the address printed is the real one)",
    )
    parser.add_argument(
        "--api-key",
        default=None,
        help="API key clients must send (default: $TELNYX_API_KEY, else one generated and "
        "printed once)",
    )
    parser.add_argument(
        "--issuer",
        default=None,
        help="base URL clients use, the tokens' iss (default: http://HOST:PORT as bound)",
    )
    parser.add_argument(
        "--rate-limit",
        type=_bounded(int, 0, MAX_RATE_LIMIT_REQUESTS),
        default=DEFAULT_RATE_LIMIT_REQUESTS,
        help="requests per identity per window; 0 turns rate limiting off",
    )
    parser.add_argument(
        "--rate-limit-window",
        type=_bounded(int, 1, MAX_RATE_LIMIT_WINDOW_SECONDS),
        default=DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
        help="rate-limit window, in seconds",
    )
    parser.add_argument(
        "--key-grace-period",
        type=_bounded(float, 0, MAX_KEY_GRACE_PERIOD_SECONDS),
        default=KEY_GRACE_PERIOD_SECONDS,
        help="seconds a retired signing key stays in the JWKS",
    )
    parser.add_argument(
        "--log-level",
        default="info",
        choices=list(LOG_LEVELS),
        type=str.lower,
        help="log level of the sandbox and uvicorn",
    )
    return parser


def resolve_api_key(explicit: str | None, environ: Mapping[str, str]) -> tuple[str, bool]:
    """``--api-key``, else ``TELNYX_API_KEY``, else a new key; and whether it was generated."""
    given = explicit or environ.get("TELNYX_API_KEY")
    if given:
        return given, False
    return new_api_key(), True


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    api_key, generated = resolve_api_key(args.api_key, os.environ)
    try:
        sock = listen_socket(args.host, args.port)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        parser.exit(1, f"{parser.prog}: cannot listen on {args.host}:{args.port}: {reason}\n")
    listening = base_url_of(sock)
    issuer = args.issuer or listening
    app = create_app(
        api_key=api_key,
        issuer=issuer,
        rate_limit=args.rate_limit or None,
        rate_limit_window_seconds=args.rate_limit_window,
        key_grace_period_seconds=args.key_grace_period,
    )
    print(f"Telnyx OAuth sandbox at {issuer}", flush=True)
    if issuer != listening:
        print(f"Listening on {listening}", flush=True)
    if generated:
        # Printed once, on purpose: the person who started the sandbox needs it to call it.
        print(f"API key (generated): {api_key}", flush=True)
    logging.basicConfig(level=LOG_LEVELS[args.log_level], format="%(levelname)s:     %(message)s")
    with sock:
        uvicorn.Server(uvicorn_config(app, args.log_level)).run(sockets=[sock])
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
