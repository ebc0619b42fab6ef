from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..models.client_type import ClientType, ClientTypeValue
from ..models.grant_type import GrantType, GrantTypeValue
from ..types import UNSET, Unset, model_repr


class OAuthClientCreateRequest:
    """A new OAuth client. Unknown fields are rejected.

    Attributes:
        name (str): The client's name.
        allowed_scopes (list[str]): Scopes the client may ask for.
        client_type (ClientType): Whether the client can keep a secret (`confidential`) or not (`public`).
        allowed_grant_types (list[GrantType]): Grant types the client may use.
        redirect_uris (list[str] | Unset): Redirect URIs, matched exactly.
        require_pkce (bool | Unset): Whether authorization requests must use PKCE. The server's default is false.
        logo_uri (str | Unset): The client's logo.
        policy_uri (str | Unset): The client's privacy policy.
        tos_uri (str | Unset): The client's terms of service.
    """

    __slots__ = (
        "name",
        "allowed_scopes",
        "client_type",
        "allowed_grant_types",
        "redirect_uris",
        "require_pkce",
        "logo_uri",
        "policy_uri",
        "tos_uri",
        "additional_properties",
    )

    name: str
    allowed_scopes: list[str]
    client_type: ClientType
    allowed_grant_types: list[GrantType]
    redirect_uris: list[str] | Unset
    require_pkce: bool | Unset
    logo_uri: str | Unset
    policy_uri: str | Unset
    tos_uri: str | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        name: str,
        allowed_scopes: list[str],
        client_type: ClientType | ClientTypeValue,
        allowed_grant_types: Sequence[GrantType | GrantTypeValue],
        redirect_uris: list[str] | Unset = UNSET,
        require_pkce: bool | Unset = UNSET,
        logo_uri: str | Unset = UNSET,
        policy_uri: str | Unset = UNSET,
        tos_uri: str | Unset = UNSET,
    ) -> None:
        self.name = name
        self.allowed_scopes = allowed_scopes
        self.client_type = ClientType.coerce(
            client_type, "OAuthClientCreateRequest.client_type"
        )
        self.allowed_grant_types = GrantType.coerce_list(
            allowed_grant_types, "OAuthClientCreateRequest.allowed_grant_types"
        )
        self.redirect_uris = redirect_uris
        self.require_pkce = require_pkce
        self.logo_uri = logo_uri
        self.policy_uri = policy_uri
        self.tos_uri = tos_uri
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "OAuthClientCreateRequest",
            (
                ("name", self.name),
                ("allowed_scopes", self.allowed_scopes),
                ("client_type", self.client_type),
                ("allowed_grant_types", self.allowed_grant_types),
                ("redirect_uris", self.redirect_uris),
                ("require_pkce", self.require_pkce),
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
        if (
            not isinstance(other, OAuthClientCreateRequest)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.name,
            self.allowed_scopes,
            self.client_type,
            self.allowed_grant_types,
            self.redirect_uris,
            self.require_pkce,
            self.logo_uri,
            self.policy_uri,
            self.tos_uri,
            self.additional_properties,
        ) == (
            other.name,
            other.allowed_scopes,
            other.client_type,
            other.allowed_grant_types,
            other.redirect_uris,
            other.require_pkce,
            other.logo_uri,
            other.policy_uri,
            other.tos_uri,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        allowed_scopes = self.allowed_scopes

        client_type = ClientType.coerce(self.client_type, "client_type").value

        allowed_grant_types = []
        for allowed_grant_types_item_data in self.allowed_grant_types:
            allowed_grant_types_item = GrantType.coerce(
                allowed_grant_types_item_data, "allowed_grant_types_item"
            ).value
            allowed_grant_types.append(allowed_grant_types_item)

        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris

        require_pkce = self.require_pkce

        logo_uri = self.logo_uri

        policy_uri = self.policy_uri

        tos_uri = self.tos_uri

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "allowed_scopes": allowed_scopes,
                "client_type": client_type,
                "allowed_grant_types": allowed_grant_types,
            }
        )
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if require_pkce is not UNSET:
            field_dict["require_pkce"] = require_pkce
        if logo_uri is not UNSET:
            field_dict["logo_uri"] = logo_uri
        if policy_uri is not UNSET:
            field_dict["policy_uri"] = policy_uri
        if tos_uri is not UNSET:
            field_dict["tos_uri"] = tos_uri

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a OAuthClientCreateRequest from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("name", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("name", "a string", _value)
        obj.name = _value

        _value = d.pop("allowed_scopes", UNSET)
        if not isinstance(_value, list):
            raise InvalidDataError.of("allowed_scopes", "an array", _value)
        for _index, _item in enumerate(_value):
            if not isinstance(_item, str):
                raise InvalidDataError.of("allowed_scopes", "a string", _item, _index)
        obj.allowed_scopes = _value

        _value = d.pop("client_type", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("client_type", "a string", _value)
        obj.client_type = ClientType(_value)

        _value = d.pop("allowed_grant_types", UNSET)
        if not isinstance(_value, list):
            raise InvalidDataError.of("allowed_grant_types", "an array", _value)
        _allowed_grant_types_items: list[GrantType] = []
        for _index, _item in enumerate(_value):
            if not isinstance(_item, str):
                raise InvalidDataError.of(
                    "allowed_grant_types", "a string", _item, _index
                )
            _allowed_grant_types_items.append(GrantType(_item))
        obj.allowed_grant_types = _allowed_grant_types_items

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

        _value = d.pop("require_pkce", UNSET)
        if _value is UNSET:
            obj.require_pkce = UNSET
        else:
            if not isinstance(_value, bool):
                raise InvalidDataError.of("require_pkce", "a boolean", _value)
            obj.require_pkce = _value

        _value = d.pop("logo_uri", UNSET)
        if _value is UNSET:
            obj.logo_uri = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("logo_uri", "a string", _value)
            obj.logo_uri = _value

        _value = d.pop("policy_uri", UNSET)
        if _value is UNSET:
            obj.policy_uri = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("policy_uri", "a string", _value)
            obj.policy_uri = _value

        _value = d.pop("tos_uri", UNSET)
        if _value is UNSET:
            obj.tos_uri = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("tos_uri", "a string", _value)
            obj.tos_uri = _value

        obj.additional_properties = d
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
