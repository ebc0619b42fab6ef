from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, model_repr

if TYPE_CHECKING:
    from ..models.consent_details import ConsentDetails


class ConsentDetailsResponse:
    """The consent request, in the `data` envelope.

    Attributes:
        data (ConsentDetails): What the user is asked to consent to. Telnyx's reference guarantees none of its fields.
    """

    __slots__ = (
        "data",
        "additional_properties",
    )

    data: ConsentDetails
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        data: ConsentDetails,
    ) -> None:
        self.data = data
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "ConsentDetailsResponse",
            (("data", self.data),),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if (
            not isinstance(other, ConsentDetailsResponse)
            or other.__class__ is not self.__class__
        ):
            return NotImplemented
        return (
            self.data,
            self.additional_properties,
        ) == (
            other.data,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a ConsentDetailsResponse from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        from ..models.consent_details import ConsentDetails  # noqa: PLC0415

        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("data", UNSET)
        if not isinstance(_value, dict):
            raise InvalidDataError.of("data", "an object", _value)
        try:
            obj.data = ConsentDetails.from_dict(_value)
        except InvalidDataError as exc:
            exc.within("data")
            raise

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
