import re

from fastapi.testclient import TestClient

from shop.app import create_app
from tests.conftest import FIXED_NOW
from tests.openapi_tools import (
    PROBLEM_MEDIA_TYPE,
    PROBLEM_REF,
    media_examples,
    operations,
    schema_examples,
)


def test_every_operation_has_a_summary_a_description_and_one_tag(spec):
    missing = []
    for operation in operations(spec):
        doc = operation.spec
        if not doc.get("summary"):
            missing.append(f"{operation.name}: no summary")
        elif len(doc["summary"]) > 40:
            missing.append(f"{operation.name}: summary longer than 40 characters")
        if len(doc.get("description", "")) < 20:
            missing.append(f"{operation.name}: no description (what it does, when to call it)")
        if len(doc.get("tags", [])) != 1:
            missing.append(f"{operation.name}: needs exactly one tag, has {doc.get('tags', [])}")
    assert not missing, "\n".join(missing)


def test_every_operation_documents_its_client_errors_as_problem_documents(spec):
    wrong = []
    for operation in operations(spec):
        client_errors = {
            status: response
            for status, response in operation.spec["responses"].items()
            if status.startswith("4")
        }
        if not client_errors:
            wrong.append(f"{operation.name}: documents no 4xx response")
        for status, response in client_errors.items():
            content = response.get("content", {})
            if list(content) != [PROBLEM_MEDIA_TYPE]:
                wrong.append(
                    f"{operation.name} {status}: content is {list(content)}, "
                    f"expected only {PROBLEM_MEDIA_TYPE}"
                )
                continue
            media = content[PROBLEM_MEDIA_TYPE]
            if media.get("schema") != {"$ref": PROBLEM_REF}:
                wrong.append(f"{operation.name} {status}: schema is not the Problem schema")
            if not media_examples(media):
                wrong.append(f"{operation.name} {status}: no example of this problem")
            if response.get("description", "") in ("", "Validation Error", "Not Found"):
                wrong.append(f"{operation.name} {status}: say when this error happens")
    assert not wrong, "\n".join(wrong)


def first_example(spec, operation) -> object | None:
    media = operation.spec.get("requestBody", {}).get("content", {}).get("application/json")
    if media is None:
        return None
    found = media_examples(media) or schema_examples(spec, media["schema"])
    return found[0] if found else {}


def test_errors_the_app_really_returns_are_documented(spec):
    """Call each operation with ids that do not exist and compare the error with the spec."""
    undocumented = []
    for operation in operations(spec):
        path = re.sub(r"\{[^}]+\}", "999999", operation.path)
        body = first_example(spec, operation)
        with TestClient(create_app(clock=lambda: FIXED_NOW)) as fresh:
            response = fresh.request(
                operation.method, path, json=body if body is not None else None
            )
        status = str(response.status_code)
        if not status.startswith("4"):
            continue
        documented = operation.spec["responses"].get(status)
        media_type = response.headers.get("content-type", "").split(";")[0]
        if documented is None:
            undocumented.append(f"{operation.name} answered {status}, which is not documented")
        elif media_type not in documented.get("content", {}):
            undocumented.append(
                f"{operation.name} answered {status} as {media_type}, "
                f"documented as {list(documented.get('content', {}))}"
            )
    assert not undocumented, "\n".join(undocumented)
