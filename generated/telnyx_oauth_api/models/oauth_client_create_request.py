from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..models.client_type import ClientType, ClientTypeValue
from ..models.grant_type import GrantType, GrantTypeValue
from ..types import UNSET, Unset


def _to_client_type(value: ClientType | ClientTypeValue) -> ClientType:
    return ClientType.coerce(value, "OAuthClientCreateRequest.client_type")


def _to_allowed_grant_types(
    value: Sequence[GrantType | GrantTypeValue],
) -> list[GrantType]:
    return GrantType.coerce_list(value, "OAuthClientCreateRequest.allowed_grant_types")


T = TypeVar("T", bound="OAuthClientCreateRequest")

_JSON_NAMES: dict[str, str] = {
    "name": "name",
    "allowed_scopes": "allowed_scopes",
    "client_type": "client_type",
    "allowed_grant_types": "allowed_grant_types",
    "redirect_uris": "redirect_uris",
    "require_pkce": "require_pkce",
    "logo_uri": "logo_uri",
    "policy_uri": "policy_uri",
    "tos_uri": "tos_uri",
}


@_attrs_define
class OAuthClientCreateRequest:
    """A new OAuth client. Unknown fields are rejected.

    Attributes:
        name (str): The client's name.
        allowed_scopes (list[str]): Scopes the client may ask for.
        client_type (ClientType): Whether the client can keep a secret (`confidential`) or not (`public`).
        allowed_grant_types (list[GrantType]): Grant types the client may use.
        redirect_uris (list[str] | Unset): Redirect URIs, matched exactly.
        require_pkce (bool | Unset): Whether authorization requests must use PKCE. The server's default is false.
        logo_uri (str | Unset): The client's logo.
        policy_uri (str | Unset): The client's privacy policy.
        tos_uri (str | Unset): The client's terms of service.
    """

    name: str
    allowed_scopes: list[str]
    client_type: ClientType = _attrs_field(
        converter=_to_client_type,
    )
    allowed_grant_types: list[GrantType] = _attrs_field(
        converter=_to_allowed_grant_types,
    )
    redirect_uris: list[str] | Unset = UNSET
    require_pkce: bool | Unset = UNSET
    logo_uri: str | Unset = UNSET
    policy_uri: str | Unset = UNSET
    tos_uri: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        allowed_scopes = self.allowed_scopes

        client_type = ClientType.coerce(self.client_type, "client_type").value

        allowed_grant_types = []
        for allowed_grant_types_item_data in self.allowed_grant_types:
            allowed_grant_types_item = GrantType.coerce(
                allowed_grant_types_item_data, "allowed_grant_types_item"
            ).value
            allowed_grant_types.append(allowed_grant_types_item)

        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris

        require_pkce = self.require_pkce

        logo_uri = self.logo_uri

        policy_uri = self.policy_uri

        tos_uri = self.tos_uri

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "allowed_scopes": allowed_scopes,
                "client_type": client_type,
                "allowed_grant_types": allowed_grant_types,
            }
        )
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if require_pkce is not UNSET:
            field_dict["require_pkce"] = require_pkce
        if logo_uri is not UNSET:
            field_dict["logo_uri"] = logo_uri
        if policy_uri is not UNSET:
            field_dict["policy_uri"] = policy_uri
        if tos_uri is not UNSET:
            field_dict["tos_uri"] = tos_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        return from_json(cls, src_dict, _JSON_NAMES)
