"""Gateway routes against the services' OpenAPI specs."""

from __future__ import annotations

from archcheck.checker import check
from tests.conftest import rules, with_rule


def test_gateway_route_missing_from_the_service_spec_is_reported(copy):
    # the spec still has /documents, but no longer /documents/{id}
    copy.edit("openapi/documents.yaml", "  /documents/{id}:\n", "  /files/{id}:\n")
    messages = with_rule(check(copy.root), "routes.missing")
    assert len(messages) == 2, messages
    assert all("/api/documents/{id}" in m for m in messages)


def test_route_with_another_method_in_the_spec_is_reported(copy):
    data = copy.arch()
    for route in data["services"]["gateway"]["routes"]:
        if route["path"] == "/api/search":
            route["method"] = "POST"
    copy.save_arch(data)
    messages = with_rule(check(copy.root), "routes.missing")
    assert len(messages) == 1 and "POST /api/search" in messages[0], messages


def test_route_longer_than_the_spec_path_is_reported(copy):
    data = copy.arch()
    data["services"]["gateway"]["routes"].append(
        {"method": "GET", "path": "/api/documents/{id}/download", "service": "documents"}
    )
    copy.save_arch(data)
    messages = with_rule(check(copy.root), "routes.missing")
    assert len(messages) == 1 and "/download" in messages[0], messages


def test_path_parameter_names_may_differ_between_gateway_and_spec(copy):
    copy.edit("openapi/documents.yaml", "  /documents/{id}:\n", "  /documents/{document_id}:\n")
    copy.edit(
        "openapi/documents.yaml",
        "- {name: id, in: path",
        "- {name: document_id, in: path",
    )
    assert "routes.missing" not in rules(check(copy.root))


def test_invalid_openapi_is_reported(copy):
    copy.edit("openapi/auth.yaml", "          description: unknown user or wrong password\n", "")
    messages = with_rule(check(copy.root), "openapi.invalid")
    assert len(messages) == 1 and "openapi/auth.yaml" in messages[0], messages
