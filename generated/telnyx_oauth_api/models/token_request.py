from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..models.grant_type import GrantType, GrantTypeValue
from ..types import UNSET, Unset, model_repr


class TokenRequest:
    """A token request. Which fields apply depends on `grant_type`.

    Attributes:
        grant_type (GrantType): An OAuth 2.0 grant type.
        client_id (str | Unset): The client, for `client_secret_post` and public clients.
        client_secret (str | Unset): The client secret, for `client_secret_post`.
        code (str | Unset): The authorization code (`authorization_code` grant).
        code_verifier (str | Unset): The PKCE code verifier (`authorization_code` grant).
        redirect_uri (str | Unset): The redirect URI used in the authorization request (`authorization_code` grant).
        refresh_token (str | Unset): The refresh token (`refresh_token` grant).
        scope (str | Unset): Space-separated scopes asked for.
    """

    __slots__ = (
        "grant_type",
        "client_id",
        "client_secret",
        "code",
        "code_verifier",
        "redirect_uri",
        "refresh_token",
        "scope",
        "additional_properties",
    )

    grant_type: GrantType
    client_id: str | Unset
    client_secret: str | Unset
    code: str | Unset
    code_verifier: str | Unset
    redirect_uri: str | Unset
    refresh_token: str | Unset
    scope: str | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {
            "client_secret",
            "code",
            "code_verifier",
            "refresh_token",
        }
    )

    def __init__(
        self,
        grant_type: GrantType | GrantTypeValue,
        client_id: str | Unset = UNSET,
        client_secret: str | Unset = UNSET,
        code: str | Unset = UNSET,
        code_verifier: str | Unset = UNSET,
        redirect_uri: str | Unset = UNSET,
        refresh_token: str | Unset = UNSET,
        scope: str | Unset = UNSET,
    ) -> None:
        self.grant_type = GrantType.coerce(grant_type, "TokenRequest.grant_type")
        self.client_id = client_id
        self.client_secret = client_secret
        self.code = code
        self.code_verifier = code_verifier
        self.redirect_uri = redirect_uri
        self.refresh_token = refresh_token
        self.scope = scope
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "TokenRequest",
            (
                ("grant_type", self.grant_type),
                ("client_id", self.client_id),
                ("client_secret", self.client_secret),
                ("code", self.code),
                ("code_verifier", self.code_verifier),
                ("redirect_uri", self.redirect_uri),
                ("refresh_token", self.refresh_token),
                ("scope", self.scope),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if not isinstance(other, TokenRequest) or other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.grant_type,
            self.client_id,
            self.client_secret,
            self.code,
            self.code_verifier,
            self.redirect_uri,
            self.refresh_token,
            self.scope,
            self.additional_properties,
        ) == (
            other.grant_type,
            other.client_id,
            other.client_secret,
            other.code,
            other.code_verifier,
            other.redirect_uri,
            other.refresh_token,
            other.scope,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        grant_type = GrantType.coerce(self.grant_type, "grant_type").value

        client_id = self.client_id

        client_secret = self.client_secret

        code = self.code

        code_verifier = self.code_verifier

        redirect_uri = self.redirect_uri

        refresh_token = self.refresh_token

        scope = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
            }
        )
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if code is not UNSET:
            field_dict["code"] = code
        if code_verifier is not UNSET:
            field_dict["code_verifier"] = code_verifier
        if redirect_uri is not UNSET:
            field_dict["redirect_uri"] = redirect_uri
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a TokenRequest from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("grant_type", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("grant_type", "a string", _value)
        obj.grant_type = GrantType(_value)

        _value = d.pop("client_id", UNSET)
        if _value is UNSET:
            obj.client_id = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("client_id", "a string", _value)
            obj.client_id = _value

        _value = d.pop("client_secret", UNSET)
        if _value is UNSET:
            obj.client_secret = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("client_secret", "a string", _value)
            obj.client_secret = _value

        _value = d.pop("code", UNSET)
        if _value is UNSET:
            obj.code = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("code", "a string", _value)
            obj.code = _value

        _value = d.pop("code_verifier", UNSET)
        if _value is UNSET:
            obj.code_verifier = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("code_verifier", "a string", _value)
            obj.code_verifier = _value

        _value = d.pop("redirect_uri", UNSET)
        if _value is UNSET:
            obj.redirect_uri = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("redirect_uri", "a string", _value)
            obj.redirect_uri = _value

        _value = d.pop("refresh_token", UNSET)
        if _value is UNSET:
            obj.refresh_token = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("refresh_token", "a string", _value)
            obj.refresh_token = _value

        _value = d.pop("scope", UNSET)
        if _value is UNSET:
            obj.scope = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("scope", "a string", _value)
            obj.scope = _value

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
