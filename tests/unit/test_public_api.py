"""The public surface and the cost of importing it."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import telnyx_oauth

# Computed at import, out of type checkers' sight (they find the exports as PEP 484 says).
EXPORTED: list[str] = vars(telnyx_oauth)["__all__"]
PUBLIC_SUBMODULES = {"retries": telnyx_oauth.retries, "token_stores": telnyx_oauth.token_stores}


def _lazy_names() -> dict[str, str]:
    """Each name ``telnyx_oauth`` loads on first use, and the module it loads."""
    homes = {}
    for module, names in telnyx_oauth._LAZY.items():
        homes.update({name: module for name in names} if names else {module[1:]: module})
    return homes


def test_all_is_the_public_namespace() -> None:
    """``__all__`` is sorted and is exactly the package's public names, the httpx way: whatever
    the package binds without a leading underscore, at once or on first use, is exported, and
    nothing else is."""
    bound = {name for name in vars(telnyx_oauth) if not name.startswith("_")}
    assert sorted(bound | set(_lazy_names())) == EXPORTED
    assert dir(telnyx_oauth) == EXPORTED
    for name in EXPORTED:
        assert getattr(telnyx_oauth, name) is not None


def test_lazy_names_are_the_type_checkers_names() -> None:
    """Each name loaded on first use is imported from the same module in the ``TYPE_CHECKING``
    block, so what mypy is told is what ``__getattr__`` returns; the names bound at import are
    re-exported the same way (``X as X``), and the error tree by ``_errors.__all__``."""
    tree = ast.parse(Path(telnyx_oauth.__file__).read_text(encoding="utf-8"))
    told: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            for alias in node.names:
                assert alias.asname in (alias.name, None)
                if alias.asname:
                    told[alias.name] = f".{node.module or alias.name}"
    lazy = _lazy_names()
    assert {name: told[name] for name in lazy} == lazy
    errors = importlib.import_module("telnyx_oauth._errors").__all__
    assert set(told) | set(errors) == set(EXPORTED)
    for name, module in lazy.items():
        home = importlib.import_module(module, telnyx_oauth.__name__)
        expected = home if module == f".{name}" else getattr(home, name)
        assert getattr(telnyx_oauth, name) is expected


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'connnect'"):
        telnyx_oauth.connnect  # type: ignore[attr-defined]  # noqa: B018


def test_the_surface_fits_one_screen() -> None:
    """What a user calls, the error tree and one documented submodule; the retry policy's
    functions and transports live in ``telnyx_oauth.retries``, not at the top."""
    # Every error of the one tree is at the top, where users catch them (52 with the stores'),
    # and the RetryPolicy given to connect() with the RetryAfterTooLongError it may cause.
    assert len(EXPORTED) <= 54
    for name in ("is_safe_to_retry", "retry_delay", "should_retry", "RetryTransport"):
        assert name not in EXPORTED
        assert name in telnyx_oauth.retries.__all__


def _private_modules() -> list[ModuleType]:
    return [
        importlib.import_module(f"{telnyx_oauth.__name__}.{info.name}")
        for info in pkgutil.iter_modules(telnyx_oauth.__path__)
        if info.name.startswith("_")
    ]


def test_private_modules_export_what_the_package_exports() -> None:
    """Each private module's ``__all__`` names only what the package re-exports, the very same
    object, and every name the package exports has exactly one such home."""
    exported = {name for name in EXPORTED if name not in PUBLIC_SUBMODULES}
    homes: dict[str, list[str]] = {}
    for module in _private_modules():
        for name in getattr(module, "__all__", []):
            assert name in exported, f"{module.__name__}.__all__ names {name}: not exported"
            assert getattr(telnyx_oauth, name) is getattr(module, name)
            homes.setdefault(name, []).append(module.__name__)
    assert set(homes) == exported
    assert all(len(modules) == 1 for modules in homes.values()), homes


def test_public_submodules_export_their_namespace() -> None:
    """A documented submodule's ``__all__`` is its public namespace, checked the same way."""
    for submodule in PUBLIC_SUBMODULES.values():
        public = sorted(name for name in vars(submodule) if not name.startswith("_"))
        assert sorted(submodule.__all__) == [name for name in public if name != "annotations"]


def test_the_token_stores_the_readme_names_are_at_the_top() -> None:
    """``telnyx_oauth.TokenStore``, ``SQLiteTokenStore`` and ``RedisTokenStore`` are the ones in
    ``telnyx_oauth.token_stores``, whose errors are part of the one error tree."""
    for name in ("TokenStore", "SQLiteTokenStore", "RedisTokenStore"):
        assert getattr(telnyx_oauth, name) is getattr(telnyx_oauth.token_stores, name)
    stores = telnyx_oauth.token_stores
    assert issubclass(stores.TokenRecordError, stores.TokenStoreError)
    assert issubclass(stores.TokenStoreError, telnyx_oauth.TelnyxOAuthError)


# What `import telnyx_oauth` must not load: the modules of the flows a program may not use.
LOADED_ON_FIRST_USE = (
    "telnyx_oauth._auth",
    "telnyx_oauth._token",
    "telnyx_oauth._token_store",
    "telnyx_oauth._store_link",
    "telnyx_oauth._single_flight",
    "telnyx_oauth._authorization_code",
    "telnyx_oauth._pagination",
    "telnyx_oauth._verify",
    "telnyx_oauth._discovery",
    "telnyx_oauth._sqlite_store",
    "telnyx_oauth._redis_store",
    "telnyx_oauth._encrypted_store",
    "telnyx_oauth.token_stores",
    "telnyx_oauth.retries",
)


def test_import_is_lazy() -> None:
    """Importing telnyx_oauth loads the generated client and error tree (and attrs, which they
    are built with), but no generated model, no endpoint module, neither joserfc nor anyio,
    none of what the token stores use (sqlite3, redis-py, cryptography), and none of the
    overlay's modules that ``connect()`` does not need; using a name loads its module."""
    code = (
        "import sys, telnyx_oauth; "
        "heavy = [m for m in sys.modules if m.startswith(('telnyx_oauth_api.models.', "
        "'telnyx_oauth_api.api.', 'joserfc', 'cryptography', 'anyio', 'sqlite3', "
        f"'_sqlite3', 'redis', *{LOADED_ON_FIRST_USE!r}))]; print(heavy); "
        "telnyx_oauth.AuthorizationCodeFlow; print('telnyx_oauth._authorization_code' in "
        "sys.modules, 'AuthorizationCodeFlow' in vars(telnyx_oauth))"
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
    assert result.stdout.split("\n")[:2] == ["[]", "True True"]
