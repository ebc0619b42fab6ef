"""What a caller sees of the generated package: enum arguments, reprs, help() and docstrings."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import pydoc
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

import httpx
import pytest

import telnyx_oauth_api.models as models_package
from telnyx_oauth_api import AuthenticatedClient, api
from telnyx_oauth_api.api.oauth_clients import list_oauth_clients
from telnyx_oauth_api.models import (
    ClientType,
    GrantType,
    OAuthClientCreateRequest,
    OAuthClientUpdateRequest,
    RegistrationRequest,
)
from telnyx_oauth_api.types import UNSET, Response
from tests.spec._spec import load_spec, resolve

# -- enums: plain values in, anything else out at once -----------------------------------------


def _any(value: object) -> Any:
    """``value``, hidden from the type checker: what an untyped caller may pass."""
    return value


def test_model_takes_the_plain_values_of_its_enums() -> None:
    """A model's enum fields take the enum's plain string values and hold the members."""
    request = OAuthClientCreateRequest(
        name="bot",
        client_type="confidential",
        allowed_grant_types=["client_credentials", GrantType.REFRESH_TOKEN],
        allowed_scopes=["numbers.read"],
    )
    assert request.client_type is ClientType.CONFIDENTIAL
    assert request.allowed_grant_types == [GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN]
    assert request.to_dict()["allowed_grant_types"] == ["client_credentials", "refresh_token"]


@pytest.mark.parametrize(
    ("build", "error", "words"),
    [
        (
            lambda: OAuthClientCreateRequest(
                name="x",
                client_type=_any("confidentail"),
                allowed_grant_types=[],
                allowed_scopes=[],
            ),
            ValueError,
            ("OAuthClientCreateRequest.client_type", "'confidentail'", "'confidential', 'public'"),
        ),
        (
            lambda: OAuthClientCreateRequest(
                name="x", client_type=_any(1), allowed_grant_types=[], allowed_scopes=[]
            ),
            TypeError,
            ("OAuthClientCreateRequest.client_type", "got int", "'confidential', 'public'"),
        ),
        (
            lambda: OAuthClientUpdateRequest(allowed_grant_types=[_any("client_credential")]),
            ValueError,
            ("OAuthClientUpdateRequest.allowed_grant_types[0]", "'client_credentials'"),
        ),
        (
            lambda: OAuthClientUpdateRequest(allowed_grant_types=_any("client_credentials")),
            TypeError,
            ("OAuthClientUpdateRequest.allowed_grant_types", "expected a list of GrantType"),
        ),
        (
            lambda: RegistrationRequest(token_endpoint_auth_method=_any("basic")),
            ValueError,
            ("RegistrationRequest.token_endpoint_auth_method", "'client_secret_basic'"),
        ),
    ],
    ids=["unknown value", "not a string", "unknown item", "string for a list", "registration"],
)
def test_model_refuses_a_wrong_enum_value_at_once(
    build: Any, error: type[Exception], words: tuple[str, ...]
) -> None:
    """A value the spec does not list is refused when the model is built, naming the field and
    the values it takes (a typo never reaches the wire)."""
    with pytest.raises(error) as caught:
        build()
    for word in words:
        assert word in str(caught.value)


def test_an_unlisted_value_can_still_be_sent_on_purpose() -> None:
    """To send a value newer than the spec, pass the enum built from it: it goes out as is."""
    request = OAuthClientUpdateRequest(allowed_grant_types=[GrantType("device_code")])
    assert request.to_dict() == {"allowed_grant_types": ["device_code"]}


def test_a_string_assigned_later_is_checked_at_once() -> None:
    """A plain string assigned after construction is converted when listed (attrs runs the
    field's converter on assignment) and refused at once, naming the field, when not."""
    request = OAuthClientUpdateRequest()
    request.allowed_grant_types = ["refresh_token"]  # type: ignore[list-item]
    assert request.allowed_grant_types == [GrantType.REFRESH_TOKEN]
    assert request.to_dict() == {"allowed_grant_types": ["refresh_token"]}
    with pytest.raises(ValueError, match=r"allowed_grant_types\[0\]: 'refresh' is not one of"):
        request.allowed_grant_types = ["refresh"]  # type: ignore[list-item]
    assert request.allowed_grant_types == [GrantType.REFRESH_TOKEN]


def _recording_client() -> tuple[AuthenticatedClient, list[httpx.Request]]:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"data": []})

    client = AuthenticatedClient("https://api.telnyx.com", "k")
    client.set_httpx_client(
        httpx.Client(base_url="https://api.telnyx.com", transport=httpx.MockTransport(answer))
    )
    return client, sent


def test_enum_arguments_take_plain_values() -> None:
    """A generated function's enum argument takes the plain value and sends it."""
    client, sent = _recording_client()
    list_oauth_clients.sync(
        client=client,
        filter_client_type="public",
        filter_allowed_grant_types_contains=GrantType.CLIENT_CREDENTIALS,
    )
    params = sent[0].url.params
    assert params["filter[client_type]"] == "public"
    assert params["filter[allowed_grant_types][contains]"] == "client_credentials"


def test_enum_argument_refuses_a_wrong_value_before_sending() -> None:
    """A wrong enum argument raises ValueError naming the argument; nothing is sent."""
    client, sent = _recording_client()
    with pytest.raises(ValueError, match=r"filter_client_type: 'privat' is not one of"):
        list_oauth_clients.sync(client=client, filter_client_type="privat")  # type: ignore[arg-type]
    assert sent == []


# -- reprs: secrets marked in the spec never show ----------------------------------------------


def _secret_fields() -> Iterator[tuple[str, str]]:
    """(schema, property) for every property the spec marks `x-secret: true`."""
    for name, schema in load_spec()["components"]["schemas"].items():
        for prop, definition in schema.get("properties", {}).items():
            if resolve(definition).get("x-secret") or definition.get("x-secret"):
                yield name, prop


SECRET_FIELDS = sorted(_secret_fields())


def test_the_spec_marks_every_credential() -> None:
    """The fields that carry credentials are the ones marked, and only those."""
    assert SECRET_FIELDS == [
        ("ConsentDecisionRequest", "consent_token"),
        ("ConsentDecisionResponse", "redirect_uri"),
        ("IntrospectRequest", "client_secret"),
        ("IntrospectRequest", "token"),
        ("OAuthClient", "client_secret"),
        ("RegistrationResponse", "client_secret"),
        ("TokenRequest", "client_secret"),
        ("TokenRequest", "code"),
        ("TokenRequest", "code_verifier"),
        ("TokenRequest", "refresh_token"),
        ("TokenResponse", "access_token"),
        ("TokenResponse", "refresh_token"),
    ]


def _example_of(schema_name: str) -> dict[str, Any]:
    """A JSON object with every field of the schema, each of its type."""
    built: dict[str, Any] = {}
    schema = load_spec()["components"]["schemas"][schema_name]
    for prop, definition in schema.get("properties", {}).items():
        field = resolve(definition)
        kind = field.get("type", "string")
        kind = kind[0] if isinstance(kind, list) else kind
        if "enum" in field:
            built[prop] = field["enum"][0]
        elif field.get("format") == "date-time":
            built[prop] = "2026-01-01T00:00:00Z"
        elif kind == "array":
            built[prop] = []
        else:
            built[prop] = {"boolean": True, "integer": 1, "number": 1.5}.get(kind, "s")
    return built


@pytest.mark.parametrize(("schema_name", "field"), SECRET_FIELDS)
def test_repr_masks_the_fields_the_spec_marks_secret(schema_name: str, field: str) -> None:
    """repr() of a model shows its secret field as '***', whatever it holds; str() too."""
    secret = "s3cr3t-Value-that-must-not-show"
    data = _example_of(schema_name)
    data[field] = f"https://app.example.com/cb?code={secret}" if field == "redirect_uri" else secret
    model = getattr(models_package, schema_name).from_dict(data)
    for text in (repr(model), str(model), repr([model]), f"{model!r}"):
        assert secret not in text
        assert f"{field}='***'" in text


def test_repr_of_a_nested_secret_and_of_unknown_fields() -> None:
    """A secret inside an envelope is masked too, and fields the spec does not list show their
    names only (the API may add a secret before the spec marks it)."""
    body = {
        "data": {
            "record_type": "oauth_client",
            "client_id": "c",
            "name": "n",
            "org_id": "o",
            "user_id": "u",
            "client_type": "confidential",
            "require_pkce": False,
            "created_at": "2026-01-01T00:00:00Z",
            "updated_at": "2026-01-01T00:00:00Z",
            "client_secret": "top-secret-1",
            "client_secret_v2": "top-secret-2",
        }
    }
    text = repr(models_package.OAuthClientResponse.from_dict(body))
    assert "top-secret" not in text
    assert "additional_properties=['client_secret_v2']" in text


def test_response_and_client_reprs_hide_content_and_token() -> None:
    """A detailed Response shows its content's length, not the content (a token answer holds
    tokens); the generated client never shows its token."""
    content = b'{"access_token": "at-123"}'
    response = Response(status_code=HTTPStatus.OK, content=content, headers={}, parsed=1)
    assert "at-123" not in repr(response)
    assert "<26 bytes>" in repr(response)
    client = AuthenticatedClient("https://api.telnyx.com", "KEY-abc")
    assert "KEY-abc" not in repr(client)


# -- help() and docstrings tell the truth -------------------------------------------------------


def _endpoint_functions() -> Iterator[tuple[str, Any]]:
    for tag in pkgutil.iter_modules(api.__path__):
        package = importlib.import_module(f"{api.__name__}.{tag.name}")
        for module in pkgutil.iter_modules(package.__path__):
            endpoint = importlib.import_module(f"{package.__name__}.{module.name}")
            for name in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
                yield f"{module.name}.{name}", getattr(endpoint, name)


ENDPOINT_FUNCTIONS = list(_endpoint_functions())


def test_unset_reads_as_unset() -> None:
    """repr(UNSET) is UNSET, so signatures read like the source."""
    assert repr(UNSET) == "UNSET"
    text = pydoc.plain(pydoc.render_doc(list_oauth_clients.sync))
    assert "page_size: int | telnyx_oauth_api.types.Unset = UNSET" in text
    assert "object at 0x" not in text


@pytest.mark.parametrize(
    ("name", "function"), ENDPOINT_FUNCTIONS, ids=[n for n, _ in ENDPOINT_FUNCTIONS]
)
def test_docstring_names_the_real_exceptions_and_every_argument(name: str, function: Any) -> None:
    """Raises names what a caller gets; no argument is left without its description."""
    doc = inspect.getdoc(function) or ""
    raises = doc.split("Raises:", 1)[1].split("Returns:", 1)[0]
    for real in ("APIStatusError", "APIConnectionError", "APIResponseValidationError"):
        assert real in raises
    assert "UnexpectedStatus:" not in doc
    assert "httpx.TimeoutException" not in doc
    arguments = [p for p in inspect.signature(function).parameters if p != "client"]
    for argument in arguments:
        line = next(line for line in doc.splitlines() if line.strip().startswith(f"{argument} ("))
        assert line.split("):", 1)[1].strip(), f"{argument} has no description"
