from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.oauth_grant_record_type import OAuthGrantRecordType
from ..types import UNSET, Unset

T = TypeVar("T", bound="OAuthGrant")


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
    record_type: OAuthGrantRecordType
    client_id: str
    scopes: list[str]
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        record_type = self.record_type.value

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
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        record_type = OAuthGrantRecordType(d.pop("record_type"))

        client_id = d.pop("client_id")

        scopes = cast(list[str], d.pop("scopes"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_last_used_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at", UNSET))

        oauth_grant = cls(
            id=id,
            record_type=record_type,
            client_id=client_id,
            scopes=scopes,
            created_at=created_at,
            last_used_at=last_used_at,
        )

        oauth_grant.additional_properties = d
        return oauth_grant

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
