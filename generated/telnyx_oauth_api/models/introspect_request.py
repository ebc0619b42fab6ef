from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..types import UNSET, Unset, keys_repr, secret_repr

T = TypeVar("T", bound="IntrospectRequest")

_JSON_NAMES: dict[str, str] = {
    "token": "token",
    "client_id": "client_id",
    "client_secret": "client_secret",
}


@_attrs_define
class IntrospectRequest:
    """An introspection request (RFC 7662).

    Attributes:
        token (str): The token to introspect.
        client_id (str | Unset): The calling client, for `client_secret_post` and public clients.
        client_secret (str | Unset): The calling client's secret, for `client_secret_post`.
    """

    token: str = _attrs_field(
        repr=secret_repr,
    )
    client_id: str | Unset = UNSET
    client_secret: str | Unset = _attrs_field(repr=secret_repr, default=UNSET)
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
    )

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        client_id = self.client_id

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "token": token,
            }
        )
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret

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
