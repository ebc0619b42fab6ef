"""A missing optional library (an extra) as a ``ConfigurationError`` with its ``pip install``."""

from __future__ import annotations

from ._errors import ConfigurationError


def missing_extra(feature: str, extra: str, exc: ImportError) -> ConfigurationError:
    library = (exc.name or "a library it needs").partition(".")[0]
    return ConfigurationError(
        f"{feature} needs {library}, which is not installed: pip install 'telnyx-oauth[{extra}]'"
    )
