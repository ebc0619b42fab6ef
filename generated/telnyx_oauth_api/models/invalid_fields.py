from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import model_repr


class InvalidFields:
    """For each invalid field of a registration request, what is wrong with it."""

    __slots__ = ("additional_properties",)

    additional_properties: dict[str, list[str]]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
    ) -> None:
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "InvalidFields",
            (),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, InvalidFields)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (self.additional_properties,) == (other.additional_properties,)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a InvalidFields from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        additional_properties: dict[str, list[str]] = {}
        for prop_name, prop_value in d.items():
            if not isinstance(prop_value, list):
                raise InvalidDataError.of(prop_name, "an array", prop_value)
            for _index, _item in enumerate(prop_value):
                if not isinstance(_item, str):
                    raise InvalidDataError.of(prop_name, "a string", _item, _index)
            additional_properties[prop_name] = prop_value

        obj.additional_properties = additional_properties
        return obj

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> list[str]:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: list[str]) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
