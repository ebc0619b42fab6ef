package main

// Answers from a newer API decode with the generated client: a field the spec does not list is
// kept in AdditionalProperties, and values the spec lists as extensible (x-extensible-enum)
// may be new or differ in case. Each of these failed with a client generated from spec 2.1.0.

import (
	"encoding/json"
	"testing"

	"example.com/telnyx/telnyxoauth"
)

func TestOAuthClientWithANewFieldAndNewValuesDecodes(t *testing.T) {
	body := `{"record_type": "oauth_client", "client_id": "5f3c6c1e-8a4b-4a57-9a8f-1c2d3e4f5a6b",
		"name": "Example App", "org_id": "o", "user_id": "u", "client_type": "first_party",
		"require_pkce": true, "created_at": "2026-03-02T10:15:30Z",
		"updated_at": "2026-03-02T10:15:30Z",
		"allowed_grant_types": ["client_credentials", "urn:ietf:params:oauth:grant-type:device_code"],
		"verified": true}`
	var client telnyxoauth.OAuthClient
	if err := json.Unmarshal([]byte(body), &client); err != nil {
		t.Fatalf("decoding a newer OAuth client: %v", err)
	}
	if client.GetClientType() != "first_party" {
		t.Errorf("client_type = %q", client.GetClientType())
	}
	if grants := client.GetAllowedGrantTypes(); len(grants) != 2 || grants[1] != "urn:ietf:params:oauth:grant-type:device_code" {
		t.Errorf("allowed_grant_types = %q", grants)
	}
	if client.AdditionalProperties["verified"] != true {
		t.Errorf("the unknown field is lost: %v", client.AdditionalProperties)
	}
}

func TestTokenResponseWithLowerCaseBearerDecodes(t *testing.T) {
	body := `{"access_token": "x", "token_type": "bearer", "expires_in": 3600, "issued_token_type": "y"}`
	var token telnyxoauth.TokenResponse
	if err := json.Unmarshal([]byte(body), &token); err != nil {
		t.Fatalf("decoding a token with token_type bearer: %v", err)
	}
	if token.GetTokenType() != "bearer" || token.AdditionalProperties["issued_token_type"] != "y" {
		t.Errorf("token = %+v", token)
	}
}

func TestMetadataWithUnknownFieldsAndValuesDecodes(t *testing.T) {
	body := `{"issuer": "https://api.telnyx.com",
		"authorization_endpoint": "https://api.telnyx.com/v2/oauth/authorize",
		"token_endpoint": "https://api.telnyx.com/v2/oauth/token",
		"response_types_supported": ["code", "code id_token"],
		"code_challenge_methods_supported": ["S256", "S512"],
		"revocation_endpoint": "https://api.telnyx.com/v2/oauth/revoke"}`
	var metadata telnyxoauth.AuthorizationServerMetadata
	if err := json.Unmarshal([]byte(body), &metadata); err != nil {
		t.Fatalf("decoding newer metadata: %v", err)
	}
	if metadata.AdditionalProperties["revocation_endpoint"] != "https://api.telnyx.com/v2/oauth/revoke" {
		t.Errorf("the unknown field is lost: %v", metadata.AdditionalProperties)
	}
}

func TestErrorWithAnUnknownFieldDecodes(t *testing.T) {
	body := `{"error": "invalid_client", "error_description": "d", "error_uri": "https://x"}`
	var oauthError telnyxoauth.OAuthError
	if err := json.Unmarshal([]byte(body), &oauthError); err != nil {
		t.Fatalf("decoding an OAuth error with error_uri: %v", err)
	}
}
