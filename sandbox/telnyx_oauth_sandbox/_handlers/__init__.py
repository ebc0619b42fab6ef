"""The handlers of the spec's operations, one module per tag, as in ``telnyx_oauth_api.api``.

``HANDLERS_BY_TAG`` maps each tag to its operations' bindings; the route table checks that every
operation of the spec has a binding under its own tag, and every binding an operation.
"""

from __future__ import annotations

from collections.abc import Mapping

from .._endpoint import Binding
from . import discovery, oauth, oauth_clients, oauth_grants

HANDLERS_BY_TAG: Mapping[str, Mapping[str, Binding]] = {
    "discovery": discovery.HANDLERS,
    "oauth": oauth.HANDLERS,
    "oauth_clients": oauth_clients.HANDLERS,
    "oauth_grants": oauth_grants.HANDLERS,
}
