"""The rules of docs/api-style-guide.md, checked on the spec the app builds."""

import re

from tests.openapi_tools import METHODS, operations, resolve

SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def test_paths_name_collections_with_plural_nouns_and_ids_after_them(spec):
    wrong = []
    for path in spec["paths"]:
        segments = path.strip("/").split("/")
        for index, segment in enumerate(segments):
            if segment.startswith("{"):
                name = segment.strip("{}")
                collection = segments[index - 1] if index else ""
                expected = collection.removesuffix("s") + "_id"
                if name != expected:
                    wrong.append(f"{path}: the id after /{collection} should be {{{expected}}}")
            elif not (SNAKE_CASE.match(segment) and segment.endswith("s")):
                wrong.append(f"{path}: /{segment} is not a plural noun in lower case")
            elif index and not segments[index - 1].startswith("{"):
                wrong.append(f"{path}: /{segment} should follow an id, not another collection")
    assert not wrong, "\n".join(wrong)


def test_field_and_parameter_names_are_snake_case(spec):
    wrong = []
    for name, schema in spec["components"]["schemas"].items():
        wrong += [
            f"{name}.{field}"
            for field in schema.get("properties", {})
            if not SNAKE_CASE.match(field)
        ]
    for operation in operations(spec):
        wrong += [
            f"{operation.name} parameter {parameter['name']}"
            for parameter in operation.spec.get("parameters", [])
            if not SNAKE_CASE.match(parameter["name"])
        ]
    assert not wrong, "not snake_case: " + ", ".join(wrong)


def test_every_field_of_every_schema_is_described(spec):
    undescribed = [
        f"{name}.{field}"
        for name, schema in spec["components"]["schemas"].items()
        if not name.endswith("ValidationError")
        for field, definition in schema.get("properties", {}).items()
        if not definition.get("description")
    ]
    assert not undescribed, "fields without a description: " + ", ".join(undescribed)


def test_collections_are_returned_as_objects_with_an_items_array(spec):
    wrong = []
    for operation in operations(spec):
        if operation.method != "get" or operation.path.endswith("}"):
            continue
        response = operation.spec["responses"].get("200", {})
        schema = resolve(spec, response.get("content", {}).get("application/json", {}))
        schema = resolve(spec, schema.get("schema", {}))
        items = schema.get("properties", {}).get("items", {})
        if schema.get("type") != "object" or items.get("type") != "array":
            wrong.append(f"{operation.name}: 200 should be an object with an `items` array")
    assert not wrong, "\n".join(wrong)


def test_operation_ids_are_plain_names_a_generated_client_can_use(spec):
    ids = [operation.spec.get("operationId", "") for operation in operations(spec)]
    wrong = [
        op_id
        for op_id in ids
        if not SNAKE_CASE.match(op_id)
        or "__" in op_id
        or any(op_id.endswith("_" + method) for method in METHODS)
    ]
    assert not wrong, f"operation ids that read like generated ones: {wrong}"
    assert len(ids) == len(set(ids)), f"operation ids must be unique: {ids}"
