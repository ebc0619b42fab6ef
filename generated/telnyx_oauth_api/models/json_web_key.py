from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr


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

    __slots__ = (
        "kty",
        "kid",
        "alg",
        "use",
        "n",
        "e",
        "additional_properties",
    )

    kty: str
    kid: str | Unset
    alg: str | Unset
    use: str | Unset
    n: str | Unset
    e: str | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        kty: str,
        kid: str | Unset = UNSET,
        alg: str | Unset = UNSET,
        use: str | Unset = UNSET,
        n: str | Unset = UNSET,
        e: str | Unset = UNSET,
    ) -> None:
        self.kty = kty
        self.kid = kid
        self.alg = alg
        self.use = use
        self.n = n
        self.e = e
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "JsonWebKey",
            (
                ("kty", self.kty),
                ("kid", self.kid),
                ("alg", self.alg),
                ("use", self.use),
                ("n", self.n),
                ("e", self.e),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if not isinstance(other, JsonWebKey) or other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.kty,
            self.kid,
            self.alg,
            self.use,
            self.n,
            self.e,
            self.additional_properties,
        ) == (
            other.kty,
            other.kid,
            other.alg,
            other.use,
            other.n,
            other.e,
            other.additional_properties,
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
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a JsonWebKey from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("kty", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("kty", "a string", _value)
        obj.kty = _value

        _value = d.pop("kid", UNSET)
        if _value is UNSET:
            obj.kid = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("kid", "a string", _value)
            obj.kid = _value

        _value = d.pop("alg", UNSET)
        if _value is UNSET:
            obj.alg = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("alg", "a string", _value)
            obj.alg = _value

        _value = d.pop("use", UNSET)
        if _value is UNSET:
            obj.use = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("use", "a string", _value)
            obj.use = _value

        _value = d.pop("n", UNSET)
        if _value is UNSET:
            obj.n = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("n", "a string", _value)
            obj.n = _value

        _value = d.pop("e", UNSET)
        if _value is UNSET:
            obj.e = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("e", "a string", _value)
            obj.e = _value

        additional_properties: dict[str, Any] = {}
        for prop_name, prop_value in d.items():
            additional_properties[prop_name] = prop_value

        obj.additional_properties = additional_properties
        return obj

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
