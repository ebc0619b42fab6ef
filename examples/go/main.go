// Telnyx OAuth from Go, with a client generated from openapi/telnyx-oauth.yaml by
// openapi-generator (generator "go", package telnyxoauth, module example.com/telnyx/telnyxoauth, which go.mod
// points at ./telnyxoauth):
//
//	openapi-generator-cli generate -g go -i openapi/telnyx-oauth.yaml -o examples/go/telnyxoauth \
//	    --package-name telnyxoauth --git-host example.com --git-user-id telnyx --git-repo-id telnyxoauth \
//	    --additional-properties=withGoMod=true
//
// The client-credentials story: reads the authorization server's metadata, creates a
// confidential client for the client-credentials grant, exchanges its credentials for an access
// token, lists the account's OAuth clients, introspects the token, and deletes the client again.
//
//	TELNYX_API_KEY    a Telnyx API key (required)
//	TELNYX_BASE_URL   the API host, https://api.telnyx.com by default; paths carry /v2
//
// Secrets (the API key, the client secret, the access token) are never printed.
package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"example.com/telnyx/telnyxoauth"
)

const (
	defaultBaseURL = "https://api.telnyx.com"
	scope          = "numbers.read"
	pageSize       = 100
)

// failure names the operation and what the API answered; error bodies carry no secrets.
func failure(operation string, err error) error {
	var apiErr *telnyxoauth.GenericOpenAPIError
	if errors.As(err, &apiErr) {
		return fmt.Errorf("%s failed: %s %s", operation, apiErr.Error(), apiErr.Body())
	}
	return fmt.Errorf("%s failed: %w", operation, err)
}

// formURLEncode encodes one part of HTTP Basic client authentication, as RFC 6749 section
// 2.3.1 requires before base64; net/http's SetBasicAuth, which the generated client uses, does not.
func formURLEncode(value string) string {
	return url.QueryEscape(value)
}

func run() error {
	apiKey := os.Getenv("TELNYX_API_KEY")
	if apiKey == "" {
		return errors.New("set TELNYX_API_KEY to a Telnyx API key")
	}
	baseURL := os.Getenv("TELNYX_BASE_URL")
	if baseURL == "" {
		baseURL = defaultBaseURL
	}

	config := telnyxoauth.NewConfiguration()
	config.Servers = telnyxoauth.ServerConfigurations{{URL: baseURL}}
	client := telnyxoauth.NewAPIClient(config)

	// Management calls carry the API key; OAuth calls authenticate as the OAuth client instead,
	// so the API key never reaches the token endpoint.
	background := context.Background()
	management := context.WithValue(background, telnyxoauth.ContextAccessToken, apiKey)

	// 1. Discovery: the whole document decodes, fields the spec lists and any others.
	metadata, _, err := client.DiscoveryAPI.GetAuthorizationServerMetadata(background).Execute()
	if err != nil {
		return failure("get_authorization_server_metadata", err)
	}
	fmt.Printf("issuer %s, token endpoint %s, grant types %s\n",
		metadata.GetIssuer(), metadata.GetTokenEndpoint(),
		strings.Join(metadata.GetGrantTypesSupported(), " "))

	// 2. A confidential client for the client-credentials grant.
	request := telnyxoauth.NewOAuthClientCreateRequest(
		"go example", []string{scope}, telnyxoauth.CLIENTTYPE_CONFIDENTIAL,
		[]telnyxoauth.GrantType{telnyxoauth.GRANTTYPE_CLIENT_CREDENTIALS},
	)
	created, _, err := client.OauthClientsAPI.CreateOauthClient(management).
		OAuthClientCreateRequest(*request).Execute()
	if err != nil {
		return failure("create_oauth_client", err)
	}
	oauthClient := created.GetData()
	clientID := oauthClient.GetClientId()
	fmt.Printf("created %s client %s (%s)\n", oauthClient.GetClientType(), clientID,
		strings.Join(oauthClient.GetAllowedGrantTypes(), " "))
	storyErr := useClient(client, background, management, oauthClient)

	// 6. Leave the account as it was, whatever happened above.
	if _, err := client.OauthClientsAPI.DeleteOauthClient(management, clientID).Execute(); err != nil {
		if storyErr != nil {
			fmt.Fprintln(os.Stderr, failure("delete_oauth_client", err))
			return storyErr
		}
		return failure("delete_oauth_client", err)
	}
	fmt.Printf("deleted client %s\n", clientID)
	return storyErr
}

// useClient gets a token as the client, lists the account's clients and introspects the token.
func useClient(
	client *telnyxoauth.APIClient, background, management context.Context,
	oauthClient telnyxoauth.OAuthClient,
) error {
	clientID := oauthClient.GetClientId()

	// 3. Token: client credentials, client_secret_basic.
	asClient := context.WithValue(background, telnyxoauth.ContextBasicAuth, telnyxoauth.BasicAuth{
		UserName: formURLEncode(clientID),
		Password: formURLEncode(oauthClient.GetClientSecret()),
	})
	token, _, err := client.OauthAPI.CreateToken(asClient).
		GrantType(telnyxoauth.GRANTTYPE_CLIENT_CREDENTIALS).Scope(scope).Execute()
	if err != nil {
		return failure("create_token", err)
	}
	if !strings.EqualFold(token.GetTokenType(), "Bearer") { // case-insensitive: RFC 6749 5.1
		return fmt.Errorf("create_token answered token type %q, not Bearer", token.GetTokenType())
	}
	fmt.Printf("token: %s, expires in %d s, scope %s\n",
		token.GetTokenType(), token.GetExpiresIn(), token.GetScope())

	// 4. List the account's OAuth clients: the new one is among them.
	page, _, err := client.OauthClientsAPI.ListOauthClients(management).
		PageSize(pageSize).Execute()
	if err != nil {
		return failure("list_oauth_clients", err)
	}
	found := false
	for _, listed := range page.GetData() {
		found = found || listed.GetClientId() == clientID
	}
	meta := page.GetMeta()
	fmt.Printf("listed %d of %d clients, new client listed: %t\n",
		len(page.GetData()), meta.GetTotalResults(), found)

	// 5. Introspect the access token, as the client that holds it.
	state, _, err := client.OauthAPI.IntrospectToken(asClient).
		Token(token.GetAccessToken()).Execute()
	if err != nil {
		return failure("introspect_token", err)
	}
	fmt.Printf("introspection: active %t, client %s, scope %s\n",
		state.GetActive(), state.GetClientId(), state.GetScope())
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
