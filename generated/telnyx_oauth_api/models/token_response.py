from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..types import UNSET, Unset, keys_repr, secret_repr

T = TypeVar("T", bound="TokenResponse")

_JSON_NAMES: dict[str, str] = {
    "access_token": "access_token",
    "token_type": "token_type",
    "expires_in": "expires_in",
    "refresh_token": "refresh_token",
    "scope": "scope",
}


@_attrs_define
class TokenResponse:
    """An issued access token (RFC 6749 section 5.1).

    Attributes:
        access_token (str): The access token.
        token_type (str): The type of an issued token, `Bearer`. Its case is not significant (RFC 6749 section 5.1), so
            `bearer` is the same type; compare without regard to case. Other token types exist (`DPoP`, RFC 9449) and may
            appear.
        expires_in (int): Lifetime of the access token in seconds.
        refresh_token (str | Unset): A refresh token, when the grant issues one.
        scope (str | Unset): Space-separated scopes of the access token.
    """

    access_token: str = _attrs_field(
        repr=secret_repr,
    )
    token_type: str
    expires_in: int
    refresh_token: str | Unset = _attrs_field(repr=secret_repr, default=UNSET)
    scope: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
    )

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type

        expires_in = self.expires_in

        refresh_token = self.refresh_token

        scope = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "token_type": token_type,
                "expires_in": expires_in,
            }
        )
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
