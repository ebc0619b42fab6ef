"""The public surface and the cost of importing it."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import telnyx_oauth

PUBLIC_SUBMODULES = {"retries": telnyx_oauth.retries}


def test_all_is_the_public_namespace() -> None:
    """``__all__`` is sorted and is exactly the package's public names, the httpx way: whatever
    the package binds without a leading underscore is exported, and nothing else is."""
    public = sorted(name for name in vars(telnyx_oauth) if not name.startswith("_"))
    assert telnyx_oauth.__all__ == public


def test_the_surface_fits_one_screen() -> None:
    """What a user calls, the error tree and one documented submodule; the retry policy's
    functions and transports live in ``telnyx_oauth.retries``, not at the top."""
    assert len(telnyx_oauth.__all__) <= 50
    for name in ("is_safe_to_retry", "retry_delay", "should_retry", "RetryTransport"):
        assert name not in telnyx_oauth.__all__
        assert name in telnyx_oauth.retries.__all__


def _private_modules() -> list[ModuleType]:
    return [
        importlib.import_module(f"{telnyx_oauth.__name__}.{info.name}")
        for info in pkgutil.iter_modules(telnyx_oauth.__path__)
        if info.name.startswith("_")
    ]


def test_private_modules_export_what_the_package_exports() -> None:
    """Each private module's ``__all__`` names only what the package (or its public submodule)
    re-exports, the very same object, and every export has exactly one such home."""
    exported = {
        name: telnyx_oauth for name in telnyx_oauth.__all__ if name not in PUBLIC_SUBMODULES
    }
    for submodule in PUBLIC_SUBMODULES.values():
        exported |= dict.fromkeys(submodule.__all__, submodule)
    homes: dict[str, list[str]] = {}
    for module in _private_modules():
        for name in getattr(module, "__all__", []):
            assert name in exported, (
                f"{module.__name__}.__all__ names {name}, which is not exported"
            )
            assert getattr(exported[name], name) is getattr(module, name)
            homes.setdefault(name, []).append(module.__name__)
    assert set(homes) == set(exported)
    assert all(len(modules) == 1 for modules in homes.values()), homes


def test_exceptions_share_one_root() -> None:
    """Every exported exception derives from TelnyxOAuthError."""
    for name in telnyx_oauth.__all__:
        value = getattr(telnyx_oauth, name)
        if isinstance(value, type) and issubclass(value, BaseException):
            assert issubclass(value, telnyx_oauth.TelnyxOAuthError), name


def test_import_is_lazy() -> None:
    """Importing telnyx_oauth loads the generated client and error tree, but no generated model,
    no endpoint module, neither joserfc nor anyio, and no attrs at all."""
    code = (
        "import sys, telnyx_oauth; "
        "heavy = [m for m in sys.modules if m.startswith(('telnyx_oauth_api.models.', "
        "'telnyx_oauth_api.api.', 'joserfc', 'cryptography', 'attr', 'anyio'))]; print(heavy)"
    )
    root = Path(telnyx_oauth.__file__).resolve().parents[2]
    env_path = f"{root / 'overlay'}:{root / 'generated'}"
    result = subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": env_path},
    )
    assert result.stdout.strip() == "[]"
