from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, Self
from uuid import UUID

from ..errors import InvalidDataError, json_type_name, parse_datetime, parse_uuid
from ..models.oauth_grant_record_type import (
    OAuthGrantRecordType,
    OAuthGrantRecordTypeValue,
)
from ..types import UNSET, Unset, model_repr


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

    __slots__ = (
        "id",
        "record_type",
        "client_id",
        "scopes",
        "created_at",
        "last_used_at",
        "additional_properties",
    )

    id: UUID
    record_type: OAuthGrantRecordType
    client_id: str
    scopes: list[str]
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        id: UUID,
        record_type: OAuthGrantRecordType | OAuthGrantRecordTypeValue,
        client_id: str,
        scopes: list[str],
        created_at: datetime.datetime,
        last_used_at: datetime.datetime | None | Unset = UNSET,
    ) -> None:
        self.id = id
        self.record_type = OAuthGrantRecordType.coerce(
            record_type, "OAuthGrant.record_type"
        )
        self.client_id = client_id
        self.scopes = scopes
        self.created_at = created_at
        self.last_used_at = last_used_at
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "OAuthGrant",
            (
                ("id", self.id),
                ("record_type", self.record_type),
                ("client_id", self.client_id),
                ("scopes", self.scopes),
                ("created_at", self.created_at),
                ("last_used_at", self.last_used_at),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if not isinstance(other, OAuthGrant) or other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id,
            self.record_type,
            self.client_id,
            self.scopes,
            self.created_at,
            self.last_used_at,
            self.additional_properties,
        ) == (
            other.id,
            other.record_type,
            other.client_id,
            other.scopes,
            other.created_at,
            other.last_used_at,
            other.additional_properties,
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
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a OAuthGrant from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("id", UNSET)

        obj.id = parse_uuid(_value, "id")

        _value = d.pop("record_type", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("record_type", "a string", _value)
        obj.record_type = OAuthGrantRecordType(_value)

        _value = d.pop("client_id", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("client_id", "a string", _value)
        obj.client_id = _value

        _value = d.pop("scopes", UNSET)
        if not isinstance(_value, list):
            raise InvalidDataError.of("scopes", "an array", _value)
        for _index, _item in enumerate(_value):
            if not isinstance(_item, str):
                raise InvalidDataError.of("scopes", "a string", _item, _index)
        obj.scopes = _value

        _value = d.pop("created_at", UNSET)

        obj.created_at = parse_datetime(_value, "created_at")

        _value = d.pop("last_used_at", UNSET)
        if _value is UNSET:
            obj.last_used_at = UNSET
        else:
            if _value is None:
                obj.last_used_at = None
            else:
                obj.last_used_at = parse_datetime(_value, "last_used_at")

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
