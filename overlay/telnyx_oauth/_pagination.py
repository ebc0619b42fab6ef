"""``paginate`` / ``apaginate``: every item of a generated list operation, page after page.

Filters take readable names derived from the wire names: ``filter[name][contains]`` is
``name_contains=``, ``filter[client_type]`` is ``client_type=``. They are matched against the
generated function's keyword arguments (``filternamecontains``, ``filterclient_type``), which
drop the brackets; a name that matches nothing raises ``TypeError`` listing the valid ones. Enum
filters accept plain strings (``client_type="public"``).

Each ``Page`` knows how to ask for the next one (``next_page()``), carrying the same filters and
page size. Iteration stops at ``meta.total_pages``, and also, defensively, when ``meta`` is missing
or odd (no integer ``total_pages``, or a ``page_number`` that is not the one asked for), or when a
page comes back empty, so a misbehaving server cannot make the loop run forever.
"""

from __future__ import annotations

import enum
import inspect
import types
from collections.abc import AsyncIterator, Iterator
from typing import Any

from ._errors import APIResponseValidationError, ConfigurationError

__all__ = ["AsyncPage", "AsyncPaginator", "Page", "Paginator", "apaginate", "paginate"]

_PAGE_NUMBER = "pagenumber"
_PAGE_SIZE = "pagesize"
_FILTER_PREFIX = "filter"
# Operators the generator appends to a filter name (filter[name][contains] -> filternamecontains).
_OPERATORS = ("contains",)


def _readable_filter_names(endpoint: types.ModuleType) -> dict[str, inspect.Parameter]:
    try:
        signature = inspect.signature(endpoint.sync_detailed)
    except AttributeError:
        raise ConfigurationError(
            f"{endpoint.__name__} is not a generated endpoint module"
        ) from None
    if _PAGE_NUMBER not in signature.parameters:
        raise ConfigurationError(f"{endpoint.__name__} is not a paginated list operation")
    names: dict[str, inspect.Parameter] = {}
    for name, parameter in signature.parameters.items():
        if not name.startswith(_FILTER_PREFIX):
            continue
        readable = name[len(_FILTER_PREFIX) :]
        for operator in _OPERATORS:
            if readable.endswith(operator) and len(readable) > len(operator):
                readable = f"{readable[: -len(operator)]}_{operator}"
                break
        names[readable] = parameter
    return names


def _coerce(parameter: inspect.Parameter, value: object) -> object:
    """Turn a plain string into the enum the generated function expects, if it expects one."""
    if not isinstance(value, str):
        return value
    annotation = parameter.annotation
    options = getattr(annotation, "__args__", (annotation,))
    for option in options:
        if isinstance(option, type) and issubclass(option, enum.Enum):
            return option(value)
    return value


def _generated_kwargs(
    endpoint: types.ModuleType, page_size: int | None, filters: dict[str, object]
) -> dict[str, object]:
    available = _readable_filter_names(endpoint)
    kwargs: dict[str, object] = {}
    for readable, value in filters.items():
        parameter = available.get(readable)
        if parameter is None:
            valid = ", ".join(sorted(available)) or "none"
            raise TypeError(f"unknown filter {readable!r}; valid filters: {valid}")
        if value is not None:
            kwargs[parameter.name] = _coerce(parameter, value)
    if page_size is not None:
        if page_size < 1:
            raise ConfigurationError("page_size must be a positive integer")
        kwargs[_PAGE_SIZE] = page_size
    return kwargs


def _int_or_none(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _meta_field(meta: object, name: str) -> object:
    if isinstance(meta, dict):
        return meta.get(name)
    return getattr(meta, name, None)


class _PageBase:
    """What a page holds and how it decides whether there is another."""

    def __init__(self, result: Any, page_number: int) -> None:
        data = getattr(result, "data", None)
        self.result = result
        self.items: list[Any] = list(data) if isinstance(data, list) else []
        self.page_number = page_number
        meta = getattr(result, "meta", None)
        self.meta = meta if meta is not None and hasattr(meta, "total_pages") else None
        self.total_pages = _int_or_none(_meta_field(self.meta, "total_pages"))
        self.total_results = _int_or_none(_meta_field(self.meta, "total_results"))

    def has_next_page(self) -> bool:
        """Whether ``meta`` says a further page exists (and nothing looks odd)."""
        if not self.items or self.total_pages is None or self.total_pages < 1:
            return False
        reported = _int_or_none(_meta_field(self.meta, "page_number"))
        if reported is not None and reported != self.page_number:
            return False
        return self.page_number < self.total_pages

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(page_number={self.page_number}, "
            f"total_pages={self.total_pages}, items={len(self.items)})"
        )


class Page(_PageBase):
    """One page of a list operation; ``items`` are the generated models."""

    def __init__(self, paginator: Paginator, result: Any, page_number: int) -> None:
        super().__init__(result, page_number)
        self._paginator = paginator

    def next_page(self) -> Page | None:
        """Fetch the following page, or ``None`` when this is the last one."""
        if not self.has_next_page():
            return None
        return self._paginator.fetch_page(self.page_number + 1)


class AsyncPage(_PageBase):
    """One page of a list operation, fetched asynchronously."""

    def __init__(self, paginator: AsyncPaginator, result: Any, page_number: int) -> None:
        super().__init__(result, page_number)
        self._paginator = paginator

    async def next_page(self) -> AsyncPage | None:
        """Fetch the following page, or ``None`` when this is the last one."""
        if not self.has_next_page():
            return None
        return await self._paginator.fetch_page(self.page_number + 1)


def _parsed(endpoint: types.ModuleType, response: Any) -> Any:
    parsed = response.parsed
    if parsed is None or not isinstance(getattr(parsed, "data", None), list):
        # Errors were raised by the connected client; this is a 2xx the spec does not describe.
        raise APIResponseValidationError(
            f"{endpoint.__name__.rsplit('.', 1)[-1]}: unexpected response "
            f"(status {int(response.status_code)})",
            request=_placeholder_request(endpoint),
        )
    return parsed


def _placeholder_request(endpoint: types.ModuleType) -> Any:
    import httpx

    kwargs = endpoint._get_kwargs()
    return httpx.Request(kwargs["method"].upper(), kwargs["url"])


class Paginator:
    """Iterate items with ``for item in paginator``; pages with ``paginator.pages()``."""

    def __init__(
        self, endpoint: types.ModuleType, client: Any, page_size: int | None, **filters: object
    ) -> None:
        self._endpoint = endpoint
        self._client = client
        self._kwargs = _generated_kwargs(endpoint, page_size, filters)

    def fetch_page(self, page_number: int) -> Page:
        """Fetch one page by number (from 1), with the paginator's filters and page size."""
        response = self._endpoint.sync_detailed(
            client=self._client, **{_PAGE_NUMBER: page_number}, **self._kwargs
        )
        return Page(self, _parsed(self._endpoint, response), page_number)

    def pages(self) -> Iterator[Page]:
        """Every page, from the first."""
        page: Page | None = self.fetch_page(1)
        while page is not None:
            yield page
            page = page.next_page()

    def __iter__(self) -> Iterator[Any]:
        for page in self.pages():
            yield from page.items


class AsyncPaginator:
    """Iterate items with ``async for item in paginator``; pages with ``paginator.pages()``."""

    def __init__(
        self, endpoint: types.ModuleType, client: Any, page_size: int | None, **filters: object
    ) -> None:
        self._endpoint = endpoint
        self._client = client
        self._kwargs = _generated_kwargs(endpoint, page_size, filters)

    async def fetch_page(self, page_number: int) -> AsyncPage:
        """Fetch one page by number (from 1), with the paginator's filters and page size."""
        response = await self._endpoint.asyncio_detailed(
            client=self._client, **{_PAGE_NUMBER: page_number}, **self._kwargs
        )
        return AsyncPage(self, _parsed(self._endpoint, response), page_number)

    async def pages(self) -> AsyncIterator[AsyncPage]:
        """Every page, from the first."""
        page: AsyncPage | None = await self.fetch_page(1)
        while page is not None:
            yield page
            page = await page.next_page()

    async def __aiter__(self) -> AsyncIterator[Any]:
        async for page in self.pages():
            for item in page.items:
                yield item


def paginate(
    endpoint_module: types.ModuleType,
    client: Any,
    *,
    page_size: int | None = None,
    **filters: object,
) -> Paginator:
    """Items of every page of a generated list operation, fetched lazily.

    ``paginate(list_oauth_clients, client, page_size=50, client_type="confidential")``.
    Nothing is requested until iteration starts.
    """
    return Paginator(endpoint_module, client, page_size, **filters)


def apaginate(
    endpoint_module: types.ModuleType,
    client: Any,
    *,
    page_size: int | None = None,
    **filters: object,
) -> AsyncPaginator:
    """The async twin of ``paginate``: ``async for item in apaginate(...)``."""
    return AsyncPaginator(endpoint_module, client, page_size, **filters)
