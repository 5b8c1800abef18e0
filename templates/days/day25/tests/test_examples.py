from tests.openapi_tools import (
    media_examples,
    operations,
    resolve,
    schema_errors,
    schema_examples,
)


def json_media(node: dict) -> dict | None:
    return node.get("content", {}).get("application/json")


def test_every_request_body_and_success_response_has_an_example(spec):
    missing = []
    for operation in operations(spec):
        body = json_media(operation.spec.get("requestBody", {}))
        if body and not (media_examples(body) or schema_examples(spec, body["schema"])):
            missing.append(f"{operation.name}: request body has no example")
        for status, response in operation.spec["responses"].items():
            media = json_media(response)
            if status.startswith("2") and media:
                if not (media_examples(media) or schema_examples(spec, media["schema"])):
                    missing.append(f"{operation.name} {status}: response has no example")
    assert not missing, "\n".join(missing)


def every_example(spec):
    """(where, schema, example) for each example in the document."""
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        for number, example in enumerate(schema.get("examples", [])):
            yield f"components/schemas/{name} example {number}", schema, example
    for operation in operations(spec):
        nodes = [("request body", operation.spec.get("requestBody", {}))]
        nodes += [(f"response {s}", r) for s, r in operation.spec["responses"].items()]
        for label, node in nodes:
            for media_type, media in node.get("content", {}).items():
                schema = resolve(spec, media.get("schema", {}))
                for example in media_examples(media):
                    yield f"{operation.name} {label} ({media_type})", schema, example


def test_every_example_validates_against_its_schema(spec):
    examples = list(every_example(spec))
    assert examples, "the spec has no examples at all"
    invalid = [
        f"{where}: {'; '.join(errors)}"
        for where, schema, example in examples
        if (errors := schema_errors(spec, schema, example))
    ]
    assert not invalid, "examples that do not match their own schema:\n" + "\n".join(invalid)
