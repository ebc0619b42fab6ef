from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.requested_scope import RequestedScope


class ConsentDetails:
    """What the user is asked to consent to. Telnyx's reference guarantees none of its fields.

    Attributes:
        client_id (str | Unset): The client asking for authorization.
        name (str | Unset): The client's name.
        redirect_uri (str | Unset): Where the user is sent after deciding.
        verified (bool | Unset): Whether Telnyx verified the client.
        requested_scopes (list[RequestedScope] | Unset): The scopes asked for.
        logo_uri (None | str | Unset): The client's logo.
        policy_uri (None | str | Unset): The client's privacy policy.
        tos_uri (None | str | Unset): The client's terms of service.
    """

    __slots__ = (
        "client_id",
        "name",
        "redirect_uri",
        "verified",
        "requested_scopes",
        "logo_uri",
        "policy_uri",
        "tos_uri",
        "additional_properties",
    )

    client_id: str | Unset
    name: str | Unset
    redirect_uri: str | Unset
    verified: bool | Unset
    requested_scopes: list[RequestedScope] | Unset
    logo_uri: None | str | Unset
    policy_uri: None | str | Unset
    tos_uri: None | str | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        client_id: str | Unset = UNSET,
        name: str | Unset = UNSET,
        redirect_uri: str | Unset = UNSET,
        verified: bool | Unset = UNSET,
        requested_scopes: list[RequestedScope] | Unset = UNSET,
        logo_uri: None | str | Unset = UNSET,
        policy_uri: None | str | Unset = UNSET,
        tos_uri: None | str | Unset = UNSET,
    ) -> None:
        self.client_id = client_id
        self.name = name
        self.redirect_uri = redirect_uri
        self.verified = verified
        self.requested_scopes = requested_scopes
        self.logo_uri = logo_uri
        self.policy_uri = policy_uri
        self.tos_uri = tos_uri
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "ConsentDetails",
            (
                ("client_id", self.client_id),
                ("name", self.name),
                ("redirect_uri", self.redirect_uri),
                ("verified", self.verified),
                ("requested_scopes", self.requested_scopes),
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
            not isinstance(other, ConsentDetails)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.client_id,
            self.name,
            self.redirect_uri,
            self.verified,
            self.requested_scopes,
            self.logo_uri,
            self.policy_uri,
            self.tos_uri,
            self.additional_properties,
        ) == (
            other.client_id,
            other.name,
            other.redirect_uri,
            other.verified,
            other.requested_scopes,
            other.logo_uri,
            other.policy_uri,
            other.tos_uri,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        name = self.name

        redirect_uri = self.redirect_uri

        verified = self.verified

        requested_scopes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.requested_scopes, Unset):
            requested_scopes = []
            for requested_scopes_item_data in self.requested_scopes:
                requested_scopes_item = requested_scopes_item_data.to_dict()
                requested_scopes.append(requested_scopes_item)

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
        field_dict.update({})
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if name is not UNSET:
            field_dict["name"] = name
        if redirect_uri is not UNSET:
            field_dict["redirect_uri"] = redirect_uri
        if verified is not UNSET:
            field_dict["verified"] = verified
        if requested_scopes is not UNSET:
            field_dict["requested_scopes"] = requested_scopes
        if logo_uri is not UNSET:
            field_dict["logo_uri"] = logo_uri
        if policy_uri is not UNSET:
            field_dict["policy_uri"] = policy_uri
        if tos_uri is not UNSET:
            field_dict["tos_uri"] = tos_uri

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a ConsentDetails from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        from ..models.requested_scope import RequestedScope  # noqa: PLC0415

        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("client_id", UNSET)
        if _value is UNSET:
            obj.client_id = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("client_id", "a string", _value)
            obj.client_id = _value

        _value = d.pop("name", UNSET)
        if _value is UNSET:
            obj.name = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("name", "a string", _value)
            obj.name = _value

        _value = d.pop("redirect_uri", UNSET)
        if _value is UNSET:
            obj.redirect_uri = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("redirect_uri", "a string", _value)
            obj.redirect_uri = _value

        _value = d.pop("verified", UNSET)
        if _value is UNSET:
            obj.verified = UNSET
        else:
            if not isinstance(_value, bool):
                raise InvalidDataError.of("verified", "a boolean", _value)
            obj.verified = _value

        _value = d.pop("requested_scopes", UNSET)
        if _value is UNSET:
            obj.requested_scopes = UNSET
        else:
            if not isinstance(_value, list):
                raise InvalidDataError.of("requested_scopes", "an array", _value)
            _requested_scopes_items: list[RequestedScope] = []
            try:
                for _index, _item in enumerate(_value):
                    _requested_scopes_items.append(RequestedScope.from_dict(_item))
            except InvalidDataError as exc:
                exc.within("requested_scopes", _index)
                raise
            obj.requested_scopes = _requested_scopes_items

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
