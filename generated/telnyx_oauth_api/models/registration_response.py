from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr


class RegistrationResponse:
    """A registered client (RFC 7591 section 3.2.1).

    Attributes:
        client_id (str): The new client's ID.
        client_id_issued_at (int): When the ID was issued, in seconds since the Unix epoch.
        client_secret (str | Unset): The client secret; confidential clients only, shown once.
        client_secret_expires_at (int | Unset): When the client secret expires, in seconds since the Unix epoch, or 0
            for never; sent with `client_secret` (RFC 7591 section 3.2.1).
        client_name (str | Unset): The client's name.
        grant_types (list[str] | Unset): Registered grant types.
        response_types (list[str] | Unset): Registered response types.
        redirect_uris (list[str] | Unset): Registered redirect URIs.
        scope (str | Unset): Space-separated registered scopes.
        token_endpoint_auth_method (str | Unset): A client authentication method in an answer; a value not listed in
            `TokenEndpointAuthMethod` may appear as the API grows, and clients keep it.
        logo_uri (str | Unset): The client's logo.
        policy_uri (str | Unset): The client's privacy policy.
        tos_uri (str | Unset): The client's terms of service.
    """

    __slots__ = (
        "client_id",
        "client_id_issued_at",
        "client_secret",
        "client_secret_expires_at",
        "client_name",
        "grant_types",
        "response_types",
        "redirect_uris",
        "scope",
        "token_endpoint_auth_method",
        "logo_uri",
        "policy_uri",
        "tos_uri",
        "additional_properties",
    )

    client_id: str
    client_id_issued_at: int
    client_secret: str | Unset
    client_secret_expires_at: int | Unset
    client_name: str | Unset
    grant_types: list[str] | Unset
    response_types: list[str] | Unset
    redirect_uris: list[str] | Unset
    scope: str | Unset
    token_endpoint_auth_method: str | Unset
    logo_uri: str | Unset
    policy_uri: str | Unset
    tos_uri: str | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {
            "client_secret",
        }
    )

    def __init__(
        self,
        client_id: str,
        client_id_issued_at: int,
        client_secret: str | Unset = UNSET,
        client_secret_expires_at: int | Unset = UNSET,
        client_name: str | Unset = UNSET,
        grant_types: list[str] | Unset = UNSET,
        response_types: list[str] | Unset = UNSET,
        redirect_uris: list[str] | Unset = UNSET,
        scope: str | Unset = UNSET,
        token_endpoint_auth_method: str | Unset = UNSET,
        logo_uri: str | Unset = UNSET,
        policy_uri: str | Unset = UNSET,
        tos_uri: str | Unset = UNSET,
    ) -> None:
        self.client_id = client_id
        self.client_id_issued_at = client_id_issued_at
        self.client_secret = client_secret
        self.client_secret_expires_at = client_secret_expires_at
        self.client_name = client_name
        self.grant_types = grant_types
        self.response_types = response_types
        self.redirect_uris = redirect_uris
        self.scope = scope
        self.token_endpoint_auth_method = token_endpoint_auth_method
        self.logo_uri = logo_uri
        self.policy_uri = policy_uri
        self.tos_uri = tos_uri
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "RegistrationResponse",
            (
                ("client_id", self.client_id),
                ("client_id_issued_at", self.client_id_issued_at),
                ("client_secret", self.client_secret),
                ("client_secret_expires_at", self.client_secret_expires_at),
                ("client_name", self.client_name),
                ("grant_types", self.grant_types),
                ("response_types", self.response_types),
                ("redirect_uris", self.redirect_uris),
                ("scope", self.scope),
                ("token_endpoint_auth_method", self.token_endpoint_auth_method),
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
            not isinstance(other, RegistrationResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.client_id,
            self.client_id_issued_at,
            self.client_secret,
            self.client_secret_expires_at,
            self.client_name,
            self.grant_types,
            self.response_types,
            self.redirect_uris,
            self.scope,
            self.token_endpoint_auth_method,
            self.logo_uri,
            self.policy_uri,
            self.tos_uri,
            self.additional_properties,
        ) == (
            other.client_id,
            other.client_id_issued_at,
            other.client_secret,
            other.client_secret_expires_at,
            other.client_name,
            other.grant_types,
            other.response_types,
            other.redirect_uris,
            other.scope,
            other.token_endpoint_auth_method,
            other.logo_uri,
            other.policy_uri,
            other.tos_uri,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        client_id_issued_at = self.client_id_issued_at

        client_secret = self.client_secret

        client_secret_expires_at = self.client_secret_expires_at

        client_name = self.client_name

        grant_types: list[str] | Unset = UNSET
        if not isinstance(self.grant_types, Unset):
            grant_types = self.grant_types

        response_types: list[str] | Unset = UNSET
        if not isinstance(self.response_types, Unset):
            response_types = self.response_types

        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris

        scope = self.scope

        token_endpoint_auth_method = self.token_endpoint_auth_method

        logo_uri = self.logo_uri

        policy_uri = self.policy_uri

        tos_uri = self.tos_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_id": client_id,
                "client_id_issued_at": client_id_issued_at,
            }
        )
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if client_secret_expires_at is not UNSET:
            field_dict["client_secret_expires_at"] = client_secret_expires_at
        if client_name is not UNSET:
            field_dict["client_name"] = client_name
        if grant_types is not UNSET:
            field_dict["grant_types"] = grant_types
        if response_types is not UNSET:
            field_dict["response_types"] = response_types
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if scope is not UNSET:
            field_dict["scope"] = scope
        if token_endpoint_auth_method is not UNSET:
            field_dict["token_endpoint_auth_method"] = token_endpoint_auth_method
        if logo_uri is not UNSET:
            field_dict["logo_uri"] = logo_uri
        if policy_uri is not UNSET:
            field_dict["policy_uri"] = policy_uri
        if tos_uri is not UNSET:
            field_dict["tos_uri"] = tos_uri

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a RegistrationResponse from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("client_id", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("client_id", "a string", _value)
        obj.client_id = _value

        _value = d.pop("client_id_issued_at", UNSET)
        if not isinstance(_value, int) or isinstance(_value, bool):
            raise InvalidDataError.of("client_id_issued_at", "an integer", _value)
        obj.client_id_issued_at = _value

        _value = d.pop("client_secret", UNSET)
        if _value is UNSET:
            obj.client_secret = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("client_secret", "a string", _value)
            obj.client_secret = _value

        _value = d.pop("client_secret_expires_at", UNSET)
        if _value is UNSET:
            obj.client_secret_expires_at = UNSET
        else:
            if not isinstance(_value, int) or isinstance(_value, bool):
                raise InvalidDataError.of(
                    "client_secret_expires_at", "an integer", _value
                )
            obj.client_secret_expires_at = _value

        _value = d.pop("client_name", UNSET)
        if _value is UNSET:
            obj.client_name = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("client_name", "a string", _value)
            obj.client_name = _value

        _value = d.pop("grant_types", UNSET)
        if _value is UNSET:
            obj.grant_types = UNSET
        else:
            if not isinstance(_value, list):
                raise InvalidDataError.of("grant_types", "an array", _value)
            for _index, _item in enumerate(_value):
                if not isinstance(_item, str):
                    raise InvalidDataError.of("grant_types", "a string", _item, _index)
            obj.grant_types = _value

        _value = d.pop("response_types", UNSET)
        if _value is UNSET:
            obj.response_types = UNSET
        else:
            if not isinstance(_value, list):
                raise InvalidDataError.of("response_types", "an array", _value)
            for _index, _item in enumerate(_value):
                if not isinstance(_item, str):
                    raise InvalidDataError.of(
                        "response_types", "a string", _item, _index
                    )
            obj.response_types = _value

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

        _value = d.pop("scope", UNSET)
        if _value is UNSET:
            obj.scope = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("scope", "a string", _value)
            obj.scope = _value

        _value = d.pop("token_endpoint_auth_method", UNSET)
        if _value is UNSET:
            obj.token_endpoint_auth_method = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of(
                    "token_endpoint_auth_method", "a string", _value
                )
            obj.token_endpoint_auth_method = _value

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
