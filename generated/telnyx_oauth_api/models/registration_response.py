from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..types import UNSET, Unset, keys_repr, secret_repr

T = TypeVar("T", bound="RegistrationResponse")

_JSON_NAMES: dict[str, str] = {
    "client_id": "client_id",
    "client_id_issued_at": "client_id_issued_at",
    "client_secret": "client_secret",
    "client_secret_expires_at": "client_secret_expires_at",
    "client_name": "client_name",
    "grant_types": "grant_types",
    "response_types": "response_types",
    "redirect_uris": "redirect_uris",
    "scope": "scope",
    "token_endpoint_auth_method": "token_endpoint_auth_method",
    "logo_uri": "logo_uri",
    "policy_uri": "policy_uri",
    "tos_uri": "tos_uri",
}


@_attrs_define
class RegistrationResponse:
    """A registered client (RFC 7591 section 3.2.1).

    Attributes:
        client_id (str): The new client's ID.
        client_id_issued_at (int): When the ID was issued, in seconds since the Unix epoch.
        client_secret (str | Unset): The client secret; confidential clients only, shown once.
        client_secret_expires_at (int | Unset): When the client secret expires, in seconds since the Unix epoch, or 0
            for never; sent with `client_secret` (RFC 7591 section 3.2.1).
        client_name (str | Unset): The client's name.
        grant_types (list[str] | Unset): Registered grant types.
        response_types (list[str] | Unset): Registered response types.
        redirect_uris (list[str] | Unset): Registered redirect URIs.
        scope (str | Unset): Space-separated registered scopes.
        token_endpoint_auth_method (str | Unset): A client authentication method in an answer; a value not listed in
            `TokenEndpointAuthMethod` may appear as the API grows, and clients keep it.
        logo_uri (str | Unset): The client's logo.
        policy_uri (str | Unset): The client's privacy policy.
        tos_uri (str | Unset): The client's terms of service.
    """

    client_id: str
    client_id_issued_at: int
    client_secret: str | Unset = _attrs_field(repr=secret_repr, default=UNSET)
    client_secret_expires_at: int | Unset = UNSET
    client_name: str | Unset = UNSET
    grant_types: list[str] | Unset = UNSET
    response_types: list[str] | Unset = UNSET
    redirect_uris: list[str] | Unset = UNSET
    scope: str | Unset = UNSET
    token_endpoint_auth_method: str | Unset = UNSET
    logo_uri: str | Unset = UNSET
    policy_uri: str | Unset = UNSET
    tos_uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
    )

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        client_id_issued_at = self.client_id_issued_at

        client_secret = self.client_secret

        client_secret_expires_at = self.client_secret_expires_at

        client_name = self.client_name

        grant_types: list[str] | Unset = UNSET
        if not isinstance(self.grant_types, Unset):
            grant_types = self.grant_types

        response_types: list[str] | Unset = UNSET
        if not isinstance(self.response_types, Unset):
            response_types = self.response_types

        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris

        scope = self.scope

        token_endpoint_auth_method = self.token_endpoint_auth_method

        logo_uri = self.logo_uri

        policy_uri = self.policy_uri

        tos_uri = self.tos_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_id": client_id,
                "client_id_issued_at": client_id_issued_at,
            }
        )
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if client_secret_expires_at is not UNSET:
            field_dict["client_secret_expires_at"] = client_secret_expires_at
        if client_name is not UNSET:
            field_dict["client_name"] = client_name
        if grant_types is not UNSET:
            field_dict["grant_types"] = grant_types
        if response_types is not UNSET:
            field_dict["response_types"] = response_types
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if scope is not UNSET:
            field_dict["scope"] = scope
        if token_endpoint_auth_method is not UNSET:
            field_dict["token_endpoint_auth_method"] = token_endpoint_auth_method
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
