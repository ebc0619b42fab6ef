"""Quick start: create an OAuth client, find it, read it back, delete it.

    TELNYX_API_KEY=KEY python examples/quickstart.py

TELNYX_BASE_URL points it elsewhere than https://api.telnyx.com, such as a local sandbox
(`telnyx-oauth-sandbox --api-key KEY` listens on http://127.0.0.1:8765).
"""

import os

import telnyx_oauth
from telnyx_oauth_api.api.oauth_clients import (
    create_oauth_client,
    delete_oauth_client,
    get_oauth_client,
    list_oauth_clients,
)
from telnyx_oauth_api.models import OAuthClientCreateRequest

base_url = os.environ.get("TELNYX_BASE_URL", "https://api.telnyx.com")

with telnyx_oauth.connect(base_url=base_url) as client:  # the key from TELNYX_API_KEY
    created = create_oauth_client.sync(
        client=client,
        body=OAuthClientCreateRequest(
            name="quickstart-bot",
            client_type="confidential",
            allowed_grant_types=["client_credentials"],
            allowed_scopes=["numbers.read"],
        ),
    )
    bot = created.data
    print(f"created  {bot.client_id} ({bot.name}, {bot.client_type})")

    # Every page, filters kept from page to page; items are typed OAuthClient models.
    for found in telnyx_oauth.paginate(list_oauth_clients, client, name_contains="quickstart"):
        print(f"found    {found.client_id} {found.name}")

    again = get_oauth_client.sync(bot.client_id, client=client).data
    print(f"read     {again.client_id}, created {again.created_at.isoformat(timespec='seconds')}")

    delete_oauth_client.sync(bot.client_id, client=client)
    try:
        get_oauth_client.sync(bot.client_id, client=client)
    except telnyx_oauth.NotFoundError as error:  # every status of 400 and above raises
        print(f"deleted  {error.status_code}: {error.error_description or error.error}")
