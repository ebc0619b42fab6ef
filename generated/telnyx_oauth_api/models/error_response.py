from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, model_repr

if TYPE_CHECKING:
    from ..models.telnyx_error import TelnyxError


class ErrorResponse:
    """The Telnyx platform's error answer, a list of errors.

    Attributes:
        errors (list[TelnyxError]): The errors.
    """

    __slots__ = (
        "errors",
        "additional_properties",
    )

    errors: list[TelnyxError]
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        errors: list[TelnyxError],
    ) -> None:
        self.errors = errors
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "ErrorResponse",
            (("errors", self.errors),),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, ErrorResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.errors,
            self.additional_properties,
        ) == (
            other.errors,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a ErrorResponse from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        from ..models.telnyx_error import TelnyxError  # noqa: PLC0415

        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("errors", UNSET)
        if not isinstance(_value, list):
            raise InvalidDataError.of("errors", "an array", _value)
        _errors_items: list[TelnyxError] = []
        try:
            for _index, _item in enumerate(_value):
                _errors_items.append(TelnyxError.from_dict(_item))
        except InvalidDataError as exc:
            exc.within("errors", _index)
            raise
        obj.errors = _errors_items

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
