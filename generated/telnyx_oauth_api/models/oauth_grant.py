from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import from_json
from ..models.oauth_grant_record_type import (
    OAuthGrantRecordType,
    OAuthGrantRecordTypeValue,
)
from ..types import UNSET, Unset, keys_repr


def _to_record_type(
    value: OAuthGrantRecordType | OAuthGrantRecordTypeValue,
) -> OAuthGrantRecordType:
    return OAuthGrantRecordType.coerce(value, "OAuthGrant.record_type")


T = TypeVar("T", bound="OAuthGrant")

_JSON_NAMES: dict[str, str] = {
    "id": "id",
    "record_type": "record_type",
    "client_id": "client_id",
    "scopes": "scopes",
    "created_at": "created_at",
    "last_used_at": "last_used_at",
}


@_attrs_define
class OAuthGrant:
    """A grant a user gave to an OAuth client.

    Attributes:
        id (UUID): The grant's ID.
        record_type (OAuthGrantRecordType): The record type of an OAuth grant, always `oauth_grant`.
        client_id (str): The client the grant was given to.
        scopes (list[str]): The granted scopes.
        created_at (datetime.datetime): When the grant was given.
        last_used_at (datetime.datetime | None | Unset): When a token of the grant was last used, or null.
    """

    id: UUID
    record_type: OAuthGrantRecordType = _attrs_field(
        converter=_to_record_type,
    )
    client_id: str
    scopes: list[str]
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=keys_repr
    )

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        record_type = OAuthGrantRecordType.coerce(self.record_type, "record_type").value

        client_id = self.client_id

        scopes = self.scopes

        created_at = self.created_at.isoformat()

        last_used_at: None | str | Unset
        if isinstance(self.last_used_at, Unset):
            last_used_at = UNSET
        elif isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "record_type": record_type,
                "client_id": client_id,
                "scopes": scopes,
                "created_at": created_at,
            }
        )
        if last_used_at is not UNSET:
            field_dict["last_used_at"] = last_used_at

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
