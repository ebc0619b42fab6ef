from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..models.grant_type import GrantType, GrantTypeValue
from ..types import UNSET, Unset


def _to_allowed_grant_types(
    value: Sequence[GrantType | GrantTypeValue] | Unset,
) -> list[GrantType] | Unset:
    if isinstance(value, Unset):
        return value
    return GrantType.coerce_list(value, "OAuthClientUpdateRequest.allowed_grant_types")


T = TypeVar("T", bound="OAuthClientUpdateRequest")

_JSON_NAMES: dict[str, str] = {
    "name": "name",
    "allowed_scopes": "allowed_scopes",
    "allowed_grant_types": "allowed_grant_types",
    "redirect_uris": "redirect_uris",
    "require_pkce": "require_pkce",
    "logo_uri": "logo_uri",
    "policy_uri": "policy_uri",
    "tos_uri": "tos_uri",
}


@_attrs_define
class OAuthClientUpdateRequest:
    """Changes to an OAuth client; absent fields keep their value. Unknown fields are rejected.

    Attributes:
        name (str | Unset): The client's name.
        allowed_scopes (list[str] | Unset): Scopes the client may ask for.
        allowed_grant_types (list[GrantType] | Unset): Grant types the client may use.
        redirect_uris (list[str] | Unset): Redirect URIs, matched exactly.
        require_pkce (bool | Unset): Whether authorization requests must use PKCE.
        logo_uri (str | Unset): The client's logo.
        policy_uri (str | Unset): The client's privacy policy.
        tos_uri (str | Unset): The client's terms of service.
    """

    name: str | Unset = UNSET
    allowed_scopes: list[str] | Unset = UNSET
    allowed_grant_types: list[GrantType] | Unset = _attrs_field(
        converter=_to_allowed_grant_types, default=UNSET
    )
    redirect_uris: list[str] | Unset = UNSET
    require_pkce: bool | Unset = UNSET
    logo_uri: str | Unset = UNSET
    policy_uri: str | Unset = UNSET
    tos_uri: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        allowed_scopes: list[str] | Unset = UNSET
        if not isinstance(self.allowed_scopes, Unset):
            allowed_scopes = self.allowed_scopes

        allowed_grant_types: list[str] | Unset = UNSET
        if not isinstance(self.allowed_grant_types, Unset):
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

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if allowed_scopes is not UNSET:
            field_dict["allowed_scopes"] = allowed_scopes
        if allowed_grant_types is not UNSET:
            field_dict["allowed_grant_types"] = allowed_grant_types
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
