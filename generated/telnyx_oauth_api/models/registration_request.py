from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..models.grant_type import GrantType, GrantTypeValue
from ..models.response_type import ResponseType, ResponseTypeValue
from ..models.token_endpoint_auth_method import (
    TokenEndpointAuthMethod,
    TokenEndpointAuthMethodValue,
)
from ..types import UNSET, Unset


def _to_grant_types(
    value: Sequence[GrantType | GrantTypeValue] | Unset,
) -> list[GrantType] | Unset:
    if isinstance(value, Unset):
        return value
    return GrantType.coerce_list(value, "RegistrationRequest.grant_types")


def _to_response_types(
    value: Sequence[ResponseType | ResponseTypeValue] | Unset,
) -> list[ResponseType] | Unset:
    if isinstance(value, Unset):
        return value
    return ResponseType.coerce_list(value, "RegistrationRequest.response_types")


def _to_token_endpoint_auth_method(
    value: TokenEndpointAuthMethod | TokenEndpointAuthMethodValue | Unset,
) -> TokenEndpointAuthMethod | Unset:
    if isinstance(value, Unset):
        return value
    return TokenEndpointAuthMethod.coerce(
        value, "RegistrationRequest.token_endpoint_auth_method"
    )


T = TypeVar("T", bound="RegistrationRequest")

_JSON_NAMES: dict[str, str] = {
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
class RegistrationRequest:
    """Client metadata for dynamic registration (RFC 7591). Every field is optional; unknown fields are rejected.

    Attributes:
        client_name (str | Unset): The client's name.
        grant_types (list[GrantType] | Unset): Grant types the client will use. The server's default is
            `[authorization_code]`.
        response_types (list[ResponseType] | Unset): Response types the client will use. The server's default is
            `[code]`.
        redirect_uris (list[str] | Unset): Redirect URIs, matched exactly.
        scope (str | Unset): Space-separated scopes the client may ask for.
        token_endpoint_auth_method (TokenEndpointAuthMethod | Unset): How a client authenticates at the token endpoint.
        logo_uri (str | Unset): The client's logo.
        policy_uri (str | Unset): The client's privacy policy.
        tos_uri (str | Unset): The client's terms of service.
    """

    client_name: str | Unset = UNSET
    grant_types: list[GrantType] | Unset = _attrs_field(
        converter=_to_grant_types, default=UNSET
    )
    response_types: list[ResponseType] | Unset = _attrs_field(
        converter=_to_response_types, default=UNSET
    )
    redirect_uris: list[str] | Unset = UNSET
    scope: str | Unset = UNSET
    token_endpoint_auth_method: TokenEndpointAuthMethod | Unset = _attrs_field(
        converter=_to_token_endpoint_auth_method, default=UNSET
    )
    logo_uri: str | Unset = UNSET
    policy_uri: str | Unset = UNSET
    tos_uri: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        client_name = self.client_name

        grant_types: list[str] | Unset = UNSET
        if not isinstance(self.grant_types, Unset):
            grant_types = []
            for grant_types_item_data in self.grant_types:
                grant_types_item = GrantType.coerce(
                    grant_types_item_data, "grant_types_item"
                ).value
                grant_types.append(grant_types_item)

        response_types: list[str] | Unset = UNSET
        if not isinstance(self.response_types, Unset):
            response_types = []
            for response_types_item_data in self.response_types:
                response_types_item = ResponseType.coerce(
                    response_types_item_data, "response_types_item"
                ).value
                response_types.append(response_types_item)

        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris

        scope = self.scope

        token_endpoint_auth_method: str | Unset = UNSET
        if not isinstance(self.token_endpoint_auth_method, Unset):
            token_endpoint_auth_method = TokenEndpointAuthMethod.coerce(
                self.token_endpoint_auth_method, "token_endpoint_auth_method"
            ).value

        logo_uri = self.logo_uri

        policy_uri = self.policy_uri

        tos_uri = self.tos_uri

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
