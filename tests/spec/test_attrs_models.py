"""The generated models and clients are attrs classes, and behave as such for a user who knows
openapi-python-client: ``attrs.evolve``, ``asdict``, ``fields``, equality, ``__match_args__``,
``weakref`` and pickling work on every model, while the project's guarantees hold (secrets
masked in repr, enum fields converted and checked, UNSET one object)."""

from __future__ import annotations

import copy
import json
import pickle
import weakref
from enum import Enum
from typing import Any

import attrs
import httpx
import pytest

import telnyx_oauth_api.models as models_package
from telnyx_oauth_api import AuthenticatedClient, Client
from telnyx_oauth_api.models import ClientType, OAuthClient, OAuthClientCreateRequest
from telnyx_oauth_api.types import UNSET, Unset

MODEL_NAMES = [
    name for name in models_package.__all__ if not issubclass(getattr(models_package, name), Enum)
]


def _client(**fields: Any) -> OAuthClient:
    body = {
        "record_type": "oauth_client",
        "client_id": "c1",
        "name": "App",
        "org_id": "o",
        "user_id": "u",
        "client_type": "confidential",
        "require_pkce": True,
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
        **fields,
    }
    return OAuthClient.from_dict(body)


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_every_model_is_an_attrs_class(name: str) -> None:
    """attrs.has, attrs.fields, __match_args__ and weakref work on every model."""
    cls: Any = getattr(models_package, name)
    match_args: tuple[str, ...] = cls.__match_args__
    slots: tuple[str, ...] = cls.__slots__
    assert attrs.has(cls)
    names = [field.name for field in attrs.fields(cls)]
    assert set(match_args) <= set(names)
    assert "__weakref__" in slots


def test_evolve_asdict_and_equality() -> None:
    """evolve copies with a change (the original is unchanged), asdict gives the fields, and
    equal fields make equal models."""
    original = _client()
    renamed = attrs.evolve(original, name="Renamed")
    assert renamed.name == "Renamed"
    assert original.name == "App"
    assert renamed != original
    assert attrs.evolve(renamed, name="App") == original
    # An answer's client_type is an extensible value (spec 3.0.0): a plain string.
    assert attrs.asdict(original)["client_type"] == "confidential"
    assert weakref.ref(original)() is original


def test_evolve_converts_and_checks_enum_values() -> None:
    """evolve goes through __init__, so an enum field (a request's: requests keep closed
    enums) takes its plain value and refuses another, naming the field."""
    request = OAuthClientCreateRequest(
        name="App",
        allowed_scopes=["admin"],
        allowed_grant_types=["client_credentials"],
        client_type="confidential",
    )
    assert attrs.evolve(request, client_type="public").client_type is ClientType.PUBLIC
    assert attrs.asdict(request)["client_type"] is ClientType.CONFIDENTIAL
    with pytest.raises(
        ValueError, match=r"OAuthClientCreateRequest\.client_type: 'secret' is not one of"
    ):
        attrs.evolve(request, client_type="secret")  # type: ignore[arg-type]


def test_match_on_a_model() -> None:
    """A `match` on a model's positional fields works (attrs writes __match_args__)."""
    match _client():
        case OAuthClient(record_type=_, client_id="c1"):
            matched = True
        case _:
            matched = False
    assert matched


def test_secret_is_masked_in_repr_after_evolve() -> None:
    """A field the spec marks x-secret stays masked, however the model was built."""
    client = attrs.evolve(_client(client_secret="s3cr3t-value"), name="Other")
    assert "s3cr3t-value" not in repr(client)
    assert "client_secret='***'" in repr(client)


def test_unset_is_one_object_after_copy_and_pickle() -> None:
    """copy, deepcopy and pickle give UNSET back, so a copied model's to_dict() is JSON."""
    assert copy.copy(UNSET) is UNSET
    assert copy.deepcopy(UNSET) is UNSET
    assert pickle.loads(pickle.dumps(UNSET)) is UNSET  # noqa: S301 - our own bytes
    request = OAuthClientCreateRequest(
        name="App",
        allowed_scopes=["admin"],
        allowed_grant_types=["client_credentials"],
        client_type="public",
    )
    for twin in (copy.deepcopy(request), pickle.loads(pickle.dumps(request))):  # noqa: S301
        assert twin == request
        assert json.loads(json.dumps(twin.to_dict())) == request.to_dict()
        assert isinstance(twin.logo_uri, Unset)


def _recording(client: Client) -> list[httpx.Request]:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    client.set_httpx_client(httpx.Client(transport=httpx.MockTransport(answer)))
    return sent


def test_with_headers_leaves_the_original_and_its_httpx_client_alone() -> None:
    """with_headers returns a copy; the original, and the httpx client it already opened, send
    what they sent before."""
    client = Client("https://api.test")
    sent = _recording(client)
    opened = client.get_httpx_client()
    traced = client.with_headers({"X-Trace": "1"})
    assert traced is not client
    assert "x-trace" not in opened.headers
    client.get_httpx_client().get("https://api.test/")
    assert "x-trace" not in sent[0].headers
    assert traced.get_httpx_client() is not opened
    assert traced.get_httpx_client().headers["x-trace"] == "1"


def test_with_timeout_and_with_cookies_leave_the_original_alone() -> None:
    """with_timeout and with_cookies return copies; the original's timeout, cookies and open
    httpx client stay as they were."""
    client = Client("https://api.test", timeout=httpx.Timeout(5.0))
    opened = client.get_httpx_client()
    quick = client.with_timeout(httpx.Timeout(1.0))
    assert opened.timeout == httpx.Timeout(5.0)
    assert client.get_httpx_client().timeout == httpx.Timeout(5.0)
    assert quick.get_httpx_client().timeout == httpx.Timeout(1.0)
    client.with_cookies({"session": "x"})
    assert "session" not in opened.cookies


def test_raise_on_unexpected_status_is_accepted_and_token_hidden() -> None:
    """The generator's constructor arguments are accepted; repr never shows the token."""
    client = AuthenticatedClient(
        "https://api.test", token="tok-123", raise_on_unexpected_status=True
    )
    assert client.raise_on_unexpected_status is True
    assert "tok-123" not in repr(client)
    client.get_httpx_client()
    assert "tok-123" not in repr(client)


def test_evolve_starts_without_unknown_fields() -> None:
    """As in stock openapi-python-client, additional_properties is not an __init__ argument, so
    an evolved copy starts without the original's unknown fields (docs/design.md says so)."""
    original = _client(extra_field="x")
    assert original.additional_properties == {"extra_field": "x"}
    assert attrs.evolve(original).additional_properties == {}
