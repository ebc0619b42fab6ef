from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..types import UNSET, Unset, keys_repr

T = TypeVar("T", bound="IntrospectResponse")

_JSON_NAMES: dict[str, str] = {
    "active": "active",
    "aud": "aud",
    "client_id": "client_id",
    "exp": "exp",
    "iat": "iat",
    "iss": "iss",
    "scope": "scope",
}


@_attrs_define
class IntrospectResponse:
    """The state of a token (RFC 7662). An inactive token carries `active` only.

    Attributes:
        active (bool): Whether the token is active.
        aud (str | Unset): The token's audience.
        client_id (str | Unset): The client the token was issued to.
        exp (int | Unset): Expiry, in seconds since the Unix epoch.
        iat (int | Unset): Issue time, in seconds since the Unix epoch.
        iss (str | Unset): The token's issuer.
        scope (str | Unset): Space-separated scopes of the token.
    """

    active: bool
    aud: str | Unset = UNSET
    client_id: str | Unset = UNSET
    exp: int | Unset = UNSET
    iat: int | Unset = UNSET
    iss: str | Unset = UNSET
    scope: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
    )

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        aud = self.aud

        client_id = self.client_id

        exp = self.exp

        iat = self.iat

        iss = self.iss

        scope = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
            }
        )
        if aud is not UNSET:
            field_dict["aud"] = aud
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if exp is not UNSET:
            field_dict["exp"] = exp
        if iat is not UNSET:
            field_dict["iat"] = iat
        if iss is not UNSET:
            field_dict["iss"] = iss
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        return from_json(cls, src_dict, _JSON_NAMES)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
