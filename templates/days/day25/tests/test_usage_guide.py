import json

from tests.guide import NO_BODY, Example, read_examples
from tests.openapi_tools import (
    PROBLEM_MEDIA_TYPE,
    Operation,
    operations,
    path_pattern,
    resolve,
    schema_errors,
)

MUST_SHOW = {"create_user", "list_products", "create_order", "get_order", "cancel_order"}


def guide_examples() -> list[Example]:
    examples = read_examples()
    assert examples, (
        "docs/usage-guide.md has no example requests yet (```sh blocks with curl, each "
        "followed by an ```http block with the response)"
    )
    return examples


def find_operation(spec, example: Example) -> tuple[Operation | None, dict[str, str], str]:
    """The spec operation an example calls, its path parameters, or why there is none."""
    for path in spec["paths"]:
        match = path_pattern(path).match(example.path)
        if match:
            for operation in operations(spec):
                if operation.path == path and operation.method == example.method.lower():
                    return operation, match.groupdict(), ""
            return None, {}, f"{path} has no {example.method} operation in the spec"
    return None, {}, f"no path of the spec matches {example.path}"


def as_json_value(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def spec_problems(spec, example: Example) -> list[str]:
    operation, path_values, why = find_operation(spec, example)
    if operation is None:
        return [why]
    found = []
    documented = operation.spec["responses"]
    if str(example.status) not in documented:
        found.append(f"{operation.name} does not document a {example.status} response")
    succeeds = 200 <= example.status < 300
    parameters = {p["name"]: p for p in operation.spec.get("parameters", [])}
    for name, value in {**path_values, **example.query}.items():
        if name not in parameters:
            found.append(f"parameter {name} is not documented for {operation.name}")
        elif succeeds:
            errors = schema_errors(spec, parameters[name]["schema"], as_json_value(value))
            found += [f"parameter {name}: {error}" for error in errors]
    body_spec = operation.spec.get("requestBody", {}).get("content", {}).get("application/json")
    if example.body is not NO_BODY:
        if body_spec is None:
            found.append(f"{operation.name} takes no JSON body")
        elif example.headers.get("content-type") != "application/json":
            found.append("a JSON body needs -H 'Content-Type: application/json'")
        elif succeeds:
            errors = schema_errors(spec, resolve(spec, body_spec["schema"]), example.body)
            found += [f"request body: {error}" for error in errors]
    elif body_spec is not None and succeeds:
        found.append(f"{operation.name} needs a JSON body")
    return found


def test_guide_walks_through_the_main_operations_and_shows_an_error(spec):
    examples = guide_examples()
    shown = set()
    for example in examples:
        operation, _, _ = find_operation(spec, example)
        if operation is not None:
            shown.add(operation.spec.get("operationId"))
    missing = sorted(MUST_SHOW - shown)
    assert not missing, f"the guide shows no request for: {missing}"
    errors = [e for e in examples if 400 <= e.status < 500]
    assert errors, "show at least one error response, so readers know what a problem looks like"
    assert any(e.response_headers.get("content-type") == PROBLEM_MEDIA_TYPE for e in errors), (
        f"show the content-type: {PROBLEM_MEDIA_TYPE} header of at least one error"
    )


def test_guide_requests_exist_in_the_spec_and_match_their_schemas(spec):
    wrong = [
        f"{example.name}: {problem}"
        for example in guide_examples()
        for problem in spec_problems(spec, example)
    ]
    assert not wrong, "\n".join(wrong)


def shown_part_differs(shown, actual, where="") -> str:
    """Where `actual` disagrees with what the guide shows ('' when every shown field matches)."""
    if isinstance(shown, dict) and isinstance(actual, dict):
        for key, value in shown.items():
            if key not in actual:
                return f"{where}/{key} is shown but not returned"
            if found := shown_part_differs(value, actual[key], f"{where}/{key}"):
                return found
        return ""
    if isinstance(shown, list) and isinstance(actual, list):
        if len(shown) != len(actual):
            return f"{where or '/'} shows {len(shown)} entries, the API returns {len(actual)}"
        for index, (one, other) in enumerate(zip(shown, actual, strict=True)):
            if found := shown_part_differs(one, other, f"{where}/{index}"):
                return found
        return ""
    return "" if shown == actual else f"{where or '/'}: shown {shown!r}, returned {actual!r}"


def test_guide_examples_give_the_documented_responses_when_run_in_order(client):
    for example in guide_examples():
        response = client.request(
            example.method,
            example.path,
            params=example.query,
            headers=example.headers,
            content=None if example.body is NO_BODY else json.dumps(example.body),
        )
        assert response.status_code == example.status, (
            f"{example.name}: the guide shows {example.status}, the API answered "
            f"{response.status_code} {response.text}"
        )
        for name, value in example.response_headers.items():
            actual = response.headers.get(name, "")
            assert actual.split(";")[0] == value, f"{example.name}: {name} is {actual!r}"
        if example.response_body is not NO_BODY:
            differs = shown_part_differs(example.response_body, response.json())
            assert not differs, f"{example.name}: {differs}"
