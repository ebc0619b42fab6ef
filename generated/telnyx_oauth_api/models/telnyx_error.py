from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..types import UNSET, Unset, keys_repr

if TYPE_CHECKING:
    from ..models.telnyx_error_meta import TelnyxErrorMeta
    from ..models.telnyx_error_source import TelnyxErrorSource


T = TypeVar("T", bound="TelnyxError")

_JSON_NAMES: dict[str, str] = {
    "code": "code",
    "title": "title",
    "detail": "detail",
    "source": "source",
    "meta": "meta",
}


@_attrs_define
class TelnyxError:
    """One Telnyx platform error.

    Attributes:
        code (str): The Telnyx error code, such as `10011` for rate limiting.
        title (str): A short summary.
        detail (str | Unset): What went wrong, in words.
        source (TelnyxErrorSource | Unset): What part of the request the error is about.
        meta (TelnyxErrorMeta | Unset): More about the error.
    """

    code: str
    title: str
    detail: str | Unset = UNSET
    source: TelnyxErrorSource | Unset = UNSET
    meta: TelnyxErrorMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
    )

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        title = self.title

        detail = self.detail

        source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.to_dict()

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "title": title,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail
        if source is not UNSET:
            field_dict["source"] = source
        if meta is not UNSET:
            field_dict["meta"] = meta

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
