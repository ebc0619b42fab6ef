"""The ASGI app: the 17 operations of ``openapi/telnyx-oauth.yaml``, checked against it."""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote_plus

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from ._clock import Clock
from ._constants import (
    DEFAULT_PAGE_SIZE,
    DEFAULT_RATE_LIMIT_REQUESTS,
    DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
    KEY_GRACE_PERIOD_SECONDS,
    MAX_BODY_BYTES,
    SCOPE_CATALOGUE,
)
from ._errors import (
    NO_STORE_HEADERS,
    ApiError,
    AuthorizeError,
    OAuthError,
    SandboxError,
)
from ._gateway import (
    RAW_SEND_SCOPE_KEY,
    Faults,
    Gateway,
    OperationMatcher,
    RateLimiter,
    Sleep,
    Stats,
)
from ._keys import KeyRing
from ._spec import Operation, Problem, Spec
from ._store import GRANT_TYPES, Client, ClientCredentials, Sandbox
from ._util import (
    add_query,
    is_code_challenge,
    is_scope_token,
    loads_json,
    redirect_uri_problem,
    split_scope,
)

BEARER_CHALLENGE = 'Bearer realm="telnyx-oauth-sandbox"'
_FORM = "application/x-www-form-urlencoded"
# Parameters of the token and introspection requests (the spec's TokenRequest and
# IntrospectRequest): each may appear once (RFC 6749 3.2); other parameters are ignored.
OAUTH_PARAMETERS = frozenset(
    {
        "grant_type",
        "client_id",
        "client_secret",
        "code",
        "code_verifier",
        "redirect_uri",
        "refresh_token",
        "scope",
        "token",
    }
)
_JSON = "application/json"


@dataclass
class Runtime:
    """Everything one app instance holds; reachable as ``app.state.runtime``."""

    api_key: str
    issuer: str
    clock: Clock
    keys: KeyRing
    sandbox: Sandbox
    spec: Spec
    stats: Stats
    limiter: RateLimiter
    faults: Faults
    default_rate_limit: int | None
    default_rate_limit_window_seconds: int
    max_body_bytes: int

    def __repr__(self) -> str:
        return f"Runtime(issuer={self.issuer!r})"

    def check_api_caller(self, request: Request) -> None:
        """Require the API key or a live access token the sandbox issued, as a bearer token.

        That is what the Telnyx API accepts: OAuth access tokens exist to call it. A token
        used here marks its grant's ``last_used_at``. The test controls take the key only.
        """
        _, _, credentials = request.headers.get("authorization", "").partition(" ")
        token = credentials.strip()
        if token and not self.is_api_key(token) and self.sandbox.use_access_token(token):
            return
        self.check_api_key(request)

    def check_api_key(self, request: Request) -> None:
        """Require ``Authorization: Bearer <API key>``; 401 ``invalid_token`` otherwise."""
        scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not credentials.strip():
            raise OAuthError(
                401,
                "invalid_token",
                "The API key is missing.",
                headers={"WWW-Authenticate": BEARER_CHALLENGE},
            )
        if not self.is_api_key(credentials.strip()):
            raise OAuthError(
                401,
                "invalid_token",
                "The API key is invalid.",
                headers={"WWW-Authenticate": BEARER_CHALLENGE + ', error="invalid_token"'},
            )

    def is_api_key(self, candidate: str) -> bool:
        return hmac.compare_digest(candidate.encode(), self.api_key.encode())

    def reset(self) -> None:
        self.sandbox.reset()
        self.clock.reset()
        self.keys.forget_retired()
        self.faults.clear()
        self.stats.clear()
        self.limiter.configure(
            limit=self.default_rate_limit, window_seconds=self.default_rate_limit_window_seconds
        )


class SandboxApp(Starlette):
    """Starlette, plus uvicorn's own ``send`` kept in the scope so a fault can drop a socket."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope[RAW_SEND_SCOPE_KEY] = send
        await super().__call__(scope, receive, send)

    @property
    def runtime(self) -> Runtime:
        runtime: Runtime = self.state.runtime
        return runtime


# -- request reading -------------------------------------------------------------------------


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"The request body is larger than {limit} bytes.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"The request body is larger than {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").partition(";")[0].strip().lower()


def _is_json(kind: str) -> bool:
    return kind == _JSON or (kind.startswith("application/") and kind.endswith("+json"))


def _decode_json(body: bytes) -> Any:
    try:
        return loads_json(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValueError("the request body is not valid JSON") from exc


ErrorFactory = Callable[[list[Problem]], SandboxError]


def _management_error(problems: list[Problem]) -> SandboxError:
    return OAuthError(422, "invalid_request", "; ".join(str(p) for p in problems))


def _oauth_request_error(problems: list[Problem]) -> SandboxError:
    return OAuthError(400, "invalid_request", "; ".join(str(p) for p in problems))


def _registration_error(
    problems: list[Problem], error: str = "invalid_client_metadata"
) -> SandboxError:
    fields: dict[str, list[str]] = {}
    for problem in problems:
        top = problem.field.split("[")[0].split(".")[0]
        detail = problem.field[len(top) :].lstrip(".")
        fields.setdefault(top or "body", []).append(
            f"{detail} {problem.message}".strip() if detail else problem.message
        )
    return OAuthError(400, error, "; ".join(str(p) for p in problems), invalid_fields=fields)


def _registration_body_error(problems: list[Problem]) -> SandboxError:
    # RFC 7591 3.2.2: bad redirect URIs (now caught by the spec's `format: uri`) have their own
    # error code.
    if problems and all(p.field.startswith("redirect_uris") for p in problems):
        return _registration_error(problems, "invalid_redirect_uri")
    return _registration_error(problems)


async def read_json_object(request: Request, runtime: Runtime, error: ErrorFactory) -> Any:
    body = await read_body(request, runtime.max_body_bytes)
    kind = media_type(request)
    if not _is_json(kind):
        raise error([Problem("", "Content-Type must be application/json")])
    if not body.strip():
        raise error([Problem("", "a JSON request body is required")])
    try:
        return _decode_json(body)
    except ValueError as exc:
        raise error([Problem("", str(exc))]) from None


async def read_oauth_params(request: Request, runtime: Runtime) -> dict[str, Any]:
    """Token/introspect parameters from a form or a JSON body; empty values count as absent."""
    body = await read_body(request, runtime.max_body_bytes)
    kind = media_type(request)
    if _is_json(kind):
        try:
            data = _decode_json(body)
        except ValueError as exc:
            raise OAuthError(400, "invalid_request", str(exc)) from None
        if not isinstance(data, dict):
            raise OAuthError(400, "invalid_request", "the JSON body must be an object")
        return {k: v for k, v in data.items() if v is not None and v != ""}
    if kind not in (_FORM, "") and body:
        raise OAuthError(400, "invalid_request", f"Content-Type must be {_FORM} or {_JSON}")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=64)
    except (UnicodeDecodeError, ValueError):
        raise OAuthError(400, "invalid_request", "the form body is malformed") from None
    params: dict[str, Any] = {}
    for name, value in pairs:
        if name in params:
            if name not in OAUTH_PARAMETERS:
                continue  # RFC 6749 3.2: unrecognized parameters are ignored, repeated or not
            raise OAuthError(400, "invalid_request", f"{name}: must not be repeated")
        if value != "":
            params[name] = value
    return params


def client_credentials(request: Request, params: dict[str, Any]) -> ClientCredentials:
    """Client authentication per RFC 6749 2.3.1: Basic (form-urlencoded parts) or the body.

    An ``Authorization: Bearer`` header (API key, as the official SDK sends) is not client
    authentication and is ignored here.
    """
    body_id = params.get("client_id")
    body_secret = params.get("client_secret")
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            decoded = ""
        raw_id, colon, raw_secret = decoded.partition(":")
        if not colon or not raw_id:
            raise OAuthError(
                401,
                "invalid_client",
                "the Basic credentials are malformed",
                headers={"WWW-Authenticate": 'Basic realm="telnyx-oauth-sandbox"'},
            )
        client_id, secret = unquote_plus(raw_id), unquote_plus(raw_secret)
        if body_secret is not None:
            raise OAuthError(
                400, "invalid_request", "use one client authentication method, not two"
            )
        if body_id is not None and body_id != client_id:
            raise OAuthError(
                400, "invalid_request", "client_id does not match the Basic credentials"
            )
        if secret == "":
            return ClientCredentials(client_id, None, "none", basic_attempted=True)
        return ClientCredentials(client_id, secret, "client_secret_basic", basic_attempted=True)
    if body_secret is not None:
        return ClientCredentials(body_id, body_secret, "client_secret_post")
    return ClientCredentials(body_id, None, "none")


# -- handlers --------------------------------------------------------------------------------


Handler = Callable[[Request], Awaitable[Response]]


class Handlers:
    """One coroutine per operation; ``Runtime`` holds the state."""

    def __init__(self, runtime: Runtime) -> None:
        self.rt = runtime

    def op(self, operation_id: str) -> Operation | None:
        return self.rt.spec.operation(operation_id)

    def params(self, operation_id: str, request: Request, error: ErrorFactory) -> dict[str, Any]:
        operation = self.op(operation_id)
        if operation is None:
            return dict(request.query_params)
        values, problems = operation.check_parameters(request.query_params, request.path_params)
        if problems:
            raise error(problems)
        return values

    def check_body(self, operation_id: str, body: Any, error: ErrorFactory) -> None:
        operation = self.op(operation_id)
        if operation is None:
            return
        if not isinstance(body, dict):
            raise error([Problem("", "the request body must be a JSON object")])
        problems = operation.check_body(body)
        if problems:
            raise error(problems)

    # discovery ------------------------------------------------------------------------------

    async def authorization_server_metadata(self, request: Request) -> Response:
        issuer = self.rt.issuer
        return JSONResponse(
            {
                "issuer": issuer,
                "authorization_endpoint": f"{issuer}/v2/oauth/authorize",
                "token_endpoint": f"{issuer}/v2/oauth/token",
                "introspection_endpoint": f"{issuer}/v2/oauth/introspect",
                "jwks_uri": f"{issuer}/v2/oauth/jwks",
                "registration_endpoint": f"{issuer}/v2/oauth/register",
                "code_challenge_methods_supported": ["S256"],
                "grant_types_supported": [
                    "authorization_code",
                    "client_credentials",
                    "refresh_token",
                ],
                "response_types_supported": ["code"],
                "scopes_supported": list(SCOPE_CATALOGUE),
                "token_endpoint_auth_methods_supported": [
                    "none",
                    "client_secret_basic",
                    "client_secret_post",
                ],
                "introspection_endpoint_auth_methods_supported": [
                    "none",
                    "client_secret_basic",
                    "client_secret_post",
                ],
            }
        )

    async def protected_resource_metadata(self, request: Request) -> Response:
        issuer = self.rt.issuer
        return JSONResponse(
            {
                "resource": issuer,
                "authorization_servers": [issuer],
                "scopes_supported": list(SCOPE_CATALOGUE),
                "bearer_methods_supported": ["header"],
            }
        )

    async def jwks(self, request: Request) -> Response:
        return JSONResponse(self.rt.keys.jwks())

    # authorize and consent --------------------------------------------------------------------

    async def authorize(self, request: Request) -> Response:
        def html_400(problems: list[Problem]) -> SandboxError:
            return AuthorizeError(400, "; ".join(str(p) for p in problems))

        query = self.params("authorize", request, html_400)
        for name in ("client_id", "redirect_uri", "response_type"):
            if not query.get(name):
                raise AuthorizeError(400, f"{name}: is required")
        sandbox = self.rt.sandbox
        try:
            client = sandbox.get_client(str(query["client_id"]))
        except OAuthError:
            raise AuthorizeError(404, "client_id: unknown client") from None
        redirect_uri = str(query["redirect_uri"])
        if redirect_uri not in client.redirect_uris:
            raise AuthorizeError(422, "redirect_uri: is not registered for this client")
        state = query.get("state")

        def back(error: str, description: str) -> Response:
            target = add_query(
                redirect_uri,
                {"error": error, "error_description": description, "state": state},
            )
            return RedirectResponse(target, status_code=302)

        if "authorization_code" not in client.allowed_grant_types:
            return back("unauthorized_client", "this client may not use authorization_code")
        requested = split_scope(str(query.get("scope") or ""))
        if not requested:
            requested = list(client.allowed_scopes)
        outside = [s for s in requested if s not in client.allowed_scopes]
        if outside:
            return back("invalid_scope", f"scope not allowed: {' '.join(outside)}")
        challenge = query.get("code_challenge")
        method = query.get("code_challenge_method")
        if challenge:
            if method != "S256":
                return back("invalid_request", "code_challenge_method must be S256")
            if not is_code_challenge(str(challenge)):
                return back("invalid_request", "code_challenge must be 43 base64url characters")
        elif method:
            return back("invalid_request", "code_challenge_method given without code_challenge")
        elif client.require_pkce or client.client_type == "public":
            return back("invalid_request", "code_challenge is required (PKCE, S256)")
        consent_token = sandbox.start_consent(
            client=client,
            redirect_uri=redirect_uri,
            scopes=requested,
            state=None if state is None else str(state),
            code_challenge=None if not challenge else str(challenge),
        )
        location = f"{self.rt.issuer}/_sandbox/consent?consent_token={consent_token}"
        return RedirectResponse(location, status_code=302, headers=NO_STORE_HEADERS)

    async def consent_details(self, request: Request) -> Response:
        self.rt.check_api_caller(request)
        consent_token = request.path_params["consent_token"]
        return JSONResponse({"data": self.rt.sandbox.consent_details(consent_token)})

    async def submit_consent(self, request: Request) -> Response:
        self.rt.check_api_caller(request)
        body = await read_json_object(request, self.rt, _management_error)
        self.check_body("submit_consent", body, _management_error)
        if not isinstance(body.get("consent_token"), str) or not isinstance(
            body.get("allowed"), bool
        ):
            raise _management_error([Problem("", "consent_token and allowed are required")])
        target = self.rt.sandbox.decide_consent(body["consent_token"], body["allowed"])
        return JSONResponse({"redirect_uri": target}, headers=NO_STORE_HEADERS)

    # token and introspection -------------------------------------------------------------------

    async def token(self, request: Request) -> Response:
        try:
            return await self._token(request)
        except OAuthError as exc:
            exc.headers.update(NO_STORE_HEADERS)
            raise

    async def _token(self, request: Request) -> Response:
        params = await read_oauth_params(request, self.rt)
        grant_type = params.get("grant_type")
        if isinstance(grant_type, str) and grant_type not in GRANT_TYPES:
            self.rt.stats.count_grant_type("unsupported")
            raise OAuthError(400, "unsupported_grant_type", "grant_type: is not supported")
        self.rt.stats.count_grant_type(grant_type if isinstance(grant_type, str) else "missing")
        self.check_body("create_token", params, _oauth_request_error)
        credentials = client_credentials(request, params)
        client = self.rt.sandbox.authenticate(credentials)
        sandbox = self.rt.sandbox
        if grant_type == "client_credentials":
            answer = sandbox.client_credentials(client, params.get("scope"))
        elif grant_type == "authorization_code":
            answer = sandbox.exchange_code(
                client,
                code=params.get("code"),
                redirect_uri=params.get("redirect_uri"),
                code_verifier=params.get("code_verifier"),
            )
        else:
            answer = sandbox.refresh(
                client, refresh_token=params.get("refresh_token"), scope=params.get("scope")
            )
        return JSONResponse(answer, headers=NO_STORE_HEADERS)

    async def introspect(self, request: Request) -> Response:
        params = await read_oauth_params(request, self.rt)
        self.check_body("introspect_token", params, _oauth_request_error)
        scheme, _, key = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer":
            # The official SDK sends the API key; it is accepted in place of client auth.
            if not self.rt.is_api_key(key.strip()):
                raise OAuthError(
                    401,
                    "invalid_client",
                    "the API key is invalid",
                    headers={"WWW-Authenticate": BEARER_CHALLENGE},
                )
        else:
            self.rt.sandbox.authenticate(client_credentials(request, params))
        token = params.get("token")
        if not isinstance(token, str):
            raise OAuthError(400, "invalid_request", "token: is required")
        return JSONResponse(self.rt.sandbox.introspect(token), headers=NO_STORE_HEADERS)

    # registration ----------------------------------------------------------------------------

    async def register(self, request: Request) -> Response:
        body = await read_json_object(request, self.rt, _registration_error)
        self.check_body("register_client", body, _registration_body_error)
        method = body.get("token_endpoint_auth_method", "client_secret_basic")
        grant_types = list(dict.fromkeys(body.get("grant_types", ["authorization_code"])))
        response_types = list(dict.fromkeys(body.get("response_types", ["code"])))
        redirect_uris = list(body.get("redirect_uris") or [])
        redirect_problems = _redirect_problems(redirect_uris)
        if "authorization_code" in grant_types and not redirect_uris:
            redirect_problems.append(
                Problem("redirect_uris", "is required for the authorization_code grant")
            )
        if redirect_problems:
            raise _registration_error(redirect_problems, "invalid_redirect_uri")
        problems: list[Problem] = []
        if ("code" in response_types) != ("authorization_code" in grant_types):
            problems.append(
                Problem("response_types", "code goes with the authorization_code grant")
            )
        if method == "none" and "client_credentials" in grant_types:
            problems.append(
                Problem("grant_types", "client_credentials needs a confidential client")
            )
        scopes = split_scope(body.get("scope", "")) or list(SCOPE_CATALOGUE)
        problems.extend(_scope_problems(scopes, "scope"))
        if problems:
            raise _registration_error(problems)
        client, secret = self.rt.sandbox.create_client(
            name=body.get("client_name") or "Dynamically registered client",
            client_type="public" if method == "none" else "confidential",
            allowed_grant_types=grant_types,
            allowed_scopes=scopes,
            redirect_uris=redirect_uris,
            require_pkce=method == "none",
            logo_uri=body.get("logo_uri"),
            policy_uri=body.get("policy_uri"),
            tos_uri=body.get("tos_uri"),
            auth_methods=(method,),
        )
        answer: dict[str, Any] = {
            "client_id": client.client_id,
            "client_id_issued_at": int(client.created_at),
            "client_name": client.name,
            "grant_types": grant_types,
            "response_types": response_types,
            "redirect_uris": client.redirect_uris,
            "scope": " ".join(client.allowed_scopes),
            "token_endpoint_auth_method": method,
        }
        if secret is not None:
            answer["client_secret"] = secret
            answer["client_secret_expires_at"] = 0
        for name in ("logo_uri", "policy_uri", "tos_uri"):
            if body.get(name) is not None:
                answer[name] = body[name]
        return JSONResponse(answer, status_code=201, headers=NO_STORE_HEADERS)

    # oauth clients ---------------------------------------------------------------------------

    async def list_clients(self, request: Request) -> Response:
        self.rt.check_api_caller(request)
        query = self.params("list_oauth_clients", request, _management_error)
        number, size = _page_params(query)
        filters = {
            key: query[name]
            for name, key in (
                ("filter[client_type]", "client_type"),
                ("filter[verified]", "verified"),
                ("filter[allowed_grant_types][contains]", "allowed_grant_types_contains"),
                ("filter[name]", "name"),
                ("filter[name][contains]", "name_contains"),
                ("filter[client_id]", "client_id"),
            )
            if name in query
        }
        clients, meta = self.rt.sandbox.list_clients(filters, number, size)
        return JSONResponse({"data": [c.to_json() for c in clients], "meta": meta})

    async def create_client(self, request: Request) -> Response:
        self.rt.check_api_caller(request)
        body = await read_json_object(request, self.rt, _management_error)
        self.check_body("create_oauth_client", body, _management_error)
        _check_client_fields(body)
        client, secret = self.rt.sandbox.create_client(
            name=body["name"],
            client_type=body["client_type"],
            allowed_grant_types=body["allowed_grant_types"],
            allowed_scopes=body["allowed_scopes"],
            redirect_uris=body.get("redirect_uris"),
            require_pkce=bool(body.get("require_pkce", False)),
            logo_uri=body.get("logo_uri"),
            policy_uri=body.get("policy_uri"),
            tos_uri=body.get("tos_uri"),
        )
        return JSONResponse(
            {"data": client.to_json(secret)}, status_code=201, headers=NO_STORE_HEADERS
        )

    async def get_client(self, request: Request) -> Response:
        self.rt.check_api_caller(request)
        client = self.rt.sandbox.get_client(request.path_params["id"])
        return JSONResponse({"data": client.to_json()})

    async def update_client(self, request: Request) -> Response:
        self.rt.check_api_caller(request)
        client_id = request.path_params["id"]
        body = await read_json_object(request, self.rt, _management_error)
        self.check_body("update_oauth_client", body, _management_error)
        _check_client_fields(body)
        client: Client = self.rt.sandbox.update_client(client_id, body)
        return JSONResponse({"data": client.to_json()})

    async def delete_client(self, request: Request) -> Response:
        self.rt.check_api_caller(request)
        self.rt.sandbox.delete_client(request.path_params["id"])
        return Response(status_code=204)

    # oauth grants ----------------------------------------------------------------------------

    async def list_grants(self, request: Request) -> Response:
        self.rt.check_api_caller(request)
        query = self.params("list_oauth_grants", request, _management_error)
        number, size = _page_params(query)
        grants, meta = self.rt.sandbox.list_grants(number, size)
        return JSONResponse({"data": [g.to_json() for g in grants], "meta": meta})

    async def get_grant(self, request: Request) -> Response:
        self.rt.check_api_caller(request)
        grant = self.rt.sandbox.get_grant(request.path_params["id"])
        return JSONResponse({"data": grant.to_json()})

    async def revoke_grant(self, request: Request) -> Response:
        self.rt.check_api_caller(request)
        grant = self.rt.sandbox.revoke_grant(request.path_params["id"])
        return JSONResponse({"data": grant.to_json()})


def _page_params(query: dict[str, Any]) -> tuple[int, int]:
    number = query.get("page[number]", 1)
    size = query.get("page[size]", DEFAULT_PAGE_SIZE)
    if isinstance(number, int) and number >= 1 and isinstance(size, int) and 1 <= size <= 100:
        return number, size
    problems = []
    if not isinstance(number, int) or number < 1:
        problems.append(Problem("page[number]", "must be an integer >= 1"))
    if not isinstance(size, int) or not 1 <= size <= 100:
        problems.append(Problem("page[size]", "must be an integer from 1 to 100"))
    raise _management_error(problems)


def _redirect_problems(uris: list[Any]) -> list[Problem]:
    problems = []
    for index, uri in enumerate(uris):
        problem = redirect_uri_problem(str(uri))
        if problem is not None:
            problems.append(Problem(f"redirect_uris[{index}]", problem))
    return problems


def _scope_problems(scopes: list[Any], field: str) -> list[Problem]:
    if all(is_scope_token(str(scope)) for scope in scopes):
        return []
    return [Problem(field, "holds a value that is not a valid scope")]


def _check_client_fields(body: dict[str, Any]) -> None:
    problems = _redirect_problems(list(body.get("redirect_uris") or []))
    if "allowed_scopes" in body:
        problems.extend(_scope_problems(list(body["allowed_scopes"]), "allowed_scopes"))
    if problems:
        raise _management_error(problems)


# -- the app ---------------------------------------------------------------------------------


async def _sandbox_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, SandboxError):  # pragma: no cover - registered for SandboxError
        raise exc
    return exc.response()


async def _http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, HTTPException):  # pragma: no cover - registered for HTTPException
        raise exc
    if exc.status_code == 404:
        detail = "The requested resource or route could not be found."
    elif exc.status_code == 405:
        detail = "The method is not allowed on this path."
    else:
        detail = "The request could not be handled."
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        # Starlette's Allow names only the methods of the first route matching the path; with one
        # Route per method that hides the others (RFC 9110 15.5.6: list all of them).
        headers["Allow"] = ", ".join(_allowed_methods(request))
    return ApiError(exc.status_code, detail, headers=headers).response()


def _allowed_methods(request: Request) -> list[str]:
    methods: set[str] = set()
    for route in request.app.router.routes:
        if not isinstance(route, Route) or not route.methods:
            continue
        if route.path_regex.fullmatch(request.url.path):
            methods |= route.methods
    return sorted(methods)


def create_app(
    *,
    api_key: str,
    issuer: str,
    clock: Clock | None = None,
    spec_path: Path | None = None,
    rate_limit: int | None = DEFAULT_RATE_LIMIT_REQUESTS,
    rate_limit_window_seconds: int = DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
    key_grace_period_seconds: float = KEY_GRACE_PERIOD_SECONDS,
    max_body_bytes: int = MAX_BODY_BYTES,
    sleep: Sleep | None = None,
) -> SandboxApp:
    """The sandbox as an ASGI app.

    ``issuer`` is the base URL clients reach it at (no trailing slash); it is the ``iss`` and
    ``aud`` of every token. ``rate_limit=None`` turns rate limiting off. ``sleep`` is what a
    "slow answer" fault awaits (``asyncio.sleep`` by default); tests inject their own.
    """
    import asyncio

    if not api_key:
        raise ValueError("api_key must not be empty")
    issuer = issuer.rstrip("/")
    clock = clock or Clock()
    keys = KeyRing(clock, grace_period_seconds=key_grace_period_seconds)
    spec = Spec.load(spec_path)
    runtime = Runtime(
        api_key=api_key,
        issuer=issuer,
        clock=clock,
        keys=keys,
        sandbox=Sandbox(issuer=issuer, clock=clock, keys=keys),
        spec=spec,
        stats=Stats(),
        limiter=RateLimiter(clock, limit=rate_limit, window_seconds=rate_limit_window_seconds),
        faults=Faults(),
        default_rate_limit=rate_limit,
        default_rate_limit_window_seconds=rate_limit_window_seconds,
        max_body_bytes=max_body_bytes,
    )
    handlers = Handlers(runtime)
    from ._controls import control_routes

    routes = [
        Route(
            "/.well-known/oauth-authorization-server",
            handlers.authorization_server_metadata,
            methods=["GET"],
        ),
        Route(
            "/.well-known/oauth-protected-resource",
            handlers.protected_resource_metadata,
            methods=["GET"],
        ),
        Route("/v2/oauth/authorize", handlers.authorize, methods=["GET"]),
        Route("/v2/oauth/consent/{consent_token}", handlers.consent_details, methods=["GET"]),
        Route("/v2/oauth/grants", handlers.submit_consent, methods=["POST"]),
        Route("/v2/oauth/token", handlers.token, methods=["POST"]),
        Route("/v2/oauth/introspect", handlers.introspect, methods=["POST"]),
        Route("/v2/oauth/jwks", handlers.jwks, methods=["GET"]),
        Route("/v2/oauth/register", handlers.register, methods=["POST"]),
        Route("/v2/oauth_clients", handlers.list_clients, methods=["GET"]),
        Route("/v2/oauth_clients", handlers.create_client, methods=["POST"]),
        Route("/v2/oauth_clients/{id}", handlers.get_client, methods=["GET"]),
        Route("/v2/oauth_clients/{id}", handlers.update_client, methods=["PUT"]),
        Route("/v2/oauth_clients/{id}", handlers.delete_client, methods=["DELETE"]),
        Route("/v2/oauth_grants", handlers.list_grants, methods=["GET"]),
        Route("/v2/oauth_grants/{id}", handlers.get_grant, methods=["GET"]),
        Route("/v2/oauth_grants/{id}", handlers.revoke_grant, methods=["DELETE"]),
        *control_routes(runtime),
    ]
    matcher = OperationMatcher(
        [(op.method, op.path, op.operation_id) for op in spec.operations.values()]
    )
    app = SandboxApp(
        routes=routes,
        middleware=[
            Middleware(
                Gateway,
                stats=runtime.stats,
                limiter=runtime.limiter,
                faults=runtime.faults,
                matcher=matcher,
                sleep=sleep or asyncio.sleep,
            )
        ],
        exception_handlers={SandboxError: _sandbox_error, HTTPException: _http_error},
    )
    # A path the spec does not have gets the documented 404, not Starlette's 307 to the path
    # without its trailing slash (which sent DELETE /v2/oauth_clients/%2F to the list).
    app.router.redirect_slashes = False
    app.state.runtime = runtime
    return app
