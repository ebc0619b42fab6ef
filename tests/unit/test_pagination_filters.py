"""The typed filters of ``paginate`` / ``apaginate`` keep up with the generated operations.

The overloads are written once per list operation that has filters; these tests fail when the
spec adds, renames or retypes a filter, or adds a list operation with filters, until the
overloads say the same as the generated code.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

import telnyx_oauth
import telnyx_oauth_api.api
import telnyx_oauth_api.models
import telnyx_oauth_api.types
from telnyx_oauth import _pagination
from telnyx_oauth_api.api.oauth_clients import list_oauth_clients
from telnyx_oauth_api.models import client_type, grant_type

PREFIX = "filter_"

# The names the overlay's annotations use under TYPE_CHECKING, to evaluate them here.
_NAMES: dict[str, Any] = {
    **vars(_pagination),
    # the models package loads each model on first access, so they are named one by one
    **{
        name: getattr(telnyx_oauth_api.models, name)
        for name in ("ClientType", "GrantType", "OAuthClient", "OAuthClientListResponse")
    },
    "AuthenticatedClient": telnyx_oauth_api.AuthenticatedClient,
    "ClientTypeValue": client_type.ClientTypeValue,
    "GrantTypeValue": grant_type.GrantTypeValue,
    "Response": telnyx_oauth_api.types.Response,
    "Unset": telnyx_oauth_api.types.Unset,
}


def _hints(function: Callable[..., Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(function, globalns=_NAMES)
    hints.pop("return", None)
    return hints


def _filter_type(annotation: Any) -> frozenset[Any]:
    """A filter's type as a set of union members; the generated ``Unset`` is our ``None``."""
    members = typing.get_args(annotation) or (annotation,)
    return frozenset(type(None) if m is telnyx_oauth_api.types.Unset else m for m in members)


def _list_operations() -> list[ModuleType]:
    found = []
    for tag in pkgutil.iter_modules(telnyx_oauth_api.api.__path__):
        package = importlib.import_module(f"telnyx_oauth_api.api.{tag.name}")
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            if "page_number" in inspect.signature(module.sync_detailed).parameters:
                found.append(module)
    return found


def _generated_filters(module: ModuleType) -> dict[str, frozenset[Any]]:
    """Readable filter name -> its generated type."""
    return {
        name.removeprefix(PREFIX): _filter_type(annotation)
        for name, annotation in _hints(module.sync_detailed).items()
        if name.startswith(PREFIX)
    }


def _overload_filters(function: Callable[..., Any]) -> list[dict[str, frozenset[Any]]]:
    """For each overload: its keyword filters (page_size aside) and their types."""
    found = []
    for variant in typing.get_overloads(function):
        hints = _hints(variant)
        found.append(
            {
                name: _filter_type(hints[name])
                for name, parameter in inspect.signature(variant).parameters.items()
                if parameter.kind is inspect.Parameter.KEYWORD_ONLY and name != "page_size"
            }
        )
    return found


def test_only_list_oauth_clients_has_filters() -> None:
    """A new list operation with filters needs its overloads (and protocol) here."""
    with_filters = [m.__name__ for m in _list_operations() if _generated_filters(m)]
    assert with_filters == [list_oauth_clients.__name__]


@pytest.mark.parametrize("function", [telnyx_oauth.paginate, telnyx_oauth.apaginate])
def test_overloads_name_the_generated_filters_with_their_types(
    function: Callable[..., Any],
) -> None:
    """One overload takes no filter (the operations without any), the other exactly the
    generated filters of list_oauth_clients, with the same types."""
    assert _overload_filters(function) == [{}, _generated_filters(list_oauth_clients)]


def test_protocol_is_the_generated_signature() -> None:
    """ListOAuthClients describes list_oauth_clients as generated, so mypy matches it."""
    for method in ("sync_detailed", "asyncio_detailed"):
        mine = _hints(getattr(_pagination.ListOAuthClients, method))
        assert list(mine.items()) == list(_hints(getattr(list_oauth_clients, method)).items())


def test_a_misspelt_filter_is_still_a_clear_error_at_run_time() -> None:
    """Untyped callers get the run-time check: a TypeError naming the valid filters."""
    client = telnyx_oauth.connect("KEY", base_url="http://127.0.0.1:9")
    misspelt: dict[str, Any] = {"name_contanis": "x"}
    with pytest.raises(TypeError) as caught:
        telnyx_oauth.paginate(list_oauth_clients, client, **misspelt)
    assert str(caught.value) == (
        "unknown filter 'name_contanis'; valid filters: allowed_grant_types_contains, "
        "client_id, client_type, name, name_contains, verified"
    )
