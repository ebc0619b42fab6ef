from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.client_type import ClientType
from ..models.grant_type import GrantType
from ..models.oauth_client_record_type import OAuthClientRecordType
from ..types import UNSET, Unset

T = TypeVar("T", bound="OAuthClient")


@_attrs_define
class OAuthClient:
    """An OAuth client. It has no `id`; `client_id` identifies it.

    Attributes:
        record_type (OAuthClientRecordType): The record type of an OAuth client, always `oauth_client`.
        client_id (str): The client ID, a UUID.
        name (str): The client's name.
        org_id (str): The organization that owns the client.
        user_id (str): The user that created the client.
        client_type (ClientType): Whether the client can keep a secret (`confidential`) or not (`public`).
        require_pkce (bool): Whether authorization requests must use PKCE.
        created_at (datetime.datetime): When the client was created.
        updated_at (datetime.datetime): When the client last changed.
        allowed_grant_types (list[GrantType] | Unset): Grant types the client may use.
        allowed_scopes (list[str] | Unset): Scopes the client may ask for.
        redirect_uris (list[str] | Unset): Registered redirect URIs.
        client_secret (None | str | Unset): The client secret; shown once, in the answer that creates a confidential
            client, and null otherwise.
        logo_uri (None | str | Unset): The client's logo.
        policy_uri (None | str | Unset): The client's privacy policy.
        tos_uri (None | str | Unset): The client's terms of service.
    """

    record_type: OAuthClientRecordType
    client_id: str
    name: str
    org_id: str
    user_id: str
    client_type: ClientType
    require_pkce: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    allowed_grant_types: list[GrantType] | Unset = UNSET
    allowed_scopes: list[str] | Unset = UNSET
    redirect_uris: list[str] | Unset = UNSET
    client_secret: None | str | Unset = UNSET
    logo_uri: None | str | Unset = UNSET
    policy_uri: None | str | Unset = UNSET
    tos_uri: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        record_type = self.record_type.value

        client_id = self.client_id

        name = self.name

        org_id = self.org_id

        user_id = self.user_id

        client_type = self.client_type.value

        require_pkce = self.require_pkce

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        allowed_grant_types: list[str] | Unset = UNSET
        if not isinstance(self.allowed_grant_types, Unset):
            allowed_grant_types = []
            for allowed_grant_types_item_data in self.allowed_grant_types:
                allowed_grant_types_item = allowed_grant_types_item_data.value
                allowed_grant_types.append(allowed_grant_types_item)

        allowed_scopes: list[str] | Unset = UNSET
        if not isinstance(self.allowed_scopes, Unset):
            allowed_scopes = self.allowed_scopes

        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris

        client_secret: None | str | Unset
        if isinstance(self.client_secret, Unset):
            client_secret = UNSET
        else:
            client_secret = self.client_secret

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
                "record_type": record_type,
                "client_id": client_id,
                "name": name,
                "org_id": org_id,
                "user_id": user_id,
                "client_type": client_type,
                "require_pkce": require_pkce,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if allowed_grant_types is not UNSET:
            field_dict["allowed_grant_types"] = allowed_grant_types
        if allowed_scopes is not UNSET:
            field_dict["allowed_scopes"] = allowed_scopes
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if logo_uri is not UNSET:
            field_dict["logo_uri"] = logo_uri
        if policy_uri is not UNSET:
            field_dict["policy_uri"] = policy_uri
        if tos_uri is not UNSET:
            field_dict["tos_uri"] = tos_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        record_type = OAuthClientRecordType(d.pop("record_type"))

        client_id = d.pop("client_id")

        name = d.pop("name")

        org_id = d.pop("org_id")

        user_id = d.pop("user_id")

        client_type = ClientType(d.pop("client_type"))

        require_pkce = d.pop("require_pkce")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        _allowed_grant_types = d.pop("allowed_grant_types", UNSET)
        allowed_grant_types: list[GrantType] | Unset = UNSET
        if _allowed_grant_types is not UNSET:
            allowed_grant_types = []
            for allowed_grant_types_item_data in _allowed_grant_types:
                allowed_grant_types_item = GrantType(allowed_grant_types_item_data)

                allowed_grant_types.append(allowed_grant_types_item)

        allowed_scopes = cast(list[str], d.pop("allowed_scopes", UNSET))

        redirect_uris = cast(list[str], d.pop("redirect_uris", UNSET))

        def _parse_client_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_secret = _parse_client_secret(d.pop("client_secret", UNSET))

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

        oauth_client = cls(
            record_type=record_type,
            client_id=client_id,
            name=name,
            org_id=org_id,
            user_id=user_id,
            client_type=client_type,
            require_pkce=require_pkce,
            created_at=created_at,
            updated_at=updated_at,
            allowed_grant_types=allowed_grant_types,
            allowed_scopes=allowed_scopes,
            redirect_uris=redirect_uris,
            client_secret=client_secret,
            logo_uri=logo_uri,
            policy_uri=policy_uri,
            tos_uri=tos_uri,
        )

        oauth_client.additional_properties = d
        return oauth_client

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
