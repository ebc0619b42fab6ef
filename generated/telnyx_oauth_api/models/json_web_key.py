from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..types import UNSET, Unset, keys_repr

T = TypeVar("T", bound="JsonWebKey")

_JSON_NAMES: dict[str, str] = {
    "kty": "kty",
    "kid": "kid",
    "alg": "alg",
    "use": "use",
    "n": "n",
    "e": "e",
}


@_attrs_define
class JsonWebKey:
    """A public JSON Web Key (RFC 7517). RSA keys carry `n` and `e`.

    Attributes:
        kty (str): The key type, such as `RSA`.
        kid (str | Unset): The key ID, matched against a token's `kid` header.
        alg (str | Unset): The algorithm the key is used with, such as `RS256`.
        use (str | Unset): The key's use, `sig` for signing.
        n (str | Unset): RSA modulus, base64url.
        e (str | Unset): RSA public exponent, base64url.
    """

    kty: str
    kid: str | Unset = UNSET
    alg: str | Unset = UNSET
    use: str | Unset = UNSET
    n: str | Unset = UNSET
    e: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
    )

    def to_dict(self) -> dict[str, Any]:
        kty = self.kty

        kid = self.kid

        alg = self.alg

        use = self.use

        n = self.n

        e = self.e

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kty": kty,
            }
        )
        if kid is not UNSET:
            field_dict["kid"] = kid
        if alg is not UNSET:
            field_dict["alg"] = alg
        if use is not UNSET:
            field_dict["use"] = use
        if n is not UNSET:
            field_dict["n"] = n
        if e is not UNSET:
            field_dict["e"] = e

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
