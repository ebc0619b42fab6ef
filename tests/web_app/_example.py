"""examples/web_app.py imported as a module, as the tests of its parts need it."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.docs._tools import REPO

WEB_APP = REPO / "examples" / "web_app.py"


def load_web_app() -> ModuleType:
    """The example's module (loaded once: its dataclasses look the module up in sys.modules)."""
    spec = importlib.util.spec_from_file_location("web_app_under_test", WEB_APP)
    assert spec is not None
    assert spec.loader is not None
    module = sys.modules.get(spec.name)
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return module
