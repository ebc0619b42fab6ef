"""``Token.to_dict()`` / ``Token.from_dict()``: a JSON-safe, versioned form for keeping tokens."""

from __future__ import annotations

import json

import pytest

import telnyx_oauth
from telnyx_oauth import Token
from telnyx_oauth._token_store import decode_record, encode_record
from tests.unit._support import default_recursion_limit, nested_json

SECRET_ACCESS = "at-0123456789-secret-access"
SECRET_REFRESH = "rt-9876543210-secret-refresh"
TOKEN = Token(
    access_token=SECRET_ACCESS,
    expires_in=3600.0,
    expires_at=1_800_000_000.5,
    refresh_token=SECRET_REFRESH,
    scope="admin numbers.read",
)


def test_to_dict_survives_json_and_from_dict_unchanged() -> None:
    """What to_dict() gives goes through json.dumps/loads and from_dict() to an equal Token."""
    text = json.dumps(TOKEN.to_dict(), allow_nan=False)
    assert Token.from_dict(json.loads(text)) == TOKEN
    bare = Token(access_token="a")
    assert Token.from_dict(json.loads(json.dumps(bare.to_dict()))) == bare


def test_to_dict_is_versioned_and_names_every_field() -> None:
    """The dict carries version 1 and the RFC 6749 names a reader of the table expects."""
    assert TOKEN.to_dict() == {
        "version": 1,
        "access_token": SECRET_ACCESS,
        "token_type": "Bearer",
        "expires_in": 3600.0,
        "expires_at": 1_800_000_000.5,
        "refresh_token": SECRET_REFRESH,
        "scope": "admin numbers.read",
    }


def test_the_dict_and_a_token_store_record_are_one_form() -> None:
    """A kept dict reads as a store record and back: the two never drift apart."""
    assert decode_record(json.dumps(TOKEN.to_dict())) == TOKEN
    assert Token.from_dict(json.loads(encode_record(TOKEN))) == TOKEN


def test_repr_of_a_token_read_back_hides_both_tokens() -> None:
    """A Token from from_dict() prints without its access or refresh token."""
    shown = repr(Token.from_dict(TOKEN.to_dict()))
    assert SECRET_ACCESS not in shown
    assert SECRET_REFRESH not in shown
    assert "admin numbers.read" in shown


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ([1, 2], "is not a JSON object"),
        ({"access_token": SECRET_ACCESS}, "has version ?"),
        ({"version": 2, "access_token": SECRET_ACCESS}, "has version 2"),
        ({"version": True, "access_token": SECRET_ACCESS}, "has version ?"),
        ({"version": 1, "refresh_token": SECRET_REFRESH}, "has no access_token"),
        ({"version": 1, "access_token": "a", "expires_at": SECRET_REFRESH}, "expires_at"),
        ({"version": 1, "access_token": "a", "expires_in": float("nan")}, "expires_in"),
        ({"version": 1, "access_token": "a", "refresh_token": 7}, "refresh_token is not a str"),
    ],
)
def test_from_dict_names_what_is_wrong_without_the_secret(data: object, words: str) -> None:
    """Each wrong dict raises InvalidDataError (a ValueError) naming the field, not its value."""
    with pytest.raises(telnyx_oauth.InvalidDataError) as caught:
        Token.from_dict(data)  # type: ignore[arg-type]
    message = str(caught.value)
    assert words in message
    assert SECRET_ACCESS not in message
    assert SECRET_REFRESH not in message
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("lifetime", "words"),
    [
        ("1" + "0" * 400, "expires_in is not a finite number"),  # an int too large for a float
        ("true", "expires_in is not a number"),
        ("[60]", "expires_in is not a number"),
        ('{"s": 60}', "expires_in is not a number"),
        ('"soon"', "expires_in is not a number"),
    ],
)
def test_a_token_response_with_a_bad_expires_in_is_a_validation_error(
    lifetime: str, words: str
) -> None:
    """An expires_in that is no finite number is APIResponseValidationError, never another error
    (an integer beyond a float's range once escaped as OverflowError)."""
    import httpx

    from telnyx_oauth._token import parse_token_response

    body = f'{{"access_token": "{SECRET_ACCESS}", "expires_in": {lifetime}}}'
    response = httpx.Response(200, content=body.encode(), request=httpx.Request("POST", "http://t"))
    with pytest.raises(telnyx_oauth.APIResponseValidationError, match=words):
        parse_token_response(response, now=0.0)


def test_a_token_response_nested_too_deeply_is_a_validation_error() -> None:
    """JSON nested past the parser's recursion limit is APIResponseValidationError, not a bare
    RecursionError."""
    import httpx

    from telnyx_oauth._token import parse_token_response

    body = b'{"access_token": ' + nested_json() + b"}"
    response = httpx.Response(200, content=body, request=httpx.Request("POST", "http://t"))
    with (
        default_recursion_limit(),
        pytest.raises(telnyx_oauth.APIResponseValidationError, match="body nests too deeply"),
    ):
        parse_token_response(response, now=0.0)


@pytest.mark.parametrize(("lifetime", "seconds"), [("60", 60.0), ("0.1", 0.1), ('"3600"', 3600.0)])
def test_a_token_response_lifetime_is_read_exactly(lifetime: str, seconds: float) -> None:
    """A number or a numeric string in expires_in is read as the same float."""
    import httpx

    from telnyx_oauth._token import parse_token_response

    body = f'{{"access_token": "a", "expires_in": {lifetime}}}'
    response = httpx.Response(200, content=body.encode(), request=httpx.Request("POST", "http://t"))
    assert parse_token_response(response, now=10.0).expires_in == seconds


def test_from_dict_refuses_an_int_too_large_for_a_float() -> None:
    """A lifetime beyond a float's range is InvalidDataError naming the field (it once escaped
    as OverflowError); an int in range is read as the same float."""
    data = {"version": 1, "access_token": "a", "expires_at": 10**400}
    with pytest.raises(telnyx_oauth.InvalidDataError, match="expires_at is not a number"):
        Token.from_dict(data)
    # Past Python's limit for turning an int into text, too.
    with pytest.raises(telnyx_oauth.InvalidDataError, match="expires_at is not a number"):
        Token.from_dict({**data, "expires_at": 10**5000})
    assert Token.from_dict({**data, "expires_at": 1_800_000_000}).expires_at == 1_800_000_000.0
