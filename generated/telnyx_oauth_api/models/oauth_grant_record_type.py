from enum import StrEnum


class OAuthGrantRecordType(StrEnum):
    OAUTH_GRANT = "oauth_grant"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "OAuthGrantRecordType | None":
        # Forward compatibility (templates/str_enum.py.jinja): the API adds enum values over
        # time. An unknown string becomes a pseudo-member that keeps the value, so a response
        # that carries it parses, and to_dict() sends the same value back. It is not added to
        # the class's members; `is_known()` tells the two apart.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    def is_known(self) -> bool:
        """Whether this value is one the spec lists (False for a value the API added later)."""
        return self._value_ in type(self)._value2member_map_
