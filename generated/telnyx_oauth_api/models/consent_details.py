from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..types import UNSET, Unset, keys_repr

if TYPE_CHECKING:
    from ..models.requested_scope import RequestedScope


T = TypeVar("T", bound="ConsentDetails")

_JSON_NAMES: dict[str, str] = {
    "client_id": "client_id",
    "name": "name",
    "redirect_uri": "redirect_uri",
    "verified": "verified",
    "requested_scopes": "requested_scopes",
    "logo_uri": "logo_uri",
    "policy_uri": "policy_uri",
    "tos_uri": "tos_uri",
}


@_attrs_define
class ConsentDetails:
    """What the user is asked to consent to. Telnyx's reference guarantees none of its fields.

    Attributes:
        client_id (str | Unset): The client asking for authorization.
        name (str | Unset): The client's name.
        redirect_uri (str | Unset): Where the user is sent after deciding.
        verified (bool | Unset): Whether Telnyx verified the client.
        requested_scopes (list[RequestedScope] | Unset): The scopes asked for.
        logo_uri (None | str | Unset): The client's logo.
        policy_uri (None | str | Unset): The client's privacy policy.
        tos_uri (None | str | Unset): The client's terms of service.
    """

    client_id: str | Unset = UNSET
    name: str | Unset = UNSET
    redirect_uri: str | Unset = UNSET
    verified: bool | Unset = UNSET
    requested_scopes: list[RequestedScope] | Unset = UNSET
    logo_uri: None | str | Unset = UNSET
    policy_uri: None | str | Unset = UNSET
    tos_uri: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
    )

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        name = self.name

        redirect_uri = self.redirect_uri

        verified = self.verified

        requested_scopes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.requested_scopes, Unset):
            requested_scopes = []
            for requested_scopes_item_data in self.requested_scopes:
                requested_scopes_item = requested_scopes_item_data.to_dict()
                requested_scopes.append(requested_scopes_item)

        logo_uri: None | str | Unset
        if isinstance(self.logo_uri, Unset):
            logo_uri = UNSET
        else:
            logo_uri = self.logo_uri

        policy_uri: None | str | Unset
        if isinstance(self.policy_uri, Unset):
            policy_uri = UNSET
        else:
            policy_uri = self.policy_uri

        tos_uri: None | str | Unset
        if isinstance(self.tos_uri, Unset):
            tos_uri = UNSET
        else:
            tos_uri = self.tos_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if name is not UNSET:
            field_dict["name"] = name
        if redirect_uri is not UNSET:
            field_dict["redirect_uri"] = redirect_uri
        if verified is not UNSET:
            field_dict["verified"] = verified
        if requested_scopes is not UNSET:
            field_dict["requested_scopes"] = requested_scopes
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
