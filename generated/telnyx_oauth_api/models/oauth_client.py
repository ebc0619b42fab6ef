from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..models.oauth_client_record_type import (
    OAuthClientRecordType,
    OAuthClientRecordTypeValue,
)
from ..types import UNSET, Unset, keys_repr, secret_repr


def _to_record_type(
    value: OAuthClientRecordType | OAuthClientRecordTypeValue,
) -> OAuthClientRecordType:
    return OAuthClientRecordType.coerce(value, "OAuthClient.record_type")


T = TypeVar("T", bound="OAuthClient")

_JSON_NAMES: dict[str, str] = {
    "record_type": "record_type",
    "client_id": "client_id",
    "name": "name",
    "org_id": "org_id",
    "user_id": "user_id",
    "client_type": "client_type",
    "require_pkce": "require_pkce",
    "created_at": "created_at",
    "updated_at": "updated_at",
    "allowed_grant_types": "allowed_grant_types",
    "allowed_scopes": "allowed_scopes",
    "redirect_uris": "redirect_uris",
    "client_secret": "client_secret",
    "logo_uri": "logo_uri",
    "policy_uri": "policy_uri",
    "tos_uri": "tos_uri",
}


@_attrs_define
class OAuthClient:
    """An OAuth client. It has no `id`; `client_id` identifies it.

    Attributes:
        record_type (OAuthClientRecordType): The record type of an OAuth client, always `oauth_client`.
        client_id (str): The client ID, a UUID.
        name (str): The client's name.
        org_id (str): The organization that owns the client.
        user_id (str): The user that created the client.
        client_type (str): A client type in an answer; a value not listed in `ClientType` may appear as the API grows,
            and clients keep it.
        require_pkce (bool): Whether authorization requests must use PKCE.
        created_at (datetime.datetime): When the client was created.
        updated_at (datetime.datetime): When the client last changed.
        allowed_grant_types (list[str] | Unset): Grant types the client may use.
        allowed_scopes (list[str] | Unset): Scopes the client may ask for.
        redirect_uris (list[str] | Unset): Registered redirect URIs.
        client_secret (None | str | Unset): The client secret; shown once, in the answer that creates a confidential
            client, and null otherwise.
        logo_uri (None | str | Unset): The client's logo.
        policy_uri (None | str | Unset): The client's privacy policy.
        tos_uri (None | str | Unset): The client's terms of service.
    """

    record_type: OAuthClientRecordType = _attrs_field(
        converter=_to_record_type,
    )
    client_id: str
    name: str
    org_id: str
    user_id: str
    client_type: str
    require_pkce: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    allowed_grant_types: list[str] | Unset = UNSET
    allowed_scopes: list[str] | Unset = UNSET
    redirect_uris: list[str] | Unset = UNSET
    client_secret: None | str | Unset = _attrs_field(repr=secret_repr, default=UNSET)
    logo_uri: None | str | Unset = UNSET
    policy_uri: None | str | Unset = UNSET
    tos_uri: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
    )

    def to_dict(self) -> dict[str, Any]:
        record_type = OAuthClientRecordType.coerce(
            self.record_type, "record_type"
        ).value

        client_id = self.client_id

        name = self.name

        org_id = self.org_id

        user_id = self.user_id

        client_type = self.client_type

        require_pkce = self.require_pkce

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        allowed_grant_types: list[str] | Unset = UNSET
        if not isinstance(self.allowed_grant_types, Unset):
            allowed_grant_types = self.allowed_grant_types

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
