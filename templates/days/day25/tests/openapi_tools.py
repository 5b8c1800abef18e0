"""Reading an OpenAPI document: operations, `$ref`s, schema validation (shared by the tests)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openapi_schema_validator import OAS31Validator

DAY = Path(__file__).resolve().parent.parent
SPEC_FILE = DAY / "openapi.json"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_REF = "#/components/schemas/Problem"


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    spec: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.method.upper()} {self.path}"


def operations(spec: dict[str, Any]) -> Iterator[Operation]:
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                yield Operation(method, path, item[method])


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow `$ref`s inside the document until a schema without one is reached."""
    while "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), f"only local references are expected: {ref}"
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


def schema_errors(spec: dict[str, Any], schema: dict[str, Any], instance: Any) -> list[str]:
    """Why `instance` does not match `schema` (empty when it does). `$ref`s resolve in `spec`."""
    rooted = {**schema, "components": spec.get("components", {})}
    validator = OAS31Validator(rooted)
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in validator.iter_errors(instance)
    ]


def media_examples(media: dict[str, Any]) -> list[Any]:
    """The examples given next to a media type's schema (`example` or `examples`)."""
    found = []
    if "example" in media:
        found.append(media["example"])
    for example in media.get("examples", {}).values():
        if "value" in example:
            found.append(example["value"])
    return found


def schema_examples(spec: dict[str, Any], schema: dict[str, Any]) -> list[Any]:
    """The examples of a schema itself (JSON Schema `examples`), following its `$ref`."""
    target = resolve(spec, schema)
    return list(target.get("examples", [])) + ([target["example"]] if "example" in target else [])


def load_committed_spec() -> dict[str, Any]:
    assert SPEC_FILE.exists(), "openapi.json is missing: run `python -m shop.spec` and commit it"
    return json.loads(SPEC_FILE.read_text(encoding="utf-8"))


def path_pattern(template: str) -> re.Pattern[str]:
    """`/users/{user_id}` -> a regex matching `/users/7` that captures `user_id`."""
    parts = re.split(r"(\{[^}]+\})", template)
    regex = "".join(
        f"(?P<{part[1:-1]}>[^/]+)" if part.startswith("{") else re.escape(part) for part in parts
    )
    return re.compile(f"^{regex}$")
