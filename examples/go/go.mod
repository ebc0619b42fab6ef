module example.com/telnyx-oauth-go-example

go 1.19

// The client is generated into ./telnyxoauth by openapi-generator (see main.go), never committed.
require example.com/telnyx/telnyxoauth v0.0.0

replace example.com/telnyx/telnyxoauth => ./telnyxoauth
