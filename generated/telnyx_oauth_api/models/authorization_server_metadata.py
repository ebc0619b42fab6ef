from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr


class AuthorizationServerMetadata:
    """RFC 8414 authorization server metadata. Live documents carry more fields than listed; clients keep them.

    Attributes:
        issuer (str): The authorization server's issuer identifier.
        authorization_endpoint (str): URL of the authorization endpoint.
        token_endpoint (str): URL of the token endpoint.
        response_types_supported (list[str]): Supported response types.
        introspection_endpoint (str | Unset): URL of the introspection endpoint.
        jwks_uri (str | Unset): URL of the JSON Web Key Set.
        registration_endpoint (str | Unset): URL of the dynamic client registration endpoint.
        code_challenge_methods_supported (list[str] | Unset): Supported PKCE methods.
        grant_types_supported (list[str] | Unset): Supported grant types.
        scopes_supported (list[str] | Unset): Scopes a client may request.
        token_endpoint_auth_methods_supported (list[str] | Unset): Client authentication methods the token endpoint
            accepts.
        introspection_endpoint_auth_methods_supported (list[str] | Unset): Client authentication methods the
            introspection endpoint accepts (RFC 8414 section 2).
    """

    __slots__ = (
        "issuer",
        "authorization_endpoint",
        "token_endpoint",
        "response_types_supported",
        "introspection_endpoint",
        "jwks_uri",
        "registration_endpoint",
        "code_challenge_methods_supported",
        "grant_types_supported",
        "scopes_supported",
        "token_endpoint_auth_methods_supported",
        "introspection_endpoint_auth_methods_supported",
        "additional_properties",
    )

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    response_types_supported: list[str]
    introspection_endpoint: str | Unset
    jwks_uri: str | Unset
    registration_endpoint: str | Unset
    code_challenge_methods_supported: list[str] | Unset
    grant_types_supported: list[str] | Unset
    scopes_supported: list[str] | Unset
    token_endpoint_auth_methods_supported: list[str] | Unset
    introspection_endpoint_auth_methods_supported: list[str] | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        issuer: str,
        authorization_endpoint: str,
        token_endpoint: str,
        response_types_supported: list[str],
        introspection_endpoint: str | Unset = UNSET,
        jwks_uri: str | Unset = UNSET,
        registration_endpoint: str | Unset = UNSET,
        code_challenge_methods_supported: list[str] | Unset = UNSET,
        grant_types_supported: list[str] | Unset = UNSET,
        scopes_supported: list[str] | Unset = UNSET,
        token_endpoint_auth_methods_supported: list[str] | Unset = UNSET,
        introspection_endpoint_auth_methods_supported: list[str] | Unset = UNSET,
    ) -> None:
        self.issuer = issuer
        self.authorization_endpoint = authorization_endpoint
        self.token_endpoint = token_endpoint
        self.response_types_supported = response_types_supported
        self.introspection_endpoint = introspection_endpoint
        self.jwks_uri = jwks_uri
        self.registration_endpoint = registration_endpoint
        self.code_challenge_methods_supported = code_challenge_methods_supported
        self.grant_types_supported = grant_types_supported
        self.scopes_supported = scopes_supported
        self.token_endpoint_auth_methods_supported = (
            token_endpoint_auth_methods_supported
        )
        self.introspection_endpoint_auth_methods_supported = (
            introspection_endpoint_auth_methods_supported
        )
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "AuthorizationServerMetadata",
            (
                ("issuer", self.issuer),
                ("authorization_endpoint", self.authorization_endpoint),
                ("token_endpoint", self.token_endpoint),
                ("response_types_supported", self.response_types_supported),
                ("introspection_endpoint", self.introspection_endpoint),
                ("jwks_uri", self.jwks_uri),
                ("registration_endpoint", self.registration_endpoint),
                (
                    "code_challenge_methods_supported",
                    self.code_challenge_methods_supported,
                ),
                ("grant_types_supported", self.grant_types_supported),
                ("scopes_supported", self.scopes_supported),
                (
                    "token_endpoint_auth_methods_supported",
                    self.token_endpoint_auth_methods_supported,
                ),
                (
                    "introspection_endpoint_auth_methods_supported",
                    self.introspection_endpoint_auth_methods_supported,
                ),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, AuthorizationServerMetadata)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.issuer,
            self.authorization_endpoint,
            self.token_endpoint,
            self.response_types_supported,
            self.introspection_endpoint,
            self.jwks_uri,
            self.registration_endpoint,
            self.code_challenge_methods_supported,
            self.grant_types_supported,
            self.scopes_supported,
            self.token_endpoint_auth_methods_supported,
            self.introspection_endpoint_auth_methods_supported,
            self.additional_properties,
        ) == (
            other.issuer,
            other.authorization_endpoint,
            other.token_endpoint,
            other.response_types_supported,
            other.introspection_endpoint,
            other.jwks_uri,
            other.registration_endpoint,
            other.code_challenge_methods_supported,
            other.grant_types_supported,
            other.scopes_supported,
            other.token_endpoint_auth_methods_supported,
            other.introspection_endpoint_auth_methods_supported,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        authorization_endpoint = self.authorization_endpoint

        token_endpoint = self.token_endpoint

        response_types_supported = self.response_types_supported

        introspection_endpoint = self.introspection_endpoint

        jwks_uri = self.jwks_uri

        registration_endpoint = self.registration_endpoint

        code_challenge_methods_supported: list[str] | Unset = UNSET
        if not isinstance(self.code_challenge_methods_supported, Unset):
            code_challenge_methods_supported = self.code_challenge_methods_supported

        grant_types_supported: list[str] | Unset = UNSET
        if not isinstance(self.grant_types_supported, Unset):
            grant_types_supported = self.grant_types_supported

        scopes_supported: list[str] | Unset = UNSET
        if not isinstance(self.scopes_supported, Unset):
            scopes_supported = self.scopes_supported

        token_endpoint_auth_methods_supported: list[str] | Unset = UNSET
        if not isinstance(self.token_endpoint_auth_methods_supported, Unset):
            token_endpoint_auth_methods_supported = (
                self.token_endpoint_auth_methods_supported
            )

        introspection_endpoint_auth_methods_supported: list[str] | Unset = UNSET
        if not isinstance(self.introspection_endpoint_auth_methods_supported, Unset):
            introspection_endpoint_auth_methods_supported = (
                self.introspection_endpoint_auth_methods_supported
            )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuer": issuer,
                "authorization_endpoint": authorization_endpoint,
                "token_endpoint": token_endpoint,
                "response_types_supported": response_types_supported,
            }
        )
        if introspection_endpoint is not UNSET:
            field_dict["introspection_endpoint"] = introspection_endpoint
        if jwks_uri is not UNSET:
            field_dict["jwks_uri"] = jwks_uri
        if registration_endpoint is not UNSET:
            field_dict["registration_endpoint"] = registration_endpoint
        if code_challenge_methods_supported is not UNSET:
            field_dict["code_challenge_methods_supported"] = (
                code_challenge_methods_supported
            )
        if grant_types_supported is not UNSET:
            field_dict["grant_types_supported"] = grant_types_supported
        if scopes_supported is not UNSET:
            field_dict["scopes_supported"] = scopes_supported
        if token_endpoint_auth_methods_supported is not UNSET:
            field_dict["token_endpoint_auth_methods_supported"] = (
                token_endpoint_auth_methods_supported
            )
        if introspection_endpoint_auth_methods_supported is not UNSET:
            field_dict["introspection_endpoint_auth_methods_supported"] = (
                introspection_endpoint_auth_methods_supported
            )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a AuthorizationServerMetadata from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("issuer", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("issuer", "a string", _value)
        obj.issuer = _value

        _value = d.pop("authorization_endpoint", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("authorization_endpoint", "a string", _value)
        obj.authorization_endpoint = _value

        _value = d.pop("token_endpoint", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("token_endpoint", "a string", _value)
        obj.token_endpoint = _value

        _value = d.pop("response_types_supported", UNSET)
        if not isinstance(_value, list):
            raise InvalidDataError.of("response_types_supported", "an array", _value)
        for _index, _item in enumerate(_value):
            if not isinstance(_item, str):
                raise InvalidDataError.of(
                    "response_types_supported", "a string", _item, _index
                )
        obj.response_types_supported = _value

        _value = d.pop("introspection_endpoint", UNSET)
        if _value is UNSET:
            obj.introspection_endpoint = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("introspection_endpoint", "a string", _value)
            obj.introspection_endpoint = _value

        _value = d.pop("jwks_uri", UNSET)
        if _value is UNSET:
            obj.jwks_uri = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("jwks_uri", "a string", _value)
            obj.jwks_uri = _value

        _value = d.pop("registration_endpoint", UNSET)
        if _value is UNSET:
            obj.registration_endpoint = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("registration_endpoint", "a string", _value)
            obj.registration_endpoint = _value

        _value = d.pop("code_challenge_methods_supported", UNSET)
        if _value is UNSET:
            obj.code_challenge_methods_supported = UNSET
        else:
            if not isinstance(_value, list):
                raise InvalidDataError.of(
                    "code_challenge_methods_supported", "an array", _value
                )
            for _index, _item in enumerate(_value):
                if not isinstance(_item, str):
                    raise InvalidDataError.of(
                        "code_challenge_methods_supported", "a string", _item, _index
                    )
            obj.code_challenge_methods_supported = _value

        _value = d.pop("grant_types_supported", UNSET)
        if _value is UNSET:
            obj.grant_types_supported = UNSET
        else:
            if not isinstance(_value, list):
                raise InvalidDataError.of("grant_types_supported", "an array", _value)
            for _index, _item in enumerate(_value):
                if not isinstance(_item, str):
                    raise InvalidDataError.of(
                        "grant_types_supported", "a string", _item, _index
                    )
            obj.grant_types_supported = _value

        _value = d.pop("scopes_supported", UNSET)
        if _value is UNSET:
            obj.scopes_supported = UNSET
        else:
            if not isinstance(_value, list):
                raise InvalidDataError.of("scopes_supported", "an array", _value)
            for _index, _item in enumerate(_value):
                if not isinstance(_item, str):
                    raise InvalidDataError.of(
                        "scopes_supported", "a string", _item, _index
                    )
            obj.scopes_supported = _value

        _value = d.pop("token_endpoint_auth_methods_supported", UNSET)
        if _value is UNSET:
            obj.token_endpoint_auth_methods_supported = UNSET
        else:
            if not isinstance(_value, list):
                raise InvalidDataError.of(
                    "token_endpoint_auth_methods_supported", "an array", _value
                )
            for _index, _item in enumerate(_value):
                if not isinstance(_item, str):
                    raise InvalidDataError.of(
                        "token_endpoint_auth_methods_supported",
                        "a string",
                        _item,
                        _index,
                    )
            obj.token_endpoint_auth_methods_supported = _value

        _value = d.pop("introspection_endpoint_auth_methods_supported", UNSET)
        if _value is UNSET:
            obj.introspection_endpoint_auth_methods_supported = UNSET
        else:
            if not isinstance(_value, list):
                raise InvalidDataError.of(
                    "introspection_endpoint_auth_methods_supported", "an array", _value
                )
            for _index, _item in enumerate(_value):
                if not isinstance(_item, str):
                    raise InvalidDataError.of(
                        "introspection_endpoint_auth_methods_supported",
                        "a string",
                        _item,
                        _index,
                    )
            obj.introspection_endpoint_auth_methods_supported = _value

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
