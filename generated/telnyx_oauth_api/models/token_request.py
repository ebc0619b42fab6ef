from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..models.grant_type import GrantType, GrantTypeValue
from ..types import UNSET, Unset, keys_repr, secret_repr


def _to_grant_type(value: GrantType | GrantTypeValue) -> GrantType:
    return GrantType.coerce(value, "TokenRequest.grant_type")


T = TypeVar("T", bound="TokenRequest")

_JSON_NAMES: dict[str, str] = {
    "grant_type": "grant_type",
    "client_id": "client_id",
    "client_secret": "client_secret",
    "code": "code",
    "code_verifier": "code_verifier",
    "redirect_uri": "redirect_uri",
    "refresh_token": "refresh_token",
    "scope": "scope",
}


@_attrs_define
class TokenRequest:
    """A token request. Which fields apply depends on `grant_type`.

    Attributes:
        grant_type (GrantType): An OAuth 2.0 grant type.
        client_id (str | Unset): The client, for `client_secret_post` and public clients.
        client_secret (str | Unset): The client secret, for `client_secret_post`.
        code (str | Unset): The authorization code (`authorization_code` grant).
        code_verifier (str | Unset): The PKCE code verifier (`authorization_code` grant).
        redirect_uri (str | Unset): The redirect URI used in the authorization request (`authorization_code` grant).
        refresh_token (str | Unset): The refresh token (`refresh_token` grant).
        scope (str | Unset): Space-separated scopes asked for.
    """

    grant_type: GrantType = _attrs_field(
        converter=_to_grant_type,
    )
    client_id: str | Unset = UNSET
    client_secret: str | Unset = _attrs_field(repr=secret_repr, default=UNSET)
    code: str | Unset = _attrs_field(repr=secret_repr, default=UNSET)
    code_verifier: str | Unset = _attrs_field(repr=secret_repr, default=UNSET)
    redirect_uri: str | Unset = UNSET
    refresh_token: str | Unset = _attrs_field(repr=secret_repr, default=UNSET)
    scope: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
    )

    def to_dict(self) -> dict[str, Any]:
        grant_type = GrantType.coerce(self.grant_type, "grant_type").value

        client_id = self.client_id

        client_secret = self.client_secret

        code = self.code

        code_verifier = self.code_verifier

        redirect_uri = self.redirect_uri

        refresh_token = self.refresh_token

        scope = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
            }
        )
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if code is not UNSET:
            field_dict["code"] = code
        if code_verifier is not UNSET:
            field_dict["code_verifier"] = code_verifier
        if redirect_uri is not UNSET:
            field_dict["redirect_uri"] = redirect_uri
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
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
