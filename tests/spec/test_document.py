"""The document's own rules: what every operation and schema must carry for other languages."""

from __future__ import annotations

import re

import pytest

from tests.spec._spec import Operation, load_spec, operations

OPERATIONS = operations()
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9_]*$")


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.operation_id for op in OPERATIONS])
def test_operation_has_id_tag_summary_and_its_own_security(op: Operation) -> None:
    """snake_case operationId and tag (readable generated names), a summary, and `security`
    on the operation itself (generators ignore the top-level one)."""
    assert SNAKE_CASE.match(op.operation_id)
    assert len(op.data["tags"]) == 1
    assert SNAKE_CASE.match(op.tag)
    assert op.data["summary"].strip()
    assert "security" in op.data


def test_every_schema_is_described() -> None:
    """Each component schema says what it is."""
    schemas = load_spec()["components"]["schemas"]
    assert [name for name, schema in schemas.items() if not schema.get("description")] == []


def test_every_tag_used_is_declared_and_described() -> None:
    """Tags used by operations are declared at the top with a description."""
    declared = {tag["name"]: tag.get("description") for tag in load_spec()["tags"]}
    assert {op.tag for op in OPERATIONS} == set(declared)
    assert all(declared.values())


def test_discovery_lives_at_the_host_root_and_the_rest_under_v2() -> None:
    """RFC 8414 and RFC 9728 documents at /.well-known; every other path under /v2."""
    for op in OPERATIONS:
        if op.tag == "discovery":
            assert op.path.startswith("/.well-known/")
        else:
            assert op.path.startswith("/v2/")
    assert [server["url"] for server in load_spec()["servers"]] == ["https://api.telnyx.com"]
