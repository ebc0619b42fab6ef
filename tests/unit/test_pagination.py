"""paginate / apaginate: readable filters, stop rules, filters kept on every page."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import telnyx_oauth
from tests.unit._support import Recorder, connect, json_response, oauth_client_json

CLIENTS = "/v2/oauth_clients"


def _pages(*pages: dict[str, Any]) -> Recorder:
    """Serve page N (from 1) of ``pages``; past the end, an empty page."""

    def handler(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params.get("page[number]", "1"))
        body = pages[number - 1] if number <= len(pages) else {"data": []}
        return json_response(200, body)

    return Recorder(handler)


def _page(ids: list[str], number: int, total: Any) -> dict[str, Any]:
    return {
        "data": [oauth_client_json(i) for i in ids],
        "meta": {"page_number": number, "page_size": 2, "total_pages": total, "total_results": 5},
    }


THREE_PAGES = (_page(["a", "b"], 1, 3), _page(["c", "d"], 2, 3), _page(["e"], 3, 3))


def test_iterates_items_of_every_page() -> None:
    """Items of all pages come out in order, one request per page, none after the last."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _pages(*THREE_PAGES)
    items = list(telnyx_oauth.paginate(list_oauth_clients, connect(recorder), page_size=2))
    assert [c.client_id for c in items] == ["a", "b", "c", "d", "e"]
    assert len(recorder.requests) == 3


def test_filters_and_page_size_on_every_page() -> None:
    """Readable filters map to the bracketed wire names and ride on every page's request."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _pages(*THREE_PAGES)
    paginator = telnyx_oauth.paginate(
        list_oauth_clients,
        connect(recorder),
        page_size=2,
        client_type="confidential",
        name_contains="bot",
        allowed_grant_types_contains="client_credentials",
        verified=True,
    )
    list(paginator)
    for number, request in enumerate(recorder.requests, start=1):
        assert dict(request.url.params) == {
            "page[number]": str(number),
            "page[size]": "2",
            "filter[client_type]": "confidential",
            "filter[name][contains]": "bot",
            "filter[allowed_grant_types][contains]": "client_credentials",
            "filter[verified]": "true",
        }


def test_pages_yields_page_objects() -> None:
    """pages() yields Page objects with items, number and totals."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    pages = list(telnyx_oauth.paginate(list_oauth_clients, connect(_pages(*THREE_PAGES))).pages())
    assert [p.page_number for p in pages] == [1, 2, 3]
    assert [len(p.items) for p in pages] == [2, 2, 1]
    assert pages[0].total_pages == 3
    assert pages[0].total_results == 5
    assert pages[-1].has_next_page() is False


def test_page_asks_for_next() -> None:
    """A page fetches its successor with next_page(); the last one returns None."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _pages(*THREE_PAGES)
    paginator = telnyx_oauth.paginate(list_oauth_clients, connect(recorder), name="x")
    page = paginator.fetch_page(2)
    following = page.next_page()
    assert following is not None
    assert following.page_number == 3
    assert following.next_page() is None
    assert [r.url.params["filter[name]"] for r in recorder.requests] == ["x", "x"]


def test_meta_of_the_wrong_type_is_a_validation_error() -> None:
    """A meta field that is not an integer does not match the spec: the page raises
    APIResponseValidationError naming the field, rather than paging on a guess."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _pages({"data": [oauth_client_json("a")], "meta": {"total_pages": "9"}})
    with pytest.raises(telnyx_oauth.APIResponseValidationError) as caught:
        list(telnyx_oauth.paginate(list_oauth_clients, connect(recorder)))
    assert caught.value.path == "meta.total_pages"
    assert len(recorder.requests) == 1


@pytest.mark.parametrize(
    "first_page",
    [
        {"data": [oauth_client_json("a")]},
        {"data": [oauth_client_json("a")], "meta": {}},
        {"data": [oauth_client_json("a")], "meta": {"total_pages": 9, "page_number": 4}},
        {"data": [oauth_client_json("a")], "meta": {"total_pages": 1}},
    ],
    ids=["no-meta", "empty-meta", "wrong-page-number", "last-page"],
)
def test_stops_after_first_page(first_page: dict[str, Any]) -> None:
    """Missing or odd meta, or total_pages reached, ends iteration after one request."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _pages(first_page, _page(["never"], 2, 9))
    items = list(telnyx_oauth.paginate(list_oauth_clients, connect(recorder)))
    assert [c.client_id for c in items] == ["a"]
    assert len(recorder.requests) == 1


def test_stops_on_empty_page() -> None:
    """An empty page ends iteration even when meta claims more pages."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _pages(
        _page(["a"], 1, 5), {"data": [], "meta": {"page_number": 2, "total_pages": 5}}
    )
    assert len(list(telnyx_oauth.paginate(list_oauth_clients, connect(recorder)))) == 1
    assert len(recorder.requests) == 2


def test_lazy_until_iterated() -> None:
    """Creating the paginator sends nothing."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _pages(*THREE_PAGES)
    telnyx_oauth.paginate(list_oauth_clients, connect(recorder))
    assert recorder.requests == []


def test_unknown_filter_lists_valid_names() -> None:
    """An unknown filter raises TypeError naming the readable filters (for untyped callers: a
    type checker refuses it already, tests/typing)."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    unknown: dict[str, Any] = {"colour": "blue"}
    with pytest.raises(TypeError, match="name_contains"):
        telnyx_oauth.paginate(list_oauth_clients, connect(_pages()), **unknown)


def test_generated_names_not_accepted() -> None:
    """The generated keyword names (with their filter_ prefix) are not filter names."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    generated_name: dict[str, Any] = {"filter_name_contains": "x"}
    with pytest.raises(TypeError):
        telnyx_oauth.paginate(list_oauth_clients, connect(_pages()), **generated_name)


def test_none_filter_is_skipped() -> None:
    """A filter given as None is not sent."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _pages(_page(["a"], 1, 1))
    list(telnyx_oauth.paginate(list_oauth_clients, connect(recorder), name=None))
    assert "filter[name]" not in recorder.requests[0].url.params


def test_bad_page_size() -> None:
    """page_size below 1 is refused."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    with pytest.raises(telnyx_oauth.ConfigurationError):
        telnyx_oauth.paginate(list_oauth_clients, connect(_pages()), page_size=0)


def test_not_a_list_operation() -> None:
    """A module without pagination parameters is refused at run time (and by the type checker:
    tests/typing checks that too)."""
    from telnyx_oauth_api.api.oauth_clients import get_oauth_client

    not_a_list: Any = get_oauth_client
    with pytest.raises(telnyx_oauth.ConfigurationError):
        telnyx_oauth.paginate(not_a_list, connect(_pages()))


def test_grants_list() -> None:
    """Any list operation works: grants have no filters but paginate the same."""
    from telnyx_oauth_api.api.oauth_grants import list_oauth_grants

    grant = {
        "id": "00000000-0000-0000-0000-000000000001",
        "record_type": "oauth_grant",
        "client_id": "c",
        "scopes": ["admin"],
        "created_at": "2025-01-01T00:00:00Z",
    }
    recorder = _pages(
        {"data": [grant], "meta": {"page_number": 1, "total_pages": 2}},
        {"data": [grant], "meta": {"page_number": 2, "total_pages": 2}},
    )
    assert len(list(telnyx_oauth.paginate(list_oauth_grants, connect(recorder)))) == 2
    assert len(recorder.requests) == 2


async def test_apaginate_items() -> None:
    """apaginate yields the same items asynchronously, with filters on every page."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _pages(*THREE_PAGES)
    ids = [
        c.client_id
        async for c in telnyx_oauth.apaginate(
            list_oauth_clients, connect(recorder), page_size=2, name_contains="b"
        )
    ]
    assert ids == ["a", "b", "c", "d", "e"]
    assert [r.url.params["filter[name][contains]"] for r in recorder.requests] == ["b"] * 3


async def test_apaginate_pages_and_next_page() -> None:
    """Async pages() yields AsyncPage objects; next_page() is awaited."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    paginator = telnyx_oauth.apaginate(list_oauth_clients, connect(_pages(*THREE_PAGES)))
    numbers = [page.page_number async for page in paginator.pages()]
    assert numbers == [1, 2, 3]
    last = await paginator.fetch_page(3)
    assert await last.next_page() is None


def test_error_page_raises() -> None:
    """A failing page raises its typed error."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = Recorder(lambda r: json_response(422, {"error": "invalid_request"}))
    with pytest.raises(telnyx_oauth.UnprocessableEntityError):
        list(telnyx_oauth.paginate(list_oauth_clients, connect(recorder)))
