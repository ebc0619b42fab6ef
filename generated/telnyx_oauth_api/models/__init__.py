"""Contains all the data models used in inputs/outputs"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .authorization_server_metadata import AuthorizationServerMetadata
    from .client_type import ClientType
    from .code_challenge_method import CodeChallengeMethod
    from .consent_decision_request import ConsentDecisionRequest
    from .consent_decision_response import ConsentDecisionResponse
    from .consent_details import ConsentDetails
    from .consent_details_response import ConsentDetailsResponse
    from .error_response import ErrorResponse
    from .grant_type import GrantType
    from .introspect_request import IntrospectRequest
    from .introspect_response import IntrospectResponse
    from .invalid_fields import InvalidFields
    from .json_web_key import JsonWebKey
    from .json_web_key_set import JsonWebKeySet
    from .oauth_client import OAuthClient
    from .oauth_client_create_request import OAuthClientCreateRequest
    from .oauth_client_list_response import OAuthClientListResponse
    from .oauth_client_record_type import OAuthClientRecordType
    from .oauth_client_response import OAuthClientResponse
    from .oauth_client_update_request import OAuthClientUpdateRequest
    from .oauth_error import OAuthError
    from .oauth_grant import OAuthGrant
    from .oauth_grant_list_response import OAuthGrantListResponse
    from .oauth_grant_record_type import OAuthGrantRecordType
    from .oauth_grant_response import OAuthGrantResponse
    from .pagination_meta import PaginationMeta
    from .protected_resource_metadata import ProtectedResourceMetadata
    from .registration_error import RegistrationError
    from .registration_request import RegistrationRequest
    from .registration_response import RegistrationResponse
    from .requested_scope import RequestedScope
    from .response_type import ResponseType
    from .telnyx_error import TelnyxError
    from .telnyx_error_meta import TelnyxErrorMeta
    from .telnyx_error_source import TelnyxErrorSource
    from .token_endpoint_auth_method import TokenEndpointAuthMethod
    from .token_request import TokenRequest
    from .token_response import TokenResponse

_MODULE_OF = {
    "AuthorizationServerMetadata": ".authorization_server_metadata",
    "ClientType": ".client_type",
    "CodeChallengeMethod": ".code_challenge_method",
    "ConsentDecisionRequest": ".consent_decision_request",
    "ConsentDecisionResponse": ".consent_decision_response",
    "ConsentDetails": ".consent_details",
    "ConsentDetailsResponse": ".consent_details_response",
    "ErrorResponse": ".error_response",
    "GrantType": ".grant_type",
    "IntrospectRequest": ".introspect_request",
    "IntrospectResponse": ".introspect_response",
    "InvalidFields": ".invalid_fields",
    "JsonWebKey": ".json_web_key",
    "JsonWebKeySet": ".json_web_key_set",
    "OAuthClient": ".oauth_client",
    "OAuthClientCreateRequest": ".oauth_client_create_request",
    "OAuthClientListResponse": ".oauth_client_list_response",
    "OAuthClientRecordType": ".oauth_client_record_type",
    "OAuthClientResponse": ".oauth_client_response",
    "OAuthClientUpdateRequest": ".oauth_client_update_request",
    "OAuthError": ".oauth_error",
    "OAuthGrant": ".oauth_grant",
    "OAuthGrantListResponse": ".oauth_grant_list_response",
    "OAuthGrantRecordType": ".oauth_grant_record_type",
    "OAuthGrantResponse": ".oauth_grant_response",
    "PaginationMeta": ".pagination_meta",
    "ProtectedResourceMetadata": ".protected_resource_metadata",
    "RegistrationError": ".registration_error",
    "RegistrationRequest": ".registration_request",
    "RegistrationResponse": ".registration_response",
    "RequestedScope": ".requested_scope",
    "ResponseType": ".response_type",
    "TelnyxError": ".telnyx_error",
    "TelnyxErrorMeta": ".telnyx_error_meta",
    "TelnyxErrorSource": ".telnyx_error_source",
    "TokenEndpointAuthMethod": ".token_endpoint_auth_method",
    "TokenRequest": ".token_request",
    "TokenResponse": ".token_response",
}


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = (
    "AuthorizationServerMetadata",
    "ClientType",
    "CodeChallengeMethod",
    "ConsentDecisionRequest",
    "ConsentDecisionResponse",
    "ConsentDetails",
    "ConsentDetailsResponse",
    "ErrorResponse",
    "GrantType",
    "IntrospectRequest",
    "IntrospectResponse",
    "InvalidFields",
    "JsonWebKey",
    "JsonWebKeySet",
    "OAuthClient",
    "OAuthClientCreateRequest",
    "OAuthClientListResponse",
    "OAuthClientRecordType",
    "OAuthClientResponse",
    "OAuthClientUpdateRequest",
    "OAuthError",
    "OAuthGrant",
    "OAuthGrantListResponse",
    "OAuthGrantRecordType",
    "OAuthGrantResponse",
    "PaginationMeta",
    "ProtectedResourceMetadata",
    "RegistrationError",
    "RegistrationRequest",
    "RegistrationResponse",
    "RequestedScope",
    "ResponseType",
    "TelnyxError",
    "TelnyxErrorMeta",
    "TelnyxErrorSource",
    "TokenEndpointAuthMethod",
    "TokenRequest",
    "TokenResponse",
)
