from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..types import keys_repr, secret_repr

T = TypeVar("T", bound="ConsentDecisionResponse")

_JSON_NAMES: dict[str, str] = {
    "redirect_uri": "redirect_uri",
}


@_attrs_define
class ConsentDecisionResponse:
    """Where to send the user's browser after the decision.

    Attributes:
        redirect_uri (str): The client's redirect URI with `code` and `state`, or with `error=access_denied` and
            `state`.
    """

    redirect_uri: str = _attrs_field(
        repr=secret_repr,
    )
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
    )

    def to_dict(self) -> dict[str, Any]:
        redirect_uri = self.redirect_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "redirect_uri": redirect_uri,
            }
        )

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
