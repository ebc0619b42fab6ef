"""Edits to a copy of the spec, each the kind of change a spec author makes, for spec-diff tests."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tools.spec_diff.model import Level

Spec = dict[str, Any]


def _schemas(spec: Spec) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


def remove_response_field(spec: Spec) -> None:
    client = _schemas(spec)["OAuthClient"]
    del client["properties"]["org_id"]
    client["required"].remove("org_id")


def rename_path_parameter(spec: Spec) -> None:
    spec["paths"]["/v2/oauth_clients/{client_id}"] = spec["paths"].pop("/v2/oauth_clients/{id}")
    spec["components"]["parameters"]["OAuthClientId"]["name"] = "client_id"


def make_request_field_required(spec: Spec) -> None:
    _schemas(spec)["OAuthClientCreateRequest"]["required"].append("redirect_uris")


def narrow_request_enum(spec: Spec) -> None:
    _schemas(spec)["TokenEndpointAuthMethod"]["enum"].remove("client_secret_post")


def add_optional_request_field(spec: Spec) -> None:
    properties = _schemas(spec)["OAuthClientCreateRequest"]["properties"]
    properties["contacts"] = {
        "type": "array",
        "description": "Addresses of the people responsible for the client.",
        "items": {"type": "string"},
    }


def add_closed_response_enum_value(spec: Spec) -> None:
    _schemas(spec)["OAuthClientRecordType"]["enum"].append("oauth_app")


def add_extensible_response_enum_value(spec: Spec) -> None:
    _schemas(spec)["TokenType"]["x-extensible-enum"].append("DPoP")


def remove_extensible_response_enum_value(spec: Spec) -> None:
    _schemas(spec)["ExtensibleGrantType"]["x-extensible-enum"].remove("refresh_token")


def add_request_enum_value(spec: Spec) -> None:
    _schemas(spec)["GrantType"]["enum"].append("urn:ietf:params:oauth:grant-type:device_code")


def close_extensible_enum(spec: Spec) -> None:
    schema = _schemas(spec)["ExtensibleClientType"]
    schema["enum"] = schema.pop("x-extensible-enum")


def change_description(spec: Spec) -> None:
    _schemas(spec)["OAuthClient"]["properties"]["name"]["description"] = "The name users see."


def make_response_field_optional(spec: Spec) -> None:
    _schemas(spec)["OAuthClient"]["required"].remove("org_id")


def add_vendor_extension(spec: Spec) -> None:
    _schemas(spec)["OAuthClient"]["properties"]["name"]["x-display-order"] = 1


def change_example(spec: Spec) -> None:
    get = spec["paths"]["/v2/oauth_clients/{id}"]["get"]
    example = next(
        iter(get["responses"]["200"]["content"]["application/json"]["examples"].values())
    )
    example["value"]["data"]["name"] = "Another example"


def add_response_field(spec: Spec) -> None:
    _schemas(spec)["OAuthClient"]["properties"]["contacts"] = {
        "type": "array",
        "description": "Addresses of the people responsible for the client.",
        "items": {"type": "string"},
    }


def add_operation(spec: Spec) -> None:
    item = spec["paths"]["/v2/oauth_clients/{id}"]
    item["patch"] = {**copy.deepcopy(item["put"]), "operationId": "patch_oauth_client"}


def rename_operation_id(spec: Spec) -> None:
    spec["paths"]["/v2/oauth_clients/{id}"]["get"]["operationId"] = "fetch_oauth_client"


def tighten_request_constraint(spec: Spec) -> None:
    _schemas(spec)["OAuthClientCreateRequest"]["properties"]["name"]["maxLength"] = 64


def remove_request_field(spec: Spec) -> None:
    del _schemas(spec)["OAuthClientCreateRequest"]["properties"]["tos_uri"]


def change_response_type(spec: Spec) -> None:
    _schemas(spec)["OAuthClient"]["properties"]["require_pkce"]["type"] = ["boolean", "null"]


def remove_operation(spec: Spec) -> None:
    del spec["paths"]["/v2/oauth_grants/{id}"]["delete"]


def drop_authentication(spec: Spec) -> None:
    spec["paths"]["/v2/oauth_clients/{id}"]["get"]["security"] = [{"clientBasicAuth": []}]


def change_first_tag(spec: Spec) -> None:
    spec["paths"]["/v2/oauth_clients/{id}"]["get"]["tags"] = ["clients"]


def rename_schema(spec: Spec) -> None:
    """PaginationMeta becomes Pagination, every reference to it too."""
    schemas = _schemas(spec)
    schemas["Pagination"] = schemas.pop("PaginationMeta")
    for name in ("OAuthClientListResponse", "OAuthGrantListResponse"):
        schemas[name]["properties"]["meta"] = {"$ref": "#/components/schemas/Pagination"}


def add_schema(spec: Spec) -> None:
    _schemas(spec)["ClientContact"] = {"type": "string", "description": "An e-mail address."}


def remove_query_parameter(spec: Spec) -> None:
    parameters = spec["paths"]["/v2/oauth_clients"]["get"]["parameters"]
    parameters[:] = [p for p in parameters if p.get("name") != "filter[verified]"]


def remove_response_content_type(spec: Spec) -> None:
    content = spec["paths"]["/v2/oauth_clients/{id}"]["get"]["responses"]["200"]["content"]
    content["application/vnd.telnyx+json"] = content.pop("application/json")


def close_request_body(spec: Spec) -> None:
    _schemas(spec)["IntrospectRequest"]["additionalProperties"] = False


def remove_response_status(spec: Spec) -> None:
    del spec["paths"]["/v2/oauth_clients/{id}"]["get"]["responses"]["404"]


def add_required_query_parameter(spec: Spec) -> None:
    spec["paths"]["/v2/oauth_grants"]["get"]["parameters"].append(
        {"name": "filter[client_id]", "in": "query", "required": True, "schema": {"type": "string"}}
    )


def accept_another_authentication(spec: Spec) -> None:
    spec["paths"]["/v2/oauth_clients/{id}"]["get"]["security"].append({"clientBasicAuth": []})


@dataclass(frozen=True)
class Edit:
    """An edit, its expected level, and words the report must use to name it."""

    apply: Callable[[Spec], None]
    level: Level
    named: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.apply.__name__

    def applied_to(self, spec: Spec) -> Spec:
        edited = copy.deepcopy(spec)
        self.apply(edited)
        return edited


EDITS = [
    # The seven edits of issue 14.
    Edit(remove_response_field, Level.MAJOR, ("cannot remove response property 'org_id'",)),
    Edit(rename_path_parameter, Level.MAJOR, ("path parameter {id} renamed to {client_id}",)),
    Edit(make_request_field_required, Level.MAJOR, ("redirect_uris", "required")),
    Edit(narrow_request_enum, Level.MAJOR, ("enum value 'client_secret_post' removed",)),
    Edit(
        add_optional_request_field, Level.MINOR, ("OAuthClientCreateRequest/properties/contacts",)
    ),
    # Enums, by what the change does to a strict client generated before it (issue 22).
    Edit(add_closed_response_enum_value, Level.MAJOR, ("'oauth_app' added", "strict generated")),
    Edit(add_extensible_response_enum_value, Level.MINOR, ("enum value 'DPoP' added",)),
    Edit(remove_extensible_response_enum_value, Level.MINOR, ("'refresh_token' removed",)),
    Edit(add_request_enum_value, Level.MINOR, ("device_code' added", "request")),
    Edit(close_extensible_enum, Level.MAJOR, ("extensible enum closed",)),
    Edit(change_description, Level.PATCH, ("OAuthClient/properties/name/description",)),
    # More of what a generated client sees.
    Edit(make_response_field_optional, Level.MAJOR, ("'org_id' optional", "data/items/org_id")),
    Edit(add_vendor_extension, Level.PATCH, ("x-display-order",)),
    Edit(change_example, Level.PATCH, ("Another example",)),
    Edit(add_response_field, Level.MINOR, ("OAuthClient/properties/contacts",)),
    Edit(add_operation, Level.MINOR, ("PATCH /v2/oauth_clients/{id}",)),
    Edit(rename_operation_id, Level.MAJOR, ("'get_oauth_client' renamed to 'fetch_oauth_client'",)),
    Edit(tighten_request_constraint, Level.MAJOR, ("name", "maxLength made stricter", "-> 64)")),
    Edit(remove_request_field, Level.MAJOR, ("request field 'tos_uri' removed",)),
    Edit(change_response_type, Level.MAJOR, ("require_pkce",)),
    Edit(
        remove_operation, Level.MAJOR, ("DELETE /v2/oauth_grants/{id}: cannot remove an operation",)
    ),
    Edit(drop_authentication, Level.MAJOR, ("bearerAuth no longer accepted",)),
    Edit(change_first_tag, Level.MAJOR, ("first tag 'oauth_clients' changed to 'clients'",)),
    Edit(rename_schema, Level.MAJOR, ("schema 'PaginationMeta' removed or renamed",)),
    Edit(add_schema, Level.MINOR, ("schema 'ClientContact' added",)),
    Edit(remove_query_parameter, Level.MAJOR, ("query parameter 'filter[verified]' removed",)),
    Edit(
        remove_response_content_type, Level.MAJOR, ("response 200 content type application/json",)
    ),
    Edit(close_request_body, Level.MAJOR, ("request object closed",)),
    Edit(remove_response_status, Level.MAJOR, ("must not remove response status code 404",)),
    Edit(
        add_required_query_parameter, Level.MAJOR, ("required query parameter filter[client_id]",)
    ),
    Edit(accept_another_authentication, Level.MINOR, ("clientBasicAuth now accepted",)),
]
