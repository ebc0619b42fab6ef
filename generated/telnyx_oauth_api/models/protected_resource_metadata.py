from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..types import UNSET, Unset, keys_repr

T = TypeVar("T", bound="ProtectedResourceMetadata")

_JSON_NAMES: dict[str, str] = {
    "resource": "resource",
    "authorization_servers": "authorization_servers",
}


@_attrs_define
class ProtectedResourceMetadata:
    """RFC 9728 protected resource metadata.

    Attributes:
        resource (str): The protected resource's identifier.
        authorization_servers (list[str] | Unset): Issuer identifiers of the authorization servers for this resource.
    """

    resource: str
    authorization_servers: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
    )

    def to_dict(self) -> dict[str, Any]:
        resource = self.resource

        authorization_servers: list[str] | Unset = UNSET
        if not isinstance(self.authorization_servers, Unset):
            authorization_servers = self.authorization_servers

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resource": resource,
            }
        )
        if authorization_servers is not UNSET:
            field_dict["authorization_servers"] = authorization_servers

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
