from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr


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

    __slots__ = (
        "access_token",
        "token_type",
        "expires_in",
        "refresh_token",
        "scope",
        "additional_properties",
    )

    access_token: str
    token_type: str
    expires_in: int
    refresh_token: str | Unset
    scope: str | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {
            "access_token",
            "refresh_token",
        }
    )

    def __init__(
        self,
        access_token: str,
        token_type: str,
        expires_in: int,
        refresh_token: str | Unset = UNSET,
        scope: str | Unset = UNSET,
    ) -> None:
        self.access_token = access_token
        self.token_type = token_type
        self.expires_in = expires_in
        self.refresh_token = refresh_token
        self.scope = scope
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "TokenResponse",
            (
                ("access_token", self.access_token),
                ("token_type", self.token_type),
                ("expires_in", self.expires_in),
                ("refresh_token", self.refresh_token),
                ("scope", self.scope),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, TokenResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.access_token,
            self.token_type,
            self.expires_in,
            self.refresh_token,
            self.scope,
            self.additional_properties,
        ) == (
            other.access_token,
            other.token_type,
            other.expires_in,
            other.refresh_token,
            other.scope,
            other.additional_properties,
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
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a TokenResponse from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("access_token", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("access_token", "a string", _value)
        obj.access_token = _value

        _value = d.pop("token_type", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("token_type", "a string", _value)
        obj.token_type = _value

        _value = d.pop("expires_in", UNSET)
        if not isinstance(_value, int) or isinstance(_value, bool):
            raise InvalidDataError.of("expires_in", "an integer", _value)
        obj.expires_in = _value

        _value = d.pop("refresh_token", UNSET)
        if _value is UNSET:
            obj.refresh_token = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("refresh_token", "a string", _value)
            obj.refresh_token = _value

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
