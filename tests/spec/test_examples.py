"""Every example in the spec is valid and survives the generated models unchanged."""

from __future__ import annotations

from enum import Enum

import pytest

import telnyx_oauth_api.models
from tests.spec._spec import (
    Example,
    examples,
    load_spec,
    normalised,
    operations,
    resolve,
    validator,
)

EXAMPLES = examples()


def test_every_operation_has_examples_of_its_request_and_success_response() -> None:
    """Each operation shows a request (parameters or body) and each success body an example."""
    described = {(e.operation_id, e.part.split(" ")[0]) for e in EXAMPLES}
    missing = []
    for op in operations():
        takes_input = bool(op.parameters) or "requestBody" in op.data
        if takes_input and not described & {
            (op.operation_id, "parameter"),
            (op.operation_id, "request"),
        }:
            missing.append(f"{op.operation_id} request")
        for status, response in op.data["responses"].items():
            success_body = str(status)[0] in "23" and "content" in resolve(response)
            if success_body and (op.operation_id, str(status)) not in described:
                missing.append(f"{op.operation_id} {status}")
    assert missing == []


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.where for e in EXAMPLES])
def test_example_is_valid_against_its_schema(example: Example) -> None:
    """The example satisfies the schema it stands beside, formats included."""
    errors = [error.message for error in validator(example.schema).iter_errors(example.value)]
    assert errors == []


def _has_model(component: str | None) -> bool:
    """Objects and enums become generated classes; a plain string component (HtmlPage) does not."""
    if component is None:
        return False
    schema = load_spec()["components"]["schemas"][component]
    return schema.get("type") == "object" or "enum" in schema


JSON_EXAMPLES = [e for e in EXAMPLES if _has_model(e.component)]


@pytest.mark.parametrize("example", JSON_EXAMPLES, ids=[e.where for e in JSON_EXAMPLES])
def test_example_round_trips_through_the_generated_model(example: Example) -> None:
    """`Model.from_dict(example).to_dict()` gives the example back."""
    model = getattr(telnyx_oauth_api.models, str(example.component))
    if issubclass(model, Enum):
        assert model(example.value).value == example.value
        return
    parsed = model.from_dict(example.value)
    assert normalised(parsed.to_dict()) == normalised(example.value)
