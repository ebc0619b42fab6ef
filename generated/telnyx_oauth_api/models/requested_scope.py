from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr


class RequestedScope:
    """A scope that a client asks for, as shown to the user. No field is guaranteed.

    Attributes:
        id (str | Unset): The scope as used in requests.
        name (str | Unset): A short human-readable name.
        description (str | Unset): What the scope allows.
    """

    __slots__ = (
        "id",
        "name",
        "description",
        "additional_properties",
    )

    id: str | Unset
    name: str | Unset
    description: str | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        id: str | Unset = UNSET,
        name: str | Unset = UNSET,
        description: str | Unset = UNSET,
    ) -> None:
        self.id = id
        self.name = name
        self.description = description
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "RequestedScope",
            (
                ("id", self.id),
                ("name", self.name),
                ("description", self.description),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, RequestedScope)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.id,
            self.name,
            self.description,
            self.additional_properties,
        ) == (
            other.id,
            other.name,
            other.description,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a RequestedScope from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("id", UNSET)
        if _value is UNSET:
            obj.id = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("id", "a string", _value)
            obj.id = _value

        _value = d.pop("name", UNSET)
        if _value is UNSET:
            obj.name = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("name", "a string", _value)
            obj.name = _value

        _value = d.pop("description", UNSET)
        if _value is UNSET:
            obj.description = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("description", "a string", _value)
            obj.description = _value

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
