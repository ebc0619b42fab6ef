"""Optional features and the extras that install their libraries.

The client's required dependencies are what every path imports (httpx, attrs, anyio). A feature
that needs more imports it when first used; without its extra, the user gets a
``ConfigurationError`` naming the feature and the ``pip install`` line, not an ImportError from
deep inside a call.
"""

from __future__ import annotations

from ._errors import ConfigurationError

# Internal: nothing here is part of the package's interface.
__all__: list[str] = []


def missing_extra(feature: str, extra: str, exc: ImportError) -> ConfigurationError:
    """The error to raise when ``feature``'s library (``exc.name``) is not installed."""
    library = (exc.name or "a library it needs").partition(".")[0]
    return ConfigurationError(
        f"{feature} needs {library}, which is not installed: pip install 'telnyx-oauth[{extra}]'"
    )
