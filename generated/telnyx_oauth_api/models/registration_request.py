from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.grant_type import GrantType
from ..models.response_type import ResponseType
from ..models.token_endpoint_auth_method import TokenEndpointAuthMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationRequest")


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
    grant_types: list[GrantType] | Unset = UNSET
    response_types: list[ResponseType] | Unset = UNSET
    redirect_uris: list[str] | Unset = UNSET
    scope: str | Unset = UNSET
    token_endpoint_auth_method: TokenEndpointAuthMethod | Unset = UNSET
    logo_uri: str | Unset = UNSET
    policy_uri: str | Unset = UNSET
    tos_uri: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        client_name = self.client_name

        grant_types: list[str] | Unset = UNSET
        if not isinstance(self.grant_types, Unset):
            grant_types = []
            for grant_types_item_data in self.grant_types:
                grant_types_item = grant_types_item_data.value
                grant_types.append(grant_types_item)

        response_types: list[str] | Unset = UNSET
        if not isinstance(self.response_types, Unset):
            response_types = []
            for response_types_item_data in self.response_types:
                response_types_item = response_types_item_data.value
                response_types.append(response_types_item)

        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris

        scope = self.scope

        token_endpoint_auth_method: str | Unset = UNSET
        if not isinstance(self.token_endpoint_auth_method, Unset):
            token_endpoint_auth_method = self.token_endpoint_auth_method.value

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
        d = dict(src_dict)
        client_name = d.pop("client_name", UNSET)

        _grant_types = d.pop("grant_types", UNSET)
        grant_types: list[GrantType] | Unset = UNSET
        if _grant_types is not UNSET:
            grant_types = []
            for grant_types_item_data in _grant_types:
                grant_types_item = GrantType(grant_types_item_data)

                grant_types.append(grant_types_item)

        _response_types = d.pop("response_types", UNSET)
        response_types: list[ResponseType] | Unset = UNSET
        if _response_types is not UNSET:
            response_types = []
            for response_types_item_data in _response_types:
                response_types_item = ResponseType(response_types_item_data)

                response_types.append(response_types_item)

        redirect_uris = cast(list[str], d.pop("redirect_uris", UNSET))

        scope = d.pop("scope", UNSET)

        _token_endpoint_auth_method = d.pop("token_endpoint_auth_method", UNSET)
        token_endpoint_auth_method: TokenEndpointAuthMethod | Unset
        if isinstance(_token_endpoint_auth_method, Unset):
            token_endpoint_auth_method = UNSET
        else:
            token_endpoint_auth_method = TokenEndpointAuthMethod(
                _token_endpoint_auth_method
            )

        logo_uri = d.pop("logo_uri", UNSET)

        policy_uri = d.pop("policy_uri", UNSET)

        tos_uri = d.pop("tos_uri", UNSET)

        registration_request = cls(
            client_name=client_name,
            grant_types=grant_types,
            response_types=response_types,
            redirect_uris=redirect_uris,
            scope=scope,
            token_endpoint_auth_method=token_endpoint_auth_method,
            logo_uri=logo_uri,
            policy_uri=policy_uri,
            tos_uri=tos_uri,
        )

        return registration_request
