"""Backward compatibility, checked on the OpenAPI documents rather than promised in a meeting.

`breaking_changes(old, new)` compares the spec a version was published with (`old`) with the
spec the code produces now (`new`) and lists every change that can break a client written
against `old`:

- an operation (path + method) of `old` is missing from `new`;
- a parameter of an `old` operation is missing, or `new` requires a parameter `old` did not;
- the JSON request body of an operation requires a property that `old` did not require;
- a property of a JSON response `old` documented is missing in `new` (in nested objects and array
  items too), or its `type` changed.

Additions are not breaking: new paths, new operations, new optional parameters, new response
properties. (That is also why "no breaking change" is not "unchanged": a golden response test
catches the new field that a strict client would choke on.)

Each change is one readable line, e.g. `GET /v1/orders: response 200 lost property data[].item`.
Schemas may be `{"$ref": "#/components/schemas/Name"}`; resolve them in the spec they come from.
"""

from __future__ import annotations

from typing import Any

Spec = dict[str, Any]
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def resolve(spec: Spec, schema: dict[str, Any] | None) -> dict[str, Any]:
    """`schema` with a top-level `$ref` replaced by what it points at (given)."""
    seen = 0
    while schema and "$ref" in schema and seen < 20:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec.get("components", {}).get("schemas", {}).get(name, {})
        seen += 1
    return schema or {}


def json_schema(spec: Spec, holder: dict[str, Any] | None) -> dict[str, Any]:
    """The resolved `application/json` schema of a request body or a response (given)."""
    content = (holder or {}).get("content", {})
    return resolve(spec, content.get("application/json", {}).get("schema"))


def breaking_changes(old: Spec, new: Spec) -> list[str]:
    """Every change from `old` to `new` that can break an existing client (see the module doc)."""
    # BEGIN SOLUTION
    changes: list[str] = []
    for path, old_item in old.get("paths", {}).items():
        new_item = new.get("paths", {}).get(path, {})
        for method in METHODS:
            if method not in old_item:
                continue
            where = f"{method.upper()} {path}"
            if method not in new_item:
                changes.append(f"{where}: operation removed")
                continue
            changes += _parameter_changes(where, old_item[method], new_item[method])
            changes += [
                f"{where}: request body now requires {name}"
                for name in _newly_required(
                    json_schema(old, old_item[method].get("requestBody")),
                    json_schema(new, new_item[method].get("requestBody")),
                )
            ]
            for status, old_response in old_item[method].get("responses", {}).items():
                new_response = new_item[method].get("responses", {}).get(status)
                if new_response is None:
                    changes.append(f"{where}: response {status} removed")
                    continue
                changes += [
                    f"{where}: response {status} {change}"
                    for change in _schema_changes(
                        old, json_schema(old, old_response), new, json_schema(new, new_response)
                    )
                ]
    return changes


def _parameter_changes(where: str, old_op: dict[str, Any], new_op: dict[str, Any]) -> list[str]:
    old_params = {(p["in"], p["name"]): p for p in old_op.get("parameters", [])}
    new_params = {(p["in"], p["name"]): p for p in new_op.get("parameters", [])}
    changes = [
        f"{where}: {place} parameter {name} removed"
        for (place, name) in old_params
        if (place, name) not in new_params
    ]
    for (place, name), param in new_params.items():
        was_required = old_params.get((place, name), {}).get("required", False)
        if param.get("required", False) and not was_required:
            changes.append(f"{where}: {place} parameter {name} is now required")
    return changes


def _newly_required(old_schema: dict[str, Any], new_schema: dict[str, Any]) -> list[str]:
    before = set(old_schema.get("required", []))
    return sorted(set(new_schema.get("required", [])) - before)


def _schema_changes(
    old: Spec, old_schema: dict[str, Any], new: Spec, new_schema: dict[str, Any], at: str = ""
) -> list[str]:
    old_schema, new_schema = resolve(old, old_schema), resolve(new, new_schema)
    old_type, new_type = old_schema.get("type"), new_schema.get("type")
    if old_type and new_type and old_type != new_type:
        return [f"changed type of {at or 'the body'} from {old_type} to {new_type}"]
    if old_type == "array":
        return _schema_changes(
            old, old_schema.get("items"), new, new_schema.get("items"), at + "[]"
        )
    changes: list[str] = []
    new_properties = new_schema.get("properties", {})
    for name, old_property in old_schema.get("properties", {}).items():
        field = f"{at}.{name}" if at else name
        if name not in new_properties:
            changes.append(f"lost property {field}")
        else:
            changes += _schema_changes(old, old_property, new, new_properties[name], field)
    return changes
    # STARTER: raise NotImplementedError("TODO(day22): list what would break an existing client")
    # END SOLUTION
