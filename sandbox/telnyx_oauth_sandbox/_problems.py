"""What is wrong with a request (``Problem``), and the answer a list of them becomes.

The spec says what a valid request is; these functions say how an operation refuses an invalid
one, as the Telnyx API does: management and consent answer 422, the OAuth endpoints 400 with an
RFC 6749 error code, registration 400 with RFC 7591's ``invalid_fields``, and the authorization
endpoint an HTML page (its caller is a browser, and the redirect URI is not trusted yet).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ._errors import HTMLError, HTTPError, OAuthError


@dataclass(frozen=True)
class Problem:
    """What is wrong with one part of a request: ``field`` (a name or path) and ``message``.

    ``keyword`` is the JSON Schema keyword that failed (``enum``, ``required``...), when the
    problem came from the spec.
    """

    field: str
    message: str
    keyword: str = ""

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


ProblemAnswer = Callable[[Sequence[Problem]], HTTPError]
"""How one operation refuses a request with these problems."""


def _joined(problems: Sequence[Problem]) -> str:
    return "; ".join(str(p) for p in problems)


def no_such_resource(problems: Sequence[Problem]) -> HTTPError:
    """A path parameter the spec refuses (a grant id that is no UUID): the URL names nothing,
    so 404 ``not_found``, as for an id that names no resource."""
    return OAuthError(404, "not_found", _joined(problems))


def unprocessable(problems: Sequence[Problem]) -> HTTPError:
    """Management and consent operations: 422 ``invalid_request``."""
    return OAuthError(422, "invalid_request", _joined(problems))


def bad_oauth_request(problems: Sequence[Problem]) -> HTTPError:
    """The introspection endpoint: 400 ``invalid_request``."""
    return OAuthError(400, "invalid_request", _joined(problems))


def bad_token_request(problems: Sequence[Problem]) -> HTTPError:
    """The token endpoint: 400, ``unsupported_grant_type`` for a string that names no grant type
    it knows, ``invalid_request`` for anything else."""
    on_grant_type = [p.keyword for p in problems if p.field == "grant_type"]
    if on_grant_type and all(keyword == "enum" for keyword in on_grant_type):
        return OAuthError(400, "unsupported_grant_type", "grant_type: is not supported")
    return bad_oauth_request(problems)


def bad_registration(problems: Sequence[Problem]) -> HTTPError:
    """Registration (RFC 7591 3.2.2): 400 with ``invalid_fields`` naming each field.

    Problems with the redirect URIs alone are ``invalid_redirect_uri``; others
    ``invalid_client_metadata``.
    """
    only_redirects = all(p.field.startswith("redirect_uris") for p in problems)
    error = "invalid_redirect_uri" if problems and only_redirects else "invalid_client_metadata"
    fields: dict[str, list[str]] = {}
    for problem in problems:
        top = problem.field.split("[")[0].split(".")[0]
        detail = problem.field[len(top) :].lstrip(".")
        fields.setdefault(top or "body", []).append(
            f"{detail} {problem.message}".strip() if detail else problem.message
        )
    return OAuthError(400, error, _joined(problems), invalid_fields=fields)


def bad_authorization_request(problems: Sequence[Problem]) -> HTTPError:
    """The authorization endpoint: an HTML 400 page."""
    return HTMLError(400, _joined(problems))
