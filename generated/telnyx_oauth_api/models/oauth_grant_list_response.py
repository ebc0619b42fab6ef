from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.oauth_grant import OAuthGrant
    from ..models.pagination_meta import PaginationMeta


class OAuthGrantListResponse:
    """A page of OAuth grants, with pagination metadata.

    Attributes:
        data (list[OAuthGrant]): The grants on this page.
        meta (PaginationMeta | Unset): Where a page stands in the whole list. No field is guaranteed.
    """

    __slots__ = (
        "data",
        "meta",
        "additional_properties",
    )

    data: list[OAuthGrant]
    meta: PaginationMeta | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        data: list[OAuthGrant],
        meta: PaginationMeta | Unset = UNSET,
    ) -> None:
        self.data = data
        self.meta = meta
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "OAuthGrantListResponse",
            (
                ("data", self.data),
                ("meta", self.meta),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, OAuthGrantListResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.data,
            self.meta,
            self.additional_properties,
        ) == (
            other.data,
            other.meta,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a OAuthGrantListResponse from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        from ..models.oauth_grant import OAuthGrant  # noqa: PLC0415
        from ..models.pagination_meta import PaginationMeta  # noqa: PLC0415

        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("data", UNSET)
        if not isinstance(_value, list):
            raise InvalidDataError.of("data", "an array", _value)
        _data_items: list[OAuthGrant] = []
        try:
            for _index, _item in enumerate(_value):
                _data_items.append(OAuthGrant.from_dict(_item))
        except InvalidDataError as exc:
            exc.within("data", _index)
            raise
        obj.data = _data_items

        _value = d.pop("meta", UNSET)
        if _value is UNSET:
            obj.meta = UNSET
        else:
            if not isinstance(_value, dict):
                raise InvalidDataError.of("meta", "an object", _value)
            try:
                obj.meta = PaginationMeta.from_dict(_value)
            except InvalidDataError as exc:
                exc.within("meta")
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
