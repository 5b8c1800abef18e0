"""The OpenAPI check: v2 must not remove or break anything v1 published."""

import copy
import json
from pathlib import Path

from shop_api.compat import breaking_changes

V1_SPEC = json.loads((Path(__file__).parent / "golden" / "openapi_v1.json").read_text())


def test_current_spec_breaks_nothing_v1_published(app):
    assert breaking_changes(V1_SPEC, app.openapi()) == []


def test_current_spec_still_has_every_v1_operation(app):
    current = app.openapi()["paths"]
    published = {(path, m) for path, item in V1_SPEC["paths"].items() for m in item}

    assert len(published) == 3
    assert published <= {(path, m) for path, item in current.items() for m in item}


def test_unchanged_spec_has_no_breaking_change():
    assert breaking_changes(V1_SPEC, copy.deepcopy(V1_SPEC)) == []


def test_removed_operation_is_breaking():
    new = copy.deepcopy(V1_SPEC)
    del new["paths"]["/v1/orders"]["post"]

    changes = breaking_changes(V1_SPEC, new)

    assert len(changes) == 1 and "POST /v1/orders" in changes[0]


def test_removed_path_is_breaking():
    new = copy.deepcopy(V1_SPEC)
    del new["paths"]["/v1/orders/{order_id}"]

    changes = breaking_changes(V1_SPEC, new)

    assert len(changes) == 1 and "GET /v1/orders/{order_id}" in changes[0]


def test_removed_or_newly_required_parameter_is_breaking():
    new = copy.deepcopy(V1_SPEC)
    params = new["paths"]["/v1/orders"]["get"]["parameters"]
    params[:] = [p for p in params if p["name"] != "status"]
    params.append({"name": "region", "in": "query", "required": True, "schema": {"type": "string"}})

    changes = breaking_changes(V1_SPEC, new)

    assert len(changes) == 2
    assert any("status" in c for c in changes) and any("region" in c for c in changes)


def test_new_optional_parameter_and_new_path_are_not_breaking():
    new = copy.deepcopy(V1_SPEC)
    new["paths"]["/v1/orders"]["get"]["parameters"].append(
        {"name": "region", "in": "query", "required": False, "schema": {"type": "string"}}
    )
    new["paths"]["/v1/orders/{order_id}/items"] = {"get": {"responses": {}}}

    assert breaking_changes(V1_SPEC, new) == []


def test_lost_response_property_is_breaking_even_when_nested():
    new = copy.deepcopy(V1_SPEC)
    del new["components"]["schemas"]["OrderOut"]["properties"]["item"]

    changes = breaking_changes(V1_SPEC, new)

    # OrderOut is the body of GET and POST /v1/orders..., and the items of the list page.
    assert len(changes) == 3, changes
    assert all("item" in c for c in changes)
    assert any("GET /v1/orders:" in c and "data" in c for c in changes), (
        "the list's data[] items are OrderOut too: follow arrays and $ref"
    )


def test_changed_property_type_is_breaking():
    new = copy.deepcopy(V1_SPEC)
    new["components"]["schemas"]["OrderOut"]["properties"]["quantity"] = {"type": "string"}

    changes = breaking_changes(V1_SPEC, new)

    assert len(changes) == 3 and all("quantity" in c for c in changes), changes


def test_added_response_property_is_not_breaking():
    new = copy.deepcopy(V1_SPEC)
    new["components"]["schemas"]["OrderOut"]["properties"]["customer_id"] = {"type": "integer"}

    assert breaking_changes(V1_SPEC, new) == []


def test_newly_required_body_property_is_breaking():
    new = copy.deepcopy(V1_SPEC)
    new["components"]["schemas"]["OrderIn"]["required"].append("quantity")

    changes = breaking_changes(V1_SPEC, new)

    assert len(changes) == 1 and "POST /v1/orders" in changes[0] and "quantity" in changes[0]
