from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr


class TelnyxErrorMeta:
    """More about the error.

    Attributes:
        url (str | Unset): Documentation of the error code.
    """

    __slots__ = (
        "url",
        "additional_properties",
    )

    url: str | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        url: str | Unset = UNSET,
    ) -> None:
        self.url = url
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "TelnyxErrorMeta",
            (("url", self.url),),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, TelnyxErrorMeta)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.url,
            self.additional_properties,
        ) == (
            other.url,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a TelnyxErrorMeta from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("url", UNSET)
        if _value is UNSET:
            obj.url = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("url", "a string", _value)
            obj.url = _value

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
