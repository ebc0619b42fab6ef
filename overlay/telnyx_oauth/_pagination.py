"""``paginate`` / ``apaginate``: every item of a generated list operation (docs/design.md)."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, overload

from ._errors import ConfigurationError

if TYPE_CHECKING:
    from telnyx_oauth_api import AuthenticatedClient
    from telnyx_oauth_api.models import ClientType, GrantType, OAuthClient, OAuthClientListResponse
    from telnyx_oauth_api.models.client_type import ClientTypeValue
    from telnyx_oauth_api.models.grant_type import GrantTypeValue
    from telnyx_oauth_api.types import Response, Unset

__all__ = ["AsyncPage", "AsyncPaginator", "Page", "Paginator", "apaginate", "paginate"]

_Item = TypeVar("_Item")
_Item_co = TypeVar("_Item_co", covariant=True)


class _Listing(Protocol[_Item_co]):
    @property
    def data(self) -> Sequence[_Item_co]: ...
    @property
    def meta(self) -> object: ...


class ListOperation(Protocol[_Item_co]):
    """A generated list operation's module, such as ``list_oauth_clients``."""

    def sync_detailed(
        self,
        *,
        client: AuthenticatedClient,
        page_number: int | Unset = ...,
        page_size: int | Unset = ...,
    ) -> Response[_Listing[_Item_co]]: ...
    async def asyncio_detailed(
        self,
        *,
        client: AuthenticatedClient,
        page_number: int | Unset = ...,
        page_size: int | Unset = ...,
    ) -> Response[_Listing[_Item_co]]: ...


class ListOAuthClients(Protocol):
    """``list_oauth_clients`` (the list operation with filters), as generated."""

    def sync_detailed(
        self,
        *,
        client: AuthenticatedClient,
        page_number: int | Unset = ...,
        page_size: int | Unset = ...,
        filter_client_type: ClientType | ClientTypeValue | Unset = ...,
        filter_verified: bool | Unset = ...,
        filter_allowed_grant_types_contains: GrantType | GrantTypeValue | Unset = ...,
        filter_name: str | Unset = ...,
        filter_name_contains: str | Unset = ...,
        filter_client_id: str | Unset = ...,
    ) -> Response[OAuthClientListResponse]: ...
    async def asyncio_detailed(
        self,
        *,
        client: AuthenticatedClient,
        page_number: int | Unset = ...,
        page_size: int | Unset = ...,
        filter_client_type: ClientType | ClientTypeValue | Unset = ...,
        filter_verified: bool | Unset = ...,
        filter_allowed_grant_types_contains: GrantType | GrantTypeValue | Unset = ...,
        filter_name: str | Unset = ...,
        filter_name_contains: str | Unset = ...,
        filter_client_id: str | Unset = ...,
    ) -> Response[OAuthClientListResponse]: ...


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class _PageBase(Generic[_Item]):
    def __init__(self, paginator: Any, result: _Listing[_Item], page_number: int) -> None:
        self._paginator = paginator  # the one that fetched it, typed in each subclass
        self.result = result
        self.items: list[_Item] = list(result.data)
        self.page_number = page_number
        self.total_pages = _int_or_none(getattr(result.meta, "total_pages", None))
        self.total_results = _int_or_none(getattr(result.meta, "total_results", None))
        self._reported_page = _int_or_none(getattr(result.meta, "page_number", None))

    def has_next_page(self) -> bool:
        """Whether ``meta`` says a further page exists (and nothing looks odd)."""
        total, number = self.total_pages, self.page_number
        if not self.items or total is None or self._reported_page not in (None, number):
            return False
        return total >= 1 and number < total

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(page_number={self.page_number}, "
            f"total_pages={self.total_pages}, items={len(self.items)})"
        )


class Page(_PageBase[_Item]):
    """One page of a list operation; ``items`` are the generated models."""

    _paginator: Paginator[_Item]

    def next_page(self) -> Page[_Item] | None:
        """Fetch the following page, or ``None`` when this is the last one."""
        return self._paginator.fetch_page(self.page_number + 1) if self.has_next_page() else None


class AsyncPage(_PageBase[_Item]):
    """One page of a list operation, fetched asynchronously."""

    _paginator: AsyncPaginator[_Item]

    async def next_page(self) -> AsyncPage[_Item] | None:
        """Fetch the following page, or ``None`` when this is the last one."""
        if not self.has_next_page():
            return None
        return await self._paginator.fetch_page(self.page_number + 1)


class _PaginatorBase(Generic[_Item]):
    def __init__(
        self,
        endpoint: ListOperation[_Item],
        client: AuthenticatedClient,
        page_size: int | None,
        **filters: object,
    ) -> None:
        self._endpoint = endpoint
        name = getattr(endpoint, "__name__", repr(endpoint))
        try:
            parameters = inspect.signature(endpoint.sync_detailed).parameters
        except (AttributeError, TypeError, ValueError):
            raise ConfigurationError(f"{name} is not a generated endpoint module") from None
        if "page_number" not in parameters:
            raise ConfigurationError(f"{name} is not a paginated list operation")
        available = {p.removeprefix("filter_"): p for p in parameters if p.startswith("filter_")}
        self._kwargs: dict[str, Any] = {"client": client}  # every page's, besides its number
        for readable, value in filters.items():
            if (generated := available.get(readable)) is None:
                valid = ", ".join(sorted(available)) or "none"
                raise TypeError(f"unknown filter {readable!r}; valid filters: {valid}")
            if value is not None:
                self._kwargs[generated] = value
        if page_size is not None:
            if (_int_or_none(page_size) or 0) < 1:  # also refuses "10", 2.5 and True
                raise ConfigurationError("page_size must be a positive integer")
            self._kwargs["page_size"] = page_size


class Paginator(_PaginatorBase[_Item]):
    """Iterate items with ``for item in paginator``; pages with ``paginator.pages()``."""

    def fetch_page(self, page_number: int) -> Page[_Item]:
        """Fetch one page by number (from 1), with the paginator's filters and page size."""
        response = self._endpoint.sync_detailed(page_number=page_number, **self._kwargs)
        return Page(self, response.parsed, page_number)

    def pages(self) -> Iterator[Page[_Item]]:
        """Every page, from the first."""
        page: Page[_Item] | None = self.fetch_page(1)
        while page is not None:
            yield page
            page = page.next_page()

    def __iter__(self) -> Iterator[_Item]:
        return (item for page in self.pages() for item in page.items)


class AsyncPaginator(_PaginatorBase[_Item]):
    """Iterate items with ``async for item in paginator``; pages with ``paginator.pages()``."""

    async def fetch_page(self, page_number: int) -> AsyncPage[_Item]:
        """Fetch one page by number (from 1), with the paginator's filters and page size."""
        response = await self._endpoint.asyncio_detailed(page_number=page_number, **self._kwargs)
        return AsyncPage(self, response.parsed, page_number)

    async def pages(self) -> AsyncIterator[AsyncPage[_Item]]:
        """Every page, from the first."""
        page: AsyncPage[_Item] | None = await self.fetch_page(1)
        while page is not None:
            yield page
            page = await page.next_page()

    def __aiter__(self) -> AsyncIterator[_Item]:
        return (item async for page in self.pages() for item in page.items)


# Each function spells out its overloads: docs/design.md, "Pagination", says why.
@overload
def paginate(
    endpoint_module: ListOperation[_Item],
    client: AuthenticatedClient,
    *,
    page_size: int | None = None,
) -> Paginator[_Item]: ...
@overload
def paginate(
    endpoint_module: ListOAuthClients,
    client: AuthenticatedClient,
    *,
    page_size: int | None = None,
    client_type: ClientType | ClientTypeValue | None = None,
    verified: bool | None = None,
    allowed_grant_types_contains: GrantType | GrantTypeValue | None = None,
    name: str | None = None,
    name_contains: str | None = None,
    client_id: str | None = None,
) -> Paginator[OAuthClient]: ...
def paginate(
    endpoint_module: ListOperation[Any],
    client: AuthenticatedClient,
    *,
    page_size: int | None = None,
    **filters: object,
) -> Paginator[Any]:
    """Items of every page of a generated list operation, fetched lazily:
    ``paginate(list_oauth_clients, client, page_size=50, client_type="confidential")``."""
    return Paginator(endpoint_module, client, page_size, **filters)


@overload
def apaginate(
    endpoint_module: ListOperation[_Item],
    client: AuthenticatedClient,
    *,
    page_size: int | None = None,
) -> AsyncPaginator[_Item]: ...
@overload
def apaginate(
    endpoint_module: ListOAuthClients,
    client: AuthenticatedClient,
    *,
    page_size: int | None = None,
    client_type: ClientType | ClientTypeValue | None = None,
    verified: bool | None = None,
    allowed_grant_types_contains: GrantType | GrantTypeValue | None = None,
    name: str | None = None,
    name_contains: str | None = None,
    client_id: str | None = None,
) -> AsyncPaginator[OAuthClient]: ...
def apaginate(
    endpoint_module: ListOperation[Any],
    client: AuthenticatedClient,
    *,
    page_size: int | None = None,
    **filters: object,
) -> AsyncPaginator[Any]:
    """The async twin of ``paginate``: ``async for item in apaginate(...)``."""
    return AsyncPaginator(endpoint_module, client, page_size, **filters)
