from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.requested_scope import RequestedScope


T = TypeVar("T", bound="ConsentDetails")


@_attrs_define
class ConsentDetails:
    """What the user is asked to consent to.

    Attributes:
        client_id (str): The client asking for authorization.
        name (str): The client's name.
        redirect_uri (str): Where the user is sent after deciding.
        verified (bool): Whether Telnyx verified the client.
        requested_scopes (list[RequestedScope]): The scopes asked for.
        logo_uri (None | str | Unset): The client's logo.
        policy_uri (None | str | Unset): The client's privacy policy.
        tos_uri (None | str | Unset): The client's terms of service.
    """

    client_id: str
    name: str
    redirect_uri: str
    verified: bool
    requested_scopes: list[RequestedScope]
    logo_uri: None | str | Unset = UNSET
    policy_uri: None | str | Unset = UNSET
    tos_uri: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        name = self.name

        redirect_uri = self.redirect_uri

        verified = self.verified

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
        field_dict.update(
            {
                "client_id": client_id,
                "name": name,
                "redirect_uri": redirect_uri,
                "verified": verified,
                "requested_scopes": requested_scopes,
            }
        )
        if logo_uri is not UNSET:
            field_dict["logo_uri"] = logo_uri
        if policy_uri is not UNSET:
            field_dict["policy_uri"] = policy_uri
        if tos_uri is not UNSET:
            field_dict["tos_uri"] = tos_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.requested_scope import RequestedScope  # noqa: PLC0415

        d = dict(src_dict)
        client_id = d.pop("client_id")

        name = d.pop("name")

        redirect_uri = d.pop("redirect_uri")

        verified = d.pop("verified")

        requested_scopes = []
        _requested_scopes = d.pop("requested_scopes")
        for requested_scopes_item_data in _requested_scopes:
            requested_scopes_item = RequestedScope.from_dict(requested_scopes_item_data)

            requested_scopes.append(requested_scopes_item)

        def _parse_logo_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logo_uri = _parse_logo_uri(d.pop("logo_uri", UNSET))

        def _parse_policy_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        policy_uri = _parse_policy_uri(d.pop("policy_uri", UNSET))

        def _parse_tos_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tos_uri = _parse_tos_uri(d.pop("tos_uri", UNSET))

        consent_details = cls(
            client_id=client_id,
            name=name,
            redirect_uri=redirect_uri,
            verified=verified,
            requested_scopes=requested_scopes,
            logo_uri=logo_uri,
            policy_uri=policy_uri,
            tos_uri=tos_uri,
        )

        consent_details.additional_properties = d
        return consent_details

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
