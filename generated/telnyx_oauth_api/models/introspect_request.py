from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr


class IntrospectRequest:
    """An introspection request (RFC 7662).

    Attributes:
        token (str): The token to introspect.
        client_id (str | Unset): The calling client, for `client_secret_post` and public clients.
        client_secret (str | Unset): The calling client's secret, for `client_secret_post`.
    """

    __slots__ = (
        "token",
        "client_id",
        "client_secret",
        "additional_properties",
    )

    token: str
    client_id: str | Unset
    client_secret: str | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {
            "token",
            "client_secret",
        }
    )

    def __init__(
        self,
        token: str,
        client_id: str | Unset = UNSET,
        client_secret: str | Unset = UNSET,
    ) -> None:
        self.token = token
        self.client_id = client_id
        self.client_secret = client_secret
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "IntrospectRequest",
            (
                ("token", self.token),
                ("client_id", self.client_id),
                ("client_secret", self.client_secret),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, IntrospectRequest)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.token,
            self.client_id,
            self.client_secret,
            self.additional_properties,
        ) == (
            other.token,
            other.client_id,
            other.client_secret,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        client_id = self.client_id

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "token": token,
            }
        )
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a IntrospectRequest from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("token", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("token", "a string", _value)
        obj.token = _value

        _value = d.pop("client_id", UNSET)
        if _value is UNSET:
            obj.client_id = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("client_id", "a string", _value)
            obj.client_id = _value

        _value = d.pop("client_secret", UNSET)
        if _value is UNSET:
            obj.client_secret = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("client_secret", "a string", _value)
            obj.client_secret = _value

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
