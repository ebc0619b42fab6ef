"""``telnyx-oauth-sandbox``: serve the sandbox until interrupted.

People read the first lines it prints; scripts pass ``--ready-file PATH`` (or ``-`` for standard
output) and read one JSON object, written once the sandbox accepts connections (``_ready``).
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
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
from ._ready import STDOUT, ReadyInfo, prose_stream, remove_ready_file, write_ready_file
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
        "--ready-file",
        default=None,
        metavar="PATH",
        help="once it accepts connections, write one JSON object (base_url, listening, port, "
        "pid, and api_key when generated) to PATH, removed on exit; '-' writes it as the only "
        "line on stdout, the rest going to stderr (default: none written)",
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


class _AnnouncingServer(uvicorn.Server):
    """uvicorn's server, writing the ready file once it accepts connections."""

    def __init__(self, config: uvicorn.Config, ready_file: str | None, info: ReadyInfo) -> None:
        super().__init__(config)
        self.ready_file = ready_file
        self.info = info
        self.announced = False

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if not self.started or self.ready_file is None:
            return
        try:
            write_ready_file(self.ready_file, self.info)
        except OSError as exc:
            print(
                f"telnyx-oauth-sandbox: cannot write the ready file {self.ready_file}: "
                f"{exc.strerror or exc}",
                file=sys.stderr,
                flush=True,
            )
            self.should_exit = True
            return
        self.announced = True
        if self.ready_file != STDOUT:
            # For the person watching: the file is there now (scripts may wait for this line).
            print(f"Ready file written: {self.ready_file}", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    api_key, generated = resolve_api_key(args.api_key, os.environ)
    ready_file: str | None = args.ready_file
    if ready_file not in (None, STDOUT):
        # A file left by an earlier run must not say "ready" before this one is.
        remove_ready_file(ready_file)
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
    prose = prose_stream(ready_file)
    print(f"Telnyx OAuth sandbox at {issuer}", file=prose, flush=True)
    if issuer != listening:
        print(f"Listening on {listening}", file=prose, flush=True)
    if generated and ready_file != STDOUT:
        # Printed once, on purpose: the person who started the sandbox needs it to call it.
        # With `--ready-file -` it is in the JSON line instead, never on stderr (often logged).
        print(f"API key (generated): {api_key}", file=prose, flush=True)
    logging.basicConfig(level=LOG_LEVELS[args.log_level], format="%(levelname)s:     %(message)s")
    info = ReadyInfo(
        base_url=issuer,
        listening=listening,
        port=sock.getsockname()[1],
        pid=os.getpid(),
        generated_api_key=api_key if generated else None,
    )
    server = _AnnouncingServer(uvicorn_config(app, args.log_level), ready_file, info)
    try:
        with sock:
            server.run(sockets=[sock])
    except KeyboardInterrupt:
        # uvicorn shuts down gracefully on SIGINT, then raises it again for the caller: the stop
        # was asked for and done, so it ends quietly, not with a traceback.
        pass
    finally:
        if server.announced and ready_file is not None:
            remove_ready_file(ready_file)
    return 0 if server.announced or ready_file is None else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
