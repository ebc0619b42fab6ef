/**
 * Telnyx OAuth from TypeScript, with types generated from openapi/telnyx-oauth.yaml by
 * openapi-typescript and requests made by openapi-fetch.
 *
 * Lists the account's OAuth clients page by page, creates a confidential client for the
 * client-credentials grant, exchanges its credentials for an access token, checks the token by
 * introspection, and deletes the client again.
 *
 *   TELNYX_API_KEY    a Telnyx API key (required)
 *   TELNYX_BASE_URL   the API host, https://api.telnyx.com by default; paths carry /v2
 *
 * Secrets (the API key, the client secret, the access token) are never printed.
 */
import createClient from "openapi-fetch";
import type { components, paths } from "telnyx-oauth-spec";

type OAuthClient = components["schemas"]["OAuthClient"];

const DEFAULT_BASE_URL = "https://api.telnyx.com";
const PAGE_SIZE = 10;
const SCOPE = "numbers.read";

/** What a failed call answered, for the error message; error bodies carry no secrets. */
class ApiCallError extends Error {
  constructor(operation: string, response: Response, body: unknown) {
    super(`${operation} failed: HTTP ${response.status} ${JSON.stringify(body)}`);
    this.name = "ApiCallError";
  }
}

/** "1 page", "2 pages". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** One value form-urlencoded (RFC 6749 appendix B), as HTTP Basic client auth requires. */
function formUrlEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice("v=".length);
}

/** `client_secret_basic`: each part form-urlencoded before base64 (RFC 6749 section 2.3.1). */
function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${btoa(`${formUrlEncode(clientId)}:${formUrlEncode(clientSecret)}`)}`;
}

/** A form body from an object, leaving out absent fields. */
function formBody(fields: Record<string, string | undefined>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) {
      form.set(name, value);
    }
  }
  return form.toString();
}

async function main(): Promise<void> {
  const apiKey = process.env["TELNYX_API_KEY"];
  if (!apiKey) {
    throw new Error("set TELNYX_API_KEY to a Telnyx API key");
  }
  const baseUrl = process.env["TELNYX_BASE_URL"] ?? DEFAULT_BASE_URL;

  // Management calls carry the API key; OAuth calls authenticate as the OAuth client instead,
  // so the API key never reaches the token endpoint.
  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${apiKey}` } });
  const oauth = createClient<paths>({ baseUrl });

  // 1. List the OAuth clients, page by page.
  const clients: OAuthClient[] = [];
  let pages = 0;
  for (let pageNumber = 1; ; pageNumber++) {
    const { data, error, response } = await api.GET("/v2/oauth_clients", {
      params: { query: { "page[number]": pageNumber, "page[size]": PAGE_SIZE } },
    });
    if (data === undefined) {
      throw new ApiCallError("list_oauth_clients", response, error);
    }
    pages++;
    clients.push(...data.data);
    console.log(`page ${pageNumber}: ${count(data.data.length, "client")}`);
    const totalPages = data.meta?.total_pages;
    const lastPage =
      totalPages === undefined ? data.data.length < PAGE_SIZE : pageNumber >= totalPages;
    if (lastPage || data.data.length === 0) {
      break;
    }
  }
  console.log(`listed ${count(clients.length, "client")} on ${count(pages, "page")}`);

  // 2. Create a confidential client for the client-credentials grant.
  const created = await api.POST("/v2/oauth_clients", {
    body: {
      name: "TypeScript example",
      client_type: "confidential",
      allowed_grant_types: ["client_credentials"],
      allowed_scopes: [SCOPE],
    },
  });
  if (created.data === undefined) {
    throw new ApiCallError("create_oauth_client", created.response, created.error);
  }
  const client = created.data.data;
  const clientSecret = client.client_secret;
  if (!clientSecret) {
    throw new Error("a confidential client is created with a client_secret");
  }
  console.log(
    `created ${client.client_type} client ${client.client_id} ` +
      `(${(client.allowed_grant_types ?? []).join(", ")})`,
  );

  try {
    // 3. Exchange the client's credentials for an access token: a form body, HTTP Basic auth.
    const authorization = basicAuthorization(client.client_id, clientSecret);
    const token = await oauth.POST("/v2/oauth/token", {
      body: { grant_type: "client_credentials", scope: SCOPE },
      bodySerializer: formBody,
      headers: {
        Authorization: authorization,
        "Content-Type": "application/x-www-form-urlencoded",
      },
    });
    if (token.data === undefined) {
      throw new ApiCallError("create_token", token.response, token.error);
    }
    console.log(
      `token: ${token.data.token_type}, expires in ${token.data.expires_in} s, ` +
        `scope ${token.data.scope ?? "(not stated)"}`,
    );

    // 4. Ask the authorization server about the token.
    const introspection = await oauth.POST("/v2/oauth/introspect", {
      body: { token: token.data.access_token },
      bodySerializer: formBody,
      headers: {
        Authorization: authorization,
        "Content-Type": "application/x-www-form-urlencoded",
      },
    });
    if (introspection.data === undefined) {
      throw new ApiCallError("introspect_token", introspection.response, introspection.error);
    }
    const info = introspection.data;
    console.log(`introspection: active ${info.active}, client ${info.client_id ?? "(not stated)"}`);
  } finally {
    // 5. Leave the account as it was.
    const deleted = await api.DELETE("/v2/oauth_clients/{id}", {
      params: { path: { id: client.client_id } },
    });
    if (deleted.response.ok) {
      console.log(`deleted client ${client.client_id}`);
    } else {
      // Reported, not thrown: an error from the steps above must not be replaced by this one.
      const failure = new ApiCallError("delete_oauth_client", deleted.response, deleted.error);
      console.error(failure.message);
      process.exitCode = 1;
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
