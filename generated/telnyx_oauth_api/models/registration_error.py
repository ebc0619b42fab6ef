from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.invalid_fields import InvalidFields


class RegistrationError:
    """A rejected registration (RFC 7591 section 3.2.2), with the fields at fault.

    Attributes:
        error (str): `invalid_client_metadata` or `invalid_redirect_uri`.
        error_description (str | Unset): What was wrong, in words.
        invalid_fields (InvalidFields | Unset): For each invalid field of a registration request, what is wrong with it.
    """

    __slots__ = (
        "error",
        "error_description",
        "invalid_fields",
        "additional_properties",
    )

    error: str
    error_description: str | Unset
    invalid_fields: InvalidFields | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        error: str,
        error_description: str | Unset = UNSET,
        invalid_fields: InvalidFields | Unset = UNSET,
    ) -> None:
        self.error = error
        self.error_description = error_description
        self.invalid_fields = invalid_fields
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "RegistrationError",
            (
                ("error", self.error),
                ("error_description", self.error_description),
                ("invalid_fields", self.invalid_fields),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, RegistrationError)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.error,
            self.error_description,
            self.invalid_fields,
            self.additional_properties,
        ) == (
            other.error,
            other.error_description,
            other.invalid_fields,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        error_description = self.error_description

        invalid_fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.invalid_fields, Unset):
            invalid_fields = self.invalid_fields.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if error_description is not UNSET:
            field_dict["error_description"] = error_description
        if invalid_fields is not UNSET:
            field_dict["invalid_fields"] = invalid_fields

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a RegistrationError from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        from ..models.invalid_fields import InvalidFields  # noqa: PLC0415

        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("error", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("error", "a string", _value)
        obj.error = _value

        _value = d.pop("error_description", UNSET)
        if _value is UNSET:
            obj.error_description = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("error_description", "a string", _value)
            obj.error_description = _value

        _value = d.pop("invalid_fields", UNSET)
        if _value is UNSET:
            obj.invalid_fields = UNSET
        else:
            if not isinstance(_value, dict):
                raise InvalidDataError.of("invalid_fields", "an object", _value)
            try:
                obj.invalid_fields = InvalidFields.from_dict(_value)
            except InvalidDataError as exc:
                exc.within("invalid_fields")
                raise

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
