from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

from ..errors import InvalidDataError, json_type_name
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.telnyx_error_meta import TelnyxErrorMeta
    from ..models.telnyx_error_source import TelnyxErrorSource


class TelnyxError:
    """One Telnyx platform error.

    Attributes:
        code (str): The Telnyx error code, such as `10011` for rate limiting.
        title (str): A short summary.
        detail (str | Unset): What went wrong, in words.
        source (TelnyxErrorSource | Unset): What part of the request the error is about.
        meta (TelnyxErrorMeta | Unset): More about the error.
    """

    __slots__ = (
        "code",
        "title",
        "detail",
        "source",
        "meta",
        "additional_properties",
    )

    code: str
    title: str
    detail: str | Unset
    source: TelnyxErrorSource | Unset
    meta: TelnyxErrorMeta | Unset
    additional_properties: dict[str, Any]

    _SECRET_FIELDS: ClassVar[frozenset[str]] = frozenset({})

    def __init__(
        self,
        code: str,
        title: str,
        detail: str | Unset = UNSET,
        source: TelnyxErrorSource | Unset = UNSET,
        meta: TelnyxErrorMeta | Unset = UNSET,
    ) -> None:
        self.code = code
        self.title = title
        self.detail = detail
        self.source = source
        self.meta = meta
        self.additional_properties = {}

    def __repr__(self) -> str:
        return model_repr(
            "TelnyxError",
            (
                ("code", self.code),
                ("title", self.title),
                ("detail", self.detail),
                ("source", self.source),
                ("meta", self.meta),
            ),
            self._SECRET_FIELDS,
            self.additional_properties,
        )

    def __eq__(self, other: object) -> bool:
        # Equal fields of the same class, as attrs compared them; defining __eq__ makes the class
        # unhashable, as a mutable value should be.
        if not isinstance(other, TelnyxError) or other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.code,
            self.title,
            self.detail,
            self.source,
            self.meta,
            self.additional_properties,
        ) == (
            other.code,
            other.title,
            other.detail,
            other.source,
            other.meta,
            other.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        title = self.title

        detail = self.detail

        source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.to_dict()

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "title": title,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail
        if source is not UNSET:
            field_dict["source"] = source
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build a TelnyxError from a JSON object, checked against the spec.

        Raises ``InvalidDataError`` naming the field (``.path``) whose value is missing or of the
        wrong type; fields the spec does not list are kept in ``additional_properties``.
        """
        from ..models.telnyx_error_meta import TelnyxErrorMeta  # noqa: PLC0415
        from ..models.telnyx_error_source import TelnyxErrorSource  # noqa: PLC0415

        if not isinstance(src_dict, Mapping):
            raise InvalidDataError(
                f"expected an object, got {json_type_name(src_dict)}"
            )
        d = dict(src_dict)
        obj = cls.__new__(cls)
        _value = d.pop("code", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("code", "a string", _value)
        obj.code = _value

        _value = d.pop("title", UNSET)
        if not isinstance(_value, str):
            raise InvalidDataError.of("title", "a string", _value)
        obj.title = _value

        _value = d.pop("detail", UNSET)
        if _value is UNSET:
            obj.detail = UNSET
        else:
            if not isinstance(_value, str):
                raise InvalidDataError.of("detail", "a string", _value)
            obj.detail = _value

        _value = d.pop("source", UNSET)
        if _value is UNSET:
            obj.source = UNSET
        else:
            if not isinstance(_value, dict):
                raise InvalidDataError.of("source", "an object", _value)
            try:
                obj.source = TelnyxErrorSource.from_dict(_value)
            except InvalidDataError as exc:
                exc.within("source")
                raise

        _value = d.pop("meta", UNSET)
        if _value is UNSET:
            obj.meta = UNSET
        else:
            if not isinstance(_value, dict):
                raise InvalidDataError.of("meta", "an object", _value)
            try:
                obj.meta = TelnyxErrorMeta.from_dict(_value)
            except InvalidDataError as exc:
                exc.within("meta")
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
