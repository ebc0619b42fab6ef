from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr


class ProtectedResourceMetadata:
    """RFC 9728 protected resource metadata.

    Attributes:
        resource (str): The protected resource's identifier.
        authorization_servers (list[str] | Unset): Issuer identifiers of the authorization servers for this resource.
    """

    __slots__ = (
        "resource",
        "authorization_servers",
        "additional_properties",
    )

    resource: str
    authorization_servers: list[str] | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        resource: str,
        authorization_servers: list[str] | Unset = UNSET,
    ) -> None:
        self.resource = resource
        self.authorization_servers = authorization_servers
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "ProtectedResourceMetadata",
            (
                ("resource", self.resource),
                ("authorization_servers", self.authorization_servers),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, ProtectedResourceMetadata)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.resource,
            self.authorization_servers,
            self.additional_properties,
        ) == (
            other.resource,
            other.authorization_servers,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        resource = self.resource

        authorization_servers: list[str] | Unset = UNSET
        if not isinstance(self.authorization_servers, Unset):
            authorization_servers = self.authorization_servers

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resource": resource,
            }
        )
        if authorization_servers is not UNSET:
            field_dict["authorization_servers"] = authorization_servers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a ProtectedResourceMetadata from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("resource", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("resource", "a string", _value)
        obj.resource = _value

        _value = d.pop("authorization_servers", UNSET)
        if _value is UNSET:
            obj.authorization_servers = UNSET
        else:
            if not isinstance(_value, list):
                raise InvalidDataError.of("authorization_servers", "an array", _value)
            for _index, _item in enumerate(_value):
                if not isinstance(_item, str):
                    raise InvalidDataError.of(
                        "authorization_servers", "a string", _item, _index
                    )
            obj.authorization_servers = _value

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
