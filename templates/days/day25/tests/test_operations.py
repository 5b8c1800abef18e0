from tests.openapi_tools import PROBLEM_MEDIA_TYPE, PROBLEM_REF, media_examples, operations


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
