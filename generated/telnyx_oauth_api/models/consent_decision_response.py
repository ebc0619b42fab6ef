from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, model_repr


class ConsentDecisionResponse:
    """Where to send the user's browser after the decision.

    Attributes:
        redirect_uri (str): The client's redirect URI with `code` and `state`, or with `error=access_denied` and
            `state`.
    """

    __slots__ = (
        "redirect_uri",
        "additional_properties",
    )

    redirect_uri: str
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset(
        {
            "redirect_uri",
        }
    )

    def __init__(
        self,
        redirect_uri: str,
    ) -> None:
        self.redirect_uri = redirect_uri
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "ConsentDecisionResponse",
            (("redirect_uri", self.redirect_uri),),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, ConsentDecisionResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.redirect_uri,
            self.additional_properties,
        ) == (
            other.redirect_uri,
            other.additional_properties,
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
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a ConsentDecisionResponse from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("redirect_uri", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("redirect_uri", "a string", _value)
        obj.redirect_uri = _value

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
