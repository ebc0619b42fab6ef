from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name, parse_datetime
from ..models.oauth_client_record_type import (
    OAuthClientRecordType,
    OAuthClientRecordTypeValue,
)
from ..types import UNSET, Unset, model_repr


class OAuthClient:
    """An OAuth client. It has no `id`; `client_id` identifies it.

    Attributes:
        record_type (OAuthClientRecordType): The record type of an OAuth client, always `oauth_client`.
        client_id (str): The client ID, a UUID.
        name (str): The client's name.
        org_id (str): The organization that owns the client.
        user_id (str): The user that created the client.
        client_type (str): A client type in an answer; a value not listed in `ClientType` may appear as the API grows,
            and clients keep it.
        require_pkce (bool): Whether authorization requests must use PKCE.
        created_at (datetime.datetime): When the client was created.
        updated_at (datetime.datetime): When the client last changed.
        allowed_grant_types (list[str] | Unset): Grant types the client may use.
        allowed_scopes (list[str] | Unset): Scopes the client may ask for.
        redirect_uris (list[str] | Unset): Registered redirect URIs.
        client_secret (None | str | Unset): The client secret; shown once, in the answer that creates a confidential
            client, and null otherwise.
        logo_uri (None | str | Unset): The client's logo.
        policy_uri (None | str | Unset): The client's privacy policy.
        tos_uri (None | str | Unset): The client's terms of service.
    """

    __slots__ = (
        "record_type",
        "client_id",
        "name",
        "org_id",
        "user_id",
        "client_type",
        "require_pkce",
        "created_at",
        "updated_at",
        "allowed_grant_types",
        "allowed_scopes",
        "redirect_uris",
        "client_secret",
        "logo_uri",
        "policy_uri",
        "tos_uri",
        "additional_properties",
    )

    record_type: OAuthClientRecordType
    client_id: str
    name: str
    org_id: str
    user_id: str
    client_type: str
    require_pkce: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    allowed_grant_types: list[str] | Unset
    allowed_scopes: list[str] | Unset
    redirect_uris: list[str] | Unset
    client_secret: None | str | Unset
    logo_uri: None | str | Unset
    policy_uri: None | str | Unset
    tos_uri: None | str | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {
            "client_secret",
        }
    )

    def __init__(
        self,
        record_type: OAuthClientRecordType | OAuthClientRecordTypeValue,
        client_id: str,
        name: str,
        org_id: str,
        user_id: str,
        client_type: str,
        require_pkce: bool,
        created_at: datetime.datetime,
        updated_at: datetime.datetime,
        allowed_grant_types: list[str] | Unset = UNSET,
        allowed_scopes: list[str] | Unset = UNSET,
        redirect_uris: list[str] | Unset = UNSET,
        client_secret: None | str | Unset = UNSET,
        logo_uri: None | str | Unset = UNSET,
        policy_uri: None | str | Unset = UNSET,
        tos_uri: None | str | Unset = UNSET,
    ) -> None:
        self.record_type = OAuthClientRecordType.coerce(
            record_type, "OAuthClient.record_type"
        )
        self.client_id = client_id
        self.name = name
        self.org_id = org_id
        self.user_id = user_id
        self.client_type = client_type
        self.require_pkce = require_pkce
        self.created_at = created_at
        self.updated_at = updated_at
        self.allowed_grant_types = allowed_grant_types
        self.allowed_scopes = allowed_scopes
        self.redirect_uris = redirect_uris
        self.client_secret = client_secret
        self.logo_uri = logo_uri
        self.policy_uri = policy_uri
        self.tos_uri = tos_uri
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "OAuthClient",
            (
                ("record_type", self.record_type),
                ("client_id", self.client_id),
                ("name", self.name),
                ("org_id", self.org_id),
                ("user_id", self.user_id),
                ("client_type", self.client_type),
                ("require_pkce", self.require_pkce),
                ("created_at", self.created_at),
                ("updated_at", self.updated_at),
                ("allowed_grant_types", self.allowed_grant_types),
                ("allowed_scopes", self.allowed_scopes),
                ("redirect_uris", self.redirect_uris),
                ("client_secret", self.client_secret),
                ("logo_uri", self.logo_uri),
                ("policy_uri", self.policy_uri),
                ("tos_uri", self.tos_uri),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if not isinstance(other, OAuthClient) or other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.record_type,
            self.client_id,
            self.name,
            self.org_id,
            self.user_id,
            self.client_type,
            self.require_pkce,
            self.created_at,
            self.updated_at,
            self.allowed_grant_types,
            self.allowed_scopes,
            self.redirect_uris,
            self.client_secret,
            self.logo_uri,
            self.policy_uri,
            self.tos_uri,
            self.additional_properties,
        ) == (
            other.record_type,
            other.client_id,
            other.name,
            other.org_id,
            other.user_id,
            other.client_type,
            other.require_pkce,
            other.created_at,
            other.updated_at,
            other.allowed_grant_types,
            other.allowed_scopes,
            other.redirect_uris,
            other.client_secret,
            other.logo_uri,
            other.policy_uri,
            other.tos_uri,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        record_type = OAuthClientRecordType.coerce(
            self.record_type, "record_type"
        ).value

        client_id = self.client_id

        name = self.name

        org_id = self.org_id

        user_id = self.user_id

        client_type = self.client_type

        require_pkce = self.require_pkce

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        allowed_grant_types: list[str] | Unset = UNSET
        if not isinstance(self.allowed_grant_types, Unset):
            allowed_grant_types = self.allowed_grant_types

        allowed_scopes: list[str] | Unset = UNSET
        if not isinstance(self.allowed_scopes, Unset):
            allowed_scopes = self.allowed_scopes

        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris

        client_secret: None | str | Unset
        if isinstance(self.client_secret, Unset):
            client_secret = UNSET
        else:
            client_secret = self.client_secret

        logo_uri: None | str | Unset
        if isinstance(self.logo_uri, Unset):
            logo_uri = UNSET
        else:
            logo_uri = self.logo_uri

        policy_uri: None | str | Unset
        if isinstance(self.policy_uri, Unset):
            policy_uri = UNSET
        else:
            policy_uri = self.policy_uri

        tos_uri: None | str | Unset
        if isinstance(self.tos_uri, Unset):
            tos_uri = UNSET
        else:
            tos_uri = self.tos_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "record_type": record_type,
                "client_id": client_id,
                "name": name,
                "org_id": org_id,
                "user_id": user_id,
                "client_type": client_type,
                "require_pkce": require_pkce,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if allowed_grant_types is not UNSET:
            field_dict["allowed_grant_types"] = allowed_grant_types
        if allowed_scopes is not UNSET:
            field_dict["allowed_scopes"] = allowed_scopes
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if logo_uri is not UNSET:
            field_dict["logo_uri"] = logo_uri
        if policy_uri is not UNSET:
            field_dict["policy_uri"] = policy_uri
        if tos_uri is not UNSET:
            field_dict["tos_uri"] = tos_uri

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a OAuthClient from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("record_type", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("record_type", "a string", _value)
        obj.record_type = OAuthClientRecordType(_value)

        _value = d.pop("client_id", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("client_id", "a string", _value)
        obj.client_id = _value

        _value = d.pop("name", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("name", "a string", _value)
        obj.name = _value

        _value = d.pop("org_id", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("org_id", "a string", _value)
        obj.org_id = _value

        _value = d.pop("user_id", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("user_id", "a string", _value)
        obj.user_id = _value

        _value = d.pop("client_type", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("client_type", "a string", _value)
        obj.client_type = _value

        _value = d.pop("require_pkce", UNSET)
        if not isinstance(_value, bool):
            raise InvalidDataError.of("require_pkce", "a boolean", _value)
        obj.require_pkce = _value

        _value = d.pop("created_at", UNSET)

        obj.created_at = parse_datetime(_value, "created_at")

        _value = d.pop("updated_at", UNSET)

        obj.updated_at = parse_datetime(_value, "updated_at")

        _value = d.pop("allowed_grant_types", UNSET)
        if _value is UNSET:
            obj.allowed_grant_types = UNSET
        else:
            if not isinstance(_value, list):
                raise InvalidDataError.of("allowed_grant_types", "an array", _value)
            for _index, _item in enumerate(_value):
                if not isinstance(_item, str):
                    raise InvalidDataError.of(
                        "allowed_grant_types", "a string", _item, _index
                    )
            obj.allowed_grant_types = _value

        _value = d.pop("allowed_scopes", UNSET)
        if _value is UNSET:
            obj.allowed_scopes = UNSET
        else:
            if not isinstance(_value, list):
                raise InvalidDataError.of("allowed_scopes", "an array", _value)
            for _index, _item in enumerate(_value):
                if not isinstance(_item, str):
                    raise InvalidDataError.of(
                        "allowed_scopes", "a string", _item, _index
                    )
            obj.allowed_scopes = _value

        _value = d.pop("redirect_uris", UNSET)
        if _value is UNSET:
            obj.redirect_uris = UNSET
        else:
            if not isinstance(_value, list):
                raise InvalidDataError.of("redirect_uris", "an array", _value)
            for _index, _item in enumerate(_value):
                if not isinstance(_item, str):
                    raise InvalidDataError.of(
                        "redirect_uris", "a string", _item, _index
                    )
            obj.redirect_uris = _value

        _value = d.pop("client_secret", UNSET)
        if _value is UNSET:
            obj.client_secret = UNSET
        else:
            if _value is None:
                obj.client_secret = None
            else:
                if not isinstance(_value, str):
                    raise InvalidDataError.of("client_secret", "a string", _value)
                obj.client_secret = _value

        _value = d.pop("logo_uri", UNSET)
        if _value is UNSET:
            obj.logo_uri = UNSET
        else:
            if _value is None:
                obj.logo_uri = None
            else:
                if not isinstance(_value, str):
                    raise InvalidDataError.of("logo_uri", "a string", _value)
                obj.logo_uri = _value

        _value = d.pop("policy_uri", UNSET)
        if _value is UNSET:
            obj.policy_uri = UNSET
        else:
            if _value is None:
                obj.policy_uri = None
            else:
                if not isinstance(_value, str):
                    raise InvalidDataError.of("policy_uri", "a string", _value)
                obj.policy_uri = _value

        _value = d.pop("tos_uri", UNSET)
        if _value is UNSET:
            obj.tos_uri = UNSET
        else:
            if _value is None:
                obj.tos_uri = None
            else:
                if not isinstance(_value, str):
                    raise InvalidDataError.of("tos_uri", "a string", _value)
                obj.tos_uri = _value

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
