import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from tests.openapi_tools import load_committed_spec, operations


def differences(committed, generated, where="") -> list[str]:
    """Where two JSON documents differ, as readable paths (at most a few)."""
    if isinstance(committed, dict) and isinstance(generated, dict):
        found = []
        for key in sorted(set(committed) | set(generated)):
            here = f"{where}/{key}"
            if key not in committed:
                found.append(f"{here}: in the app, missing from openapi.json")
            elif key not in generated:
                found.append(f"{here}: in openapi.json, no longer in the app")
            else:
                found += differences(committed[key], generated[key], here)
        return found
    if committed != generated:
        return [f"{where or '/'}: openapi.json has {committed!r:.60}, the app {generated!r:.60}"]
    return []


def test_committed_openapi_json_equals_what_the_app_serves(spec):
    committed = load_committed_spec()
    found = differences(committed, spec)
    assert not found, (
        "openapi.json is stale: run `python -m shop.spec` and commit it. Differences:\n"
        + "\n".join(found[:12])
    )
    try:
        validate(committed)
    except OpenAPIValidationError as exc:
        pytest.fail(f"openapi.json is not a valid OpenAPI document: {exc}")


def test_spec_describes_the_api_its_tags_and_where_it_runs(spec):
    info = spec["info"]
    assert info.get("title") and info.get("version"), "info needs a title and a version"
    assert len(info.get("description", "")) >= 80, (
        "info.description is the API's front page: say what it is for and its conventions"
    )
    declared = {tag["name"]: tag.get("description", "") for tag in spec.get("tags", [])}
    used = {tag for operation in operations(spec) for tag in operation.spec.get("tags", [])}
    assert used, "no operation has a tag"
    undeclared = sorted(used - set(declared))
    assert not undeclared, f"tags used but not declared with openapi_tags: {undeclared}"
    undescribed = sorted(name for name, text in declared.items() if not text)
    assert not undescribed, f"declared tags without a description: {undescribed}"
    assert spec.get("servers"), "list at least one server (where a reader can try the API)"
