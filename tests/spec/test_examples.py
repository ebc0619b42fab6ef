"""Every example in the spec is valid and survives the generated models unchanged."""

from __future__ import annotations

import inspect
from enum import Enum

import attrs
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


OBJECT_EXAMPLES = [
    e
    for e in JSON_EXAMPLES
    if not issubclass(getattr(telnyx_oauth_api.models, str(e.component)), Enum)
]


@pytest.mark.parametrize("example", OBJECT_EXAMPLES, ids=[e.where for e in OBJECT_EXAMPLES])
def test_model_built_from_its_fields_equals_the_parsed_one(example: Example) -> None:
    """A model a user builds by hand (a test double of an answer, say) from the fields of a
    parsed example is equal to it and serialises to the same JSON; changing a field makes it
    unequal."""
    model = getattr(telnyx_oauth_api.models, str(example.component))
    parsed = model.from_dict(example.value)
    names = [name for name in inspect.signature(model.__init__).parameters if name != "self"]
    built = model(**{name: getattr(parsed, name) for name in names})
    # A closed (request) schema has no additional_properties, as in stock attrs models.
    is_open = attrs.has(model) and "additional_properties" in attrs.fields_dict(model)
    if is_open:
        built.additional_properties.update(parsed.additional_properties)
    assert built == parsed
    assert normalised(built.to_dict()) == normalised(example.value)
    if is_open:
        built.additional_properties["added_later"] = True
    else:
        built = attrs.evolve(built, **{names[0]: None})
    assert built != parsed
