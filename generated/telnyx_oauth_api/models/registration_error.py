from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..types import UNSET, Unset, keys_repr

if TYPE_CHECKING:
    from ..models.invalid_fields import InvalidFields


T = TypeVar("T", bound="RegistrationError")

_JSON_NAMES: dict[str, str] = {
    "error": "error",
    "error_description": "error_description",
    "invalid_fields": "invalid_fields",
}


@_attrs_define
class RegistrationError:
    """A rejected registration (RFC 7591 section 3.2.2), with the fields at fault.

    Attributes:
        error (str): `invalid_client_metadata` or `invalid_redirect_uri`.
        error_description (str | Unset): What was wrong, in words.
        invalid_fields (InvalidFields | Unset): For each invalid field of a registration request, what is wrong with it.
    """

    error: str
    error_description: str | Unset = UNSET
    invalid_fields: InvalidFields | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        return from_json(cls, src_dict, _JSON_NAMES)

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
