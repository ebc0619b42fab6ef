"""`make dist`'s two distributions, built as it builds them, and the client installed as a user
installs it: into a clean venv, from its wheel, then used against a sandbox on 127.0.0.1.
"""

from __future__ import annotations

import email.parser
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

from telnyx_oauth_sandbox import running
from tests.packaging import _wheelhouse

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
CLIENT_WHEEL = "telnyx_oauth-0.1.0-py3-none-any.whl"


def _run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 (our interpreter and tools, fixed arguments)
        [str(arg) for arg in args], capture_output=True, text=True, check=False, env=env
    )


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four files of `make dist`, built with the same commands into a temporary folder."""
    out = tmp_path_factory.mktemp("dist")
    for project in (REPO, REPO / "sandbox"):
        built = _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, project)
        assert built.returncode == 0, built.stdout + built.stderr
    return out


def _names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def _requires(wheel: Path) -> list[str]:
    """The wheel's own Requires-Dist lines (extras' too: closure() drops those)."""
    stem = "-".join(wheel.name.split("-")[:2])
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(f"{stem}.dist-info/METADATA").decode()
    return email.parser.HeaderParser().parsestr(text).get_all("Requires-Dist") or []


def test_dist_builds_two_distributions_that_pass_twine(dist: Path) -> None:
    assert sorted(path.name for path in dist.iterdir()) == [
        "telnyx_oauth-0.1.0-py3-none-any.whl",
        "telnyx_oauth-0.1.0.tar.gz",
        "telnyx_oauth_sandbox-0.1.0-py3-none-any.whl",
        "telnyx_oauth_sandbox-0.1.0.tar.gz",
    ]
    checked = _run(sys.executable, "-m", "twine", "check", "--strict", *sorted(dist.iterdir()))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 4


def test_client_wheel_holds_the_client_and_no_sandbox(dist: Path) -> None:
    tops = {name.split("/")[0] for name in _names(dist / CLIENT_WHEEL)}
    assert tops == {"telnyx_oauth", "telnyx_oauth_api", "telnyx_oauth-0.1.0.dist-info"}


def test_sandbox_wheel_holds_the_sandbox_and_its_spec(dist: Path) -> None:
    """Built from its sdist (as `python -m build` does), the sandbox wheel still has the spec."""
    names = _names(dist / "telnyx_oauth_sandbox-0.1.0-py3-none-any.whl")
    assert {name.split("/")[0] for name in names} == {
        "telnyx_oauth_sandbox",
        "telnyx_oauth_sandbox-0.1.0.dist-info",
    }
    assert "telnyx_oauth_sandbox/telnyx-oauth.yaml" in names
    assert "telnyx_oauth_sandbox/py.typed" in names


def _install_in_a_clean_venv(root: Path, wheel: Path) -> Path:
    """A new venv with ``wheel`` installed by pip, offline, its dependencies resolved by pip
    from a wheelhouse of the closure of the wheel's declared requirements only."""
    wheelhouse = root / "wheelhouse"
    wheelhouse.mkdir()
    for name in _wheelhouse.closure(_requires(wheel)):
        _wheelhouse.repack(name, wheelhouse)
    venv = root / "venv"
    made = _run(sys.executable, "-m", "venv", venv)
    assert made.returncode == 0, made.stderr
    # No pip configuration of this machine: no index, no constraints, only the wheelhouse.
    env = {"PATH": os.environ.get("PATH", ""), "PIP_CONFIG_FILE": os.devnull}
    installed = _run(
        venv / "bin" / "python",
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-index",
        "--disable-pip-version-check",
        "--find-links",
        wheelhouse,
        wheel,
        env=env,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return venv


@pytest.fixture(scope="module")
def clean_venv(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The client's wheel, alone in a new venv."""
    return _install_in_a_clean_venv(tmp_path_factory.mktemp("user"), dist / CLIENT_WHEEL)


USER_PROGRAM = """
import json, sys
from importlib import metadata

import telnyx_oauth
from telnyx_oauth_api.api.oauth_clients import create_oauth_client, list_oauth_clients
from telnyx_oauth_api.models import OAuthClientCreateRequest

base_url, api_key = sys.argv[1:3]
with telnyx_oauth.connect(api_key, base_url=base_url) as client:
    create_oauth_client.sync(client=client, body=OAuthClientCreateRequest(
        name="from-the-wheel", client_type="confidential",
        allowed_grant_types=["client_credentials"], allowed_scopes=["numbers.read"],
    ))
    names = [c.name for c in telnyx_oauth.paginate(list_oauth_clients, client)]
# A well-formed token without a kid (the sandbox has one key): it gets as far as joserfc.
token = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2ln"
try:
    telnyx_oauth.verify_access_token(token, jwks=telnyx_oauth.JWKSCache(
        telnyx_oauth.connect_anonymous(base_url=base_url)))
    verify = "verified"
except telnyx_oauth.ConfigurationError as exc:
    verify = str(exc)
try:
    import telnyx_oauth_sandbox
    sandbox = "importable"
except ImportError:
    sandbox = "absent"
print(json.dumps({
    "names": names,
    "verify": verify,
    "sandbox": sandbox,
    "distributions": sorted(d.metadata["Name"].lower() for d in metadata.distributions()),
}))
"""


def test_client_wheel_works_in_a_clean_venv(clean_venv: Path, dist: Path, tmp_path: Path) -> None:
    """A user's program runs in the clean venv against the sandbox; without the `verify`
    extra, local verification names the extra; nothing of the sandbox came along."""
    program = tmp_path / "user_program.py"
    program.write_text(textwrap.dedent(USER_PROGRAM), encoding="utf-8")
    with running() as sandbox:
        ran = _run(
            clean_venv / "bin" / "python",
            program,
            sandbox.base_url,
            sandbox.api_key,
            env={"PATH": os.environ.get("PATH", "")},
        )
    assert ran.returncode == 0, ran.stderr
    result = json.loads(ran.stdout)
    assert result["names"] == ["from-the-wheel"]
    assert result["sandbox"] == "absent"
    assert result["verify"] == (
        "local token verification needs joserfc, which is not installed: "
        "pip install 'telnyx-oauth[verify]'"
    )
    # python3.11's venv seeds pip and setuptools; the rest is the wheel and what it requires.
    expected = {
        "pip",
        "setuptools",
        "telnyx-oauth",
        *_wheelhouse.closure(_requires(dist / CLIENT_WHEEL)),
    }
    assert set(map(canonicalize_name, result["distributions"])) == expected


SANDBOX_PROGRAM = """
import httpx
from telnyx_oauth_sandbox import running

with running() as sandbox:
    answer = httpx.get(sandbox.base_url + "/v2/oauth_clients", params={"page[size]": "0"},
                       headers={"Authorization": "Bearer " + sandbox.api_key})
    print(answer.status_code, answer.json()["error_description"])
"""


def test_sandbox_wheel_serves_from_a_clean_venv(
    dist: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Installed alone, the sandbox starts and checks requests against the spec it ships (no
    repository around: the spec inside the package is the only one it can find)."""
    root = tmp_path_factory.mktemp("sandbox-user")
    venv = _install_in_a_clean_venv(root, dist / "telnyx_oauth_sandbox-0.1.0-py3-none-any.whl")
    program = root / "serve.py"
    program.write_text(textwrap.dedent(SANDBOX_PROGRAM), encoding="utf-8")
    ran = _run(venv / "bin" / "python", program, env={"PATH": os.environ.get("PATH", "")})
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout == "422 page[size]: must be >= 1\n"
    help_text = _run(venv / "bin" / "telnyx-oauth-sandbox", "--help")
    assert help_text.returncode == 0
    assert "--api-key" in help_text.stdout
