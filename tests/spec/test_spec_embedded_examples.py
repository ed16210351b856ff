"""The examples written into openapi.yaml itself conform to the schemas they illustrate (a wrong
example there misleads every reader and every docs/mock tool that shows it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.spec.spec_wire import operations, resolve, schema_errors


def _media_examples() -> Iterator[tuple[str, dict[str, Any], Any]]:
    for operation_id, (_, _, operation) in sorted(operations().items()):
        bodies = []
        if "requestBody" in operation:
            bodies.append(("request", resolve(operation["requestBody"])))
        bodies += [(str(code), resolve(r)) for code, r in operation["responses"].items()]
        for where, holder in bodies:
            for media_type, media in holder.get("content", {}).items():
                for name, example in media.get("examples", {}).items():
                    label = f"{operation_id} {where} {media_type} {name}"
                    yield label, media["schema"], resolve(example)["value"]
        for param in map(resolve, operation.get("parameters", [])):
            if "example" in param:
                label = f"{operation_id} parameter {param['name']}"
                yield label, param["schema"], param["example"]


EXAMPLES = list(_media_examples())


def test_the_spec_has_examples_for_every_operation() -> None:
    covered = {label.split(" ")[0] for label, _, _ in EXAMPLES}
    assert covered == set(operations())


@pytest.mark.parametrize(("label", "schema", "value"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_embedded_example_conforms(label: str, schema: dict[str, Any], value: Any) -> None:
    assert schema_errors(schema, value) == [], label


def test_embedded_example_check_has_teeth() -> None:
    schema = {"$ref": "#/components/schemas/CloudImportRequest"}
    assert schema_errors(schema, {"assets": [{"data": "u"}], "priority": 1001})
