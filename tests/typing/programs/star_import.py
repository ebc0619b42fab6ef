"""A script that takes the whole package with a star import, as a notebook might.

A user-style program for the typing suite: type-checked with mypy --strict, never run. The names
it uses are bound at import (``connect``, the errors) and on first use (``paginate``, the flows).
"""

from __future__ import annotations

from typing import assert_type

from telnyx_oauth import *  # noqa: F403
from telnyx_oauth_api.api.oauth_clients import list_oauth_clients
from telnyx_oauth_api.models import OAuthClient


def names(api_key: str) -> list[str]:
    api = connect(api_key)  # noqa: F405
    try:
        clients = list(paginate(list_oauth_clients, api))  # noqa: F405
    except NotFoundError as error:  # noqa: F405
        assert_type(error.status_code, int)
        return []
    assert_type(clients, list[OAuthClient])
    flow = AuthorizationCodeFlow(api, client_id="c", redirect_uri="http://127.0.0.1/cb")  # noqa: F405
    assert_type(flow, AuthorizationCodeFlow)  # noqa: F405
    return [c.name for c in clients]
