from collections.abc import Iterable
from enum import StrEnum
from typing import Literal

ClientTypeValue = Literal["confidential", "public"]


class ClientType(StrEnum):
    CONFIDENTIAL = "confidential"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ClientType | None":
        # Forward compatibility: an unknown string becomes a pseudo-member that keeps the value,
        # so a response that carries it parses, and to_dict() sends the same value back. It is
        # not added to the class's members; `is_known()` tells the two apart.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    def is_known(self) -> bool:
        """Whether this value is one the spec lists (False for a value the API added later)."""
        return self._value_ in type(self)._value2member_map_

    @classmethod
    def coerce(cls, value: "ClientType | ClientTypeValue", field: str) -> "ClientType":
        """``value`` as a member: a member as it is, a listed string as its member.

        Any other string raises ``ValueError`` and any other type ``TypeError``, each naming
        ``field`` and the listed values. To send a value the spec does not list yet, pass
        ``ClientType("the-value")`` explicitly.
        """
        if isinstance(value, cls):
            return value
        allowed = "'confidential', 'public'"
        if isinstance(value, str):
            if value in cls._value2member_map_:
                return cls(value)
            raise ValueError(
                f"{field}: {value[:64]!r} is not one of {allowed}; "
                f"pass {cls.__name__}({value[:64]!r}) to send a value this client does not list"
            )
        raise TypeError(
            f"{field}: expected {cls.__name__} or one of {allowed}, got {type(value).__name__}"
        )

    @classmethod
    def coerce_list(
        cls, values: "Iterable[ClientType | ClientTypeValue]", field: str
    ) -> "list[ClientType]":
        """Every item of ``values`` through ``coerce``; a lone string is refused (``TypeError``)."""
        if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
            raise TypeError(
                f"{field}: expected a list of {cls.__name__}, got {type(values).__name__}"
            )
        return [
            cls.coerce(value, f"{field}[{index}]") for index, value in enumerate(values)
        ]
