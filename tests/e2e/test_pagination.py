"""``paginate`` / ``apaginate`` over hundreds of seeded clients, counted on the server side."""

from __future__ import annotations

from telnyx_oauth import apaginate, paginate
from telnyx_oauth_api import AuthenticatedClient
from telnyx_oauth_api.api.oauth_clients import list_oauth_clients
from telnyx_oauth_api.models import ClientType, GrantType
from telnyx_oauth_sandbox import SandboxControls

LIST_PATH = "/v2/oauth_clients"


def _seed(controls: SandboxControls) -> None:
    controls.seed_clients(250, name_prefix="seed", client_type="confidential")
    controls.seed_clients(
        30,
        name_prefix="mobile",
        client_type="public",
        allowed_grant_types=["authorization_code", "refresh_token"],
        redirect_uris=["https://app.example.com/oauth/callback"],
    )


def test_every_item_once_across_pages(api: AuthenticatedClient, controls: SandboxControls) -> None:
    """280 clients at 100 a page: every client exactly once, in three requests."""
    _seed(controls)
    ids = [c.client_id for c in paginate(list_oauth_clients, api, page_size=100)]
    assert len(ids) == len(set(ids)) == 280
    assert controls.requests("GET", LIST_PATH) == 3


def test_default_page_size(api: AuthenticatedClient, controls: SandboxControls) -> None:
    """Without a page size the server's default (20) applies: 280 clients take 14 requests."""
    _seed(controls)
    assert sum(1 for _ in paginate(list_oauth_clients, api)) == 280
    assert controls.requests("GET", LIST_PATH) == 14


def test_filter_kept_on_every_page(api: AuthenticatedClient, controls: SandboxControls) -> None:
    """``client_type`` and ``page_size`` hold on every page: 30 public clients in 3 requests."""
    _seed(controls)
    clients = list(paginate(list_oauth_clients, api, page_size=10, client_type="public"))
    assert len(clients) == 30
    assert {c.client_type for c in clients} == {ClientType.PUBLIC}
    assert controls.requests("GET", LIST_PATH) == 3


def test_name_contains_filter_across_pages(
    api: AuthenticatedClient, controls: SandboxControls
) -> None:
    """``name_contains`` selects seed-00100 to seed-00199 over three pages of 40."""
    _seed(controls)
    pager = paginate(list_oauth_clients, api, page_size=40, name_contains="seed-001")
    names = [c.name for c in pager]
    assert sorted(names) == [f"seed-{i:05d}" for i in range(100, 200)]
    assert controls.requests("GET", LIST_PATH) == 3


def test_combined_filters(api: AuthenticatedClient, controls: SandboxControls) -> None:
    """Two filters together: public clients allowed the refresh_token grant."""
    _seed(controls)
    clients = list(
        paginate(
            list_oauth_clients,
            api,
            page_size=7,
            client_type=ClientType.PUBLIC,
            allowed_grant_types_contains=GrantType.REFRESH_TOKEN,
        )
    )
    assert len(clients) == 30
    assert controls.requests("GET", LIST_PATH) == 5


def test_pages_carry_meta(api: AuthenticatedClient, controls: SandboxControls) -> None:
    """``.pages()`` yields numbered pages with the server's totals; the last one is short."""
    _seed(controls)
    pages = list(paginate(list_oauth_clients, api, page_size=100).pages())
    assert [p.page_number for p in pages] == [1, 2, 3]
    assert [len(p.items) for p in pages] == [100, 100, 80]
    assert {(p.total_pages, p.total_results) for p in pages} == {(3, 280)}


def test_empty_list_is_one_request(api: AuthenticatedClient, controls: SandboxControls) -> None:
    """With no clients, iteration ends after the first (empty) page."""
    assert list(paginate(list_oauth_clients, api, page_size=100)) == []
    assert controls.requests("GET", LIST_PATH) == 1


async def test_apaginate(aapi: AuthenticatedClient, controls: SandboxControls) -> None:
    """The async twin walks the same 280 clients in the same three requests."""
    _seed(controls)
    ids = [c.client_id async for c in apaginate(list_oauth_clients, aapi, page_size=100)]
    assert len(set(ids)) == 280
    assert controls.requests("GET", LIST_PATH) == 3
