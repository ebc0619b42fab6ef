"""Types are part of the interface: user-style programs checked with ``mypy --strict``.

The programs in ``programs/``, ``examples/quickstart.py`` and the README's "Main tasks" examples
(pasted into one file as a user would) must pass with no ``assert``, ``cast`` or ``isinstance``
on a call's result: every generated function returns exactly its success model, ``paginate``
yields typed items, enum arguments take their plain values. The negative cases must fail, each
with the error a user should see, so the suite proves the types bind rather than degrade to
``Any``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mypy import api as mypy_api

from tests.typing._readme import write_programs

REPO = Path(__file__).resolve().parents[2]
PROGRAMS = sorted((Path(__file__).parent / "programs").glob("*.py"))
QUICKSTART = REPO / "examples" / "quickstart.py"

pytestmark = pytest.mark.slow


def _mypy(*paths: Path, cache_dir: Path) -> tuple[int, list[str]]:
    """Exit status and error lines of ``mypy --strict`` over ``paths``, with the repo's config.

    Each run has a cache of its own: mypy keys its cache by module name, and a module that comes
    back unchanged from the cache has its errors left unreported.
    """
    stdout, stderr, status = mypy_api.run(
        [
            "--config-file",
            str(REPO / "pyproject.toml"),
            "--cache-dir",
            str(cache_dir),
            "--strict",
            "--no-error-summary",
            "--show-error-codes",
            *map(str, paths),
        ]
    )
    assert not stderr, stderr
    return status, [line for line in stdout.splitlines() if ": error:" in line]


def test_user_programs_and_readme_examples_pass_strict(tmp_path: Path) -> None:
    """Every program in programs/, the quick start and the README's examples type-check with no
    error."""
    readme = write_programs(REPO / "README.md", tmp_path)
    for program in readme:
        source = program.read_text(encoding="utf-8")
        for forbidden in ("cast(", "isinstance(", "assert "):
            assert forbidden not in source, f"the README examples narrow a result with {forbidden}"
    status, errors = _mypy(*PROGRAMS, QUICKSTART, *readme, cache_dir=tmp_path / "cache")
    assert errors == []
    assert status == 0


NEGATIVE_CASES = {
    "misspelt attribute on a paginated item": (
        """
        for c in telnyx_oauth.paginate(list_oauth_clients, api):
            print(c.clientid)
        """,
        r'"OAuthClient" has no attribute "clientid"; maybe "client_id"\?  \[attr-defined\]',
    ),
    "misspelt attribute on a grant page's item": (
        """
        for page in telnyx_oauth.paginate(list_oauth_grants, api).pages():
            print(page.items[0].scope)
        """,
        r'"OAuthGrant" has no attribute "scope"; maybe "scopes"\?  \[attr-defined\]',
    ),
    "an operation that is not a list, given to paginate": (
        """
        telnyx_oauth.paginate(get_oauth_client, api)
        """,
        r'Argument 1 to "paginate" has incompatible type Module; expected "ListOperation',
    ),
    "an enum value the spec does not list": (
        """
        OAuthClientCreateRequest(
            name="x", client_type="confidentail", allowed_grant_types=[], allowed_scopes=[]
        )
        """,
        r'Argument "client_type" to "OAuthClientCreateRequest" has incompatible type',
    ),
    "an error model expected from a success": (
        """
        result: OAuthError = get_oauth_client.sync("id", client=api)
        """,
        r'Incompatible types in assignment \(expression has type "OAuthClientResponse"',
    ),
    "a misspelt paginate filter": (
        """
        telnyx_oauth.paginate(list_oauth_clients, api, name_contanis="bot")
        """,
        r'Unexpected keyword argument "name_contanis" for overloaded function "paginate"; '
        r'did you mean "name_contains"\?',
    ),
    "a misspelt apaginate filter": (
        """
        telnyx_oauth.apaginate(list_oauth_clients, api, client_typ="public")
        """,
        r'Unexpected keyword argument "client_typ" for overloaded function "apaginate"; '
        r'did you mean "client_type"\?',
    ),
    "a paginate filter value the spec does not list": (
        """
        telnyx_oauth.paginate(list_oauth_clients, api, client_type="confidentail")
        """,
        r'No overload variant of "paginate" matches argument types',
    ),
    "a filter given to a list operation that has none": (
        """
        telnyx_oauth.paginate(list_oauth_grants, api, name_contains="bot")
        """,
        r'Argument 1 to "paginate" has incompatible type Module; expected "ListOAuthClients"',
    ),
    "a misspelt name of the package, loaded on first use or not": (
        """
        telnyx_oauth.ClientCredentails("id", "secret")
        """,
        r'Module has no attribute "ClientCredentails"; maybe "ClientCredentials"\?',
    ),
    "an old generated parameter name": (
        """
        list_oauth_clients.sync(client=api, pagesize=10)
        """,
        r'Unexpected keyword argument "pagesize" for "sync"; did you mean "page_size"\?',
    ),
}

# mypy reports a misspelt keyword of an overloaded function twice: the name (with its "did you
# mean"), then that no overload matches. Every other mistake is one error line.
ERROR_LINES = {"a misspelt paginate filter": 2, "a misspelt apaginate filter": 2}

NEGATIVE_PRELUDE = """\
import telnyx_oauth
from telnyx_oauth_api.api.oauth_clients import get_oauth_client, list_oauth_clients
from telnyx_oauth_api.api.oauth_grants import list_oauth_grants
from telnyx_oauth_api.models import OAuthClientCreateRequest, OAuthError

api = telnyx_oauth.connect("KEY")
"""


def test_mistakes_fail_strict(tmp_path: Path) -> None:
    """Each mistake a typed API should catch is an error under mypy --strict, and the error
    names what is wrong; one program per mistake, so one cannot hide another."""
    files = {}
    for index, (name, (code, _)) in enumerate(NEGATIVE_CASES.items()):
        path = tmp_path / f"mistake_{index}.py"
        body = "\n".join(line[8:] for line in code.strip("\n").splitlines())
        path.write_text(NEGATIVE_PRELUDE + body + "\n", encoding="utf-8")
        files[name] = path
    status, errors = _mypy(*files.values(), cache_dir=tmp_path / "cache")
    assert status == 1
    for name, (_, expected) in NEGATIVE_CASES.items():
        mine = [line for line in errors if line.startswith(str(files[name]))]
        assert len(mine) == ERROR_LINES.get(name, 1), (name, mine)
        assert re.search(expected, mine[0]), (name, mine[0])
