from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr


class PaginationMeta:
    """Where a page stands in the whole list. No field is guaranteed.

    Attributes:
        page_number (int | Unset): This page's number, from 1.
        page_size (int | Unset): Items per page.
        total_pages (int | Unset): How many pages there are.
        total_results (int | Unset): How many items there are.
    """

    __slots__ = (
        "page_number",
        "page_size",
        "total_pages",
        "total_results",
        "additional_properties",
    )

    page_number: int | Unset
    page_size: int | Unset
    total_pages: int | Unset
    total_results: int | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        page_number: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
        total_pages: int | Unset = UNSET,
        total_results: int | Unset = UNSET,
    ) -> None:
        self.page_number = page_number
        self.page_size = page_size
        self.total_pages = total_pages
        self.total_results = total_results
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "PaginationMeta",
            (
                ("page_number", self.page_number),
                ("page_size", self.page_size),
                ("total_pages", self.total_pages),
                ("total_results", self.total_results),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, PaginationMeta)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.page_number,
            self.page_size,
            self.total_pages,
            self.total_results,
            self.additional_properties,
        ) == (
            other.page_number,
            other.page_size,
            other.total_pages,
            other.total_results,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        page_number = self.page_number

        page_size = self.page_size

        total_pages = self.total_pages

        total_results = self.total_results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if page_number is not UNSET:
            field_dict["page_number"] = page_number
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        if total_pages is not UNSET:
            field_dict["total_pages"] = total_pages
        if total_results is not UNSET:
            field_dict["total_results"] = total_results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a PaginationMeta from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("page_number", UNSET)
        if _value is UNSET:
            obj.page_number = UNSET
        else:
            if not isinstance(_value, int) or isinstance(_value, bool):
                raise InvalidDataError.of("page_number", "an integer", _value)
            obj.page_number = _value

        _value = d.pop("page_size", UNSET)
        if _value is UNSET:
            obj.page_size = UNSET
        else:
            if not isinstance(_value, int) or isinstance(_value, bool):
                raise InvalidDataError.of("page_size", "an integer", _value)
            obj.page_size = _value

        _value = d.pop("total_pages", UNSET)
        if _value is UNSET:
            obj.total_pages = UNSET
        else:
            if not isinstance(_value, int) or isinstance(_value, bool):
                raise InvalidDataError.of("total_pages", "an integer", _value)
            obj.total_pages = _value

        _value = d.pop("total_results", UNSET)
        if _value is UNSET:
            obj.total_results = UNSET
        else:
            if not isinstance(_value, int) or isinstance(_value, bool):
                raise InvalidDataError.of("total_results", "an integer", _value)
            obj.total_results = _value

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
