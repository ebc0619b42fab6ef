"""The consent page a person sees: who asks, each scope in words, Allow and Deny, no script."""

from __future__ import annotations

import base64
import hashlib
import re

import httpx

from tests.sandbox._helpers import consent_token, create_client, pkce_pair


async def _page(http: httpx.AsyncClient, **client_fields: object) -> httpx.Response:
    client = await create_client(http, **client_fields)
    token = await consent_token(http, client, pkce_pair()[1])
    page = await http.get("/_sandbox/consent", params={"consent_token": token})
    assert page.status_code == 200
    return page


async def test_consent_page_lists_each_scope_with_its_description(
    http: httpx.AsyncClient,
) -> None:
    """Every requested scope shows its name, id and description, next to Allow and Deny."""
    page = await _page(http, name="Acme CRM")
    for words in (
        "Authorize Acme CRM",
        "Admin",
        "Full access to the account.",
        "Read numbers",
        "numbers.read",
        "List and read phone numbers.",
        '<button class="allow" name="allowed" value="true">Allow</button>',
        '<button class="deny" name="allowed" value="false">Deny</button>',
    ):
        assert words in page.text


async def test_consent_page_runs_no_script_and_its_policy_admits_only_its_style(
    http: httpx.AsyncClient,
) -> None:
    """No <script> at all; the CSP admits the page's one style block by hash, and no frame."""
    page = await _page(http)
    assert "<script" not in page.text.lower()
    policy = page.headers["content-security-policy"]
    (style,) = re.findall(r"<style>(.*?)</style>", page.text, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "script-src" not in policy
    assert page.headers["x-frame-options"] == "DENY"


async def test_unverified_client_is_flagged_and_its_policy_links_shown(
    http: httpx.AsyncClient,
) -> None:
    """A client Telnyx has not verified carries a warning; its policy and terms are links."""
    page = await _page(
        http,
        policy_uri="https://acme.example/privacy",
        tos_uri="https://acme.example/terms",
    )
    assert "has not verified" in page.text
    assert 'href="https://acme.example/privacy"' in page.text
    assert 'href="https://acme.example/terms"' in page.text
