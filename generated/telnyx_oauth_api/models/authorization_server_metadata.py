from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..types import UNSET, Unset, keys_repr

T = TypeVar("T", bound="AuthorizationServerMetadata")

_JSON_NAMES: dict[str, str] = {
    "issuer": "issuer",
    "authorization_endpoint": "authorization_endpoint",
    "token_endpoint": "token_endpoint",
    "response_types_supported": "response_types_supported",
    "introspection_endpoint": "introspection_endpoint",
    "jwks_uri": "jwks_uri",
    "registration_endpoint": "registration_endpoint",
    "code_challenge_methods_supported": "code_challenge_methods_supported",
    "grant_types_supported": "grant_types_supported",
    "scopes_supported": "scopes_supported",
    "token_endpoint_auth_methods_supported": "token_endpoint_auth_methods_supported",
    "introspection_endpoint_auth_methods_supported": "introspection_endpoint_auth_methods_supported",
}


@_attrs_define
class AuthorizationServerMetadata:
    """RFC 8414 authorization server metadata. Live documents carry more fields than listed; clients keep them.

    Attributes:
        issuer (str): The authorization server's issuer identifier.
        authorization_endpoint (str): URL of the authorization endpoint.
        token_endpoint (str): URL of the token endpoint.
        response_types_supported (list[str]): Supported response types.
        introspection_endpoint (str | Unset): URL of the introspection endpoint.
        jwks_uri (str | Unset): URL of the JSON Web Key Set.
        registration_endpoint (str | Unset): URL of the dynamic client registration endpoint.
        code_challenge_methods_supported (list[str] | Unset): Supported PKCE methods.
        grant_types_supported (list[str] | Unset): Supported grant types.
        scopes_supported (list[str] | Unset): Scopes a client may request.
        token_endpoint_auth_methods_supported (list[str] | Unset): Client authentication methods the token endpoint
            accepts.
        introspection_endpoint_auth_methods_supported (list[str] | Unset): Client authentication methods the
            introspection endpoint accepts (RFC 8414 section 2).
    """

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    response_types_supported: list[str]
    introspection_endpoint: str | Unset = UNSET
    jwks_uri: str | Unset = UNSET
    registration_endpoint: str | Unset = UNSET
    code_challenge_methods_supported: list[str] | Unset = UNSET
    grant_types_supported: list[str] | Unset = UNSET
    scopes_supported: list[str] | Unset = UNSET
    token_endpoint_auth_methods_supported: list[str] | Unset = UNSET
    introspection_endpoint_auth_methods_supported: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
    )

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        authorization_endpoint = self.authorization_endpoint

        token_endpoint = self.token_endpoint

        response_types_supported = self.response_types_supported

        introspection_endpoint = self.introspection_endpoint

        jwks_uri = self.jwks_uri

        registration_endpoint = self.registration_endpoint

        code_challenge_methods_supported: list[str] | Unset = UNSET
        if not isinstance(self.code_challenge_methods_supported, Unset):
            code_challenge_methods_supported = self.code_challenge_methods_supported

        grant_types_supported: list[str] | Unset = UNSET
        if not isinstance(self.grant_types_supported, Unset):
            grant_types_supported = self.grant_types_supported

        scopes_supported: list[str] | Unset = UNSET
        if not isinstance(self.scopes_supported, Unset):
            scopes_supported = self.scopes_supported

        token_endpoint_auth_methods_supported: list[str] | Unset = UNSET
        if not isinstance(self.token_endpoint_auth_methods_supported, Unset):
            token_endpoint_auth_methods_supported = (
                self.token_endpoint_auth_methods_supported
            )

        introspection_endpoint_auth_methods_supported: list[str] | Unset = UNSET
        if not isinstance(self.introspection_endpoint_auth_methods_supported, Unset):
            introspection_endpoint_auth_methods_supported = (
                self.introspection_endpoint_auth_methods_supported
            )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuer": issuer,
                "authorization_endpoint": authorization_endpoint,
                "token_endpoint": token_endpoint,
                "response_types_supported": response_types_supported,
            }
        )
        if introspection_endpoint is not UNSET:
            field_dict["introspection_endpoint"] = introspection_endpoint
        if jwks_uri is not UNSET:
            field_dict["jwks_uri"] = jwks_uri
        if registration_endpoint is not UNSET:
            field_dict["registration_endpoint"] = registration_endpoint
        if code_challenge_methods_supported is not UNSET:
            field_dict["code_challenge_methods_supported"] = (
                code_challenge_methods_supported
            )
        if grant_types_supported is not UNSET:
            field_dict["grant_types_supported"] = grant_types_supported
        if scopes_supported is not UNSET:
            field_dict["scopes_supported"] = scopes_supported
        if token_endpoint_auth_methods_supported is not UNSET:
            field_dict["token_endpoint_auth_methods_supported"] = (
                token_endpoint_auth_methods_supported
            )
        if introspection_endpoint_auth_methods_supported is not UNSET:
            field_dict["introspection_endpoint_auth_methods_supported"] = (
                introspection_endpoint_auth_methods_supported
            )

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
