from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr


class IntrospectResponse:
    """The state of a token (RFC 7662). An inactive token carries `active` only.

    Attributes:
        active (bool): Whether the token is active.
        aud (str | Unset): The token's audience.
        client_id (str | Unset): The client the token was issued to.
        exp (int | Unset): Expiry, in seconds since the Unix epoch.
        iat (int | Unset): Issue time, in seconds since the Unix epoch.
        iss (str | Unset): The token's issuer.
        scope (str | Unset): Space-separated scopes of the token.
    """

    __slots__ = (
        "active",
        "aud",
        "client_id",
        "exp",
        "iat",
        "iss",
        "scope",
        "additional_properties",
    )

    active: bool
    aud: str | Unset
    client_id: str | Unset
    exp: int | Unset
    iat: int | Unset
    iss: str | Unset
    scope: str | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        active: bool,
        aud: str | Unset = UNSET,
        client_id: str | Unset = UNSET,
        exp: int | Unset = UNSET,
        iat: int | Unset = UNSET,
        iss: str | Unset = UNSET,
        scope: str | Unset = UNSET,
    ) -> None:
        self.active = active
        self.aud = aud
        self.client_id = client_id
        self.exp = exp
        self.iat = iat
        self.iss = iss
        self.scope = scope
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "IntrospectResponse",
            (
                ("active", self.active),
                ("aud", self.aud),
                ("client_id", self.client_id),
                ("exp", self.exp),
                ("iat", self.iat),
                ("iss", self.iss),
                ("scope", self.scope),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, IntrospectResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.active,
            self.aud,
            self.client_id,
            self.exp,
            self.iat,
            self.iss,
            self.scope,
            self.additional_properties,
        ) == (
            other.active,
            other.aud,
            other.client_id,
            other.exp,
            other.iat,
            other.iss,
            other.scope,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        aud = self.aud

        client_id = self.client_id

        exp = self.exp

        iat = self.iat

        iss = self.iss

        scope = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
            }
        )
        if aud is not UNSET:
            field_dict["aud"] = aud
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if exp is not UNSET:
            field_dict["exp"] = exp
        if iat is not UNSET:
            field_dict["iat"] = iat
        if iss is not UNSET:
            field_dict["iss"] = iss
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a IntrospectResponse from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("active", UNSET)
        if not isinstance(_value, bool):
            raise InvalidDataError.of("active", "a boolean", _value)
        obj.active = _value

        _value = d.pop("aud", UNSET)
        if _value is UNSET:
            obj.aud = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("aud", "a string", _value)
            obj.aud = _value

        _value = d.pop("client_id", UNSET)
        if _value is UNSET:
            obj.client_id = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("client_id", "a string", _value)
            obj.client_id = _value

        _value = d.pop("exp", UNSET)
        if _value is UNSET:
            obj.exp = UNSET
        else:
            if not isinstance(_value, int) or isinstance(_value, bool):
                raise InvalidDataError.of("exp", "an integer", _value)
            obj.exp = _value

        _value = d.pop("iat", UNSET)
        if _value is UNSET:
            obj.iat = UNSET
        else:
            if not isinstance(_value, int) or isinstance(_value, bool):
                raise InvalidDataError.of("iat", "an integer", _value)
            obj.iat = _value

        _value = d.pop("iss", UNSET)
        if _value is UNSET:
            obj.iss = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("iss", "a string", _value)
            obj.iss = _value

        _value = d.pop("scope", UNSET)
        if _value is UNSET:
            obj.scope = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("scope", "a string", _value)
            obj.scope = _value

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
