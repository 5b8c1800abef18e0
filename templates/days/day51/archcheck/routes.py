"""Route rules: valid OpenAPI specs, and every gateway route exists in its service's spec."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from openapi_spec_validator import validate

from archcheck.model import Architecture, load_yaml
from archcheck.problems import Problem

GATEWAY_PREFIX = "/api"
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def template(path: str) -> str:
    """Blank the parameter names: /documents/{id} and /documents/{doc} are one route."""
    return re.sub(r"\{[^}/]+\}", "{}", path)


@lru_cache(maxsize=64)
def spec_error(text: str) -> str | None:
    """None when `text` (an OpenAPI document in YAML) passes openapi-spec-validator, else the
    first line of its complaint. Cached by content: the checker runs often on the same specs."""
    try:
        validate(load_yaml(text))
    except Exception as err:  # the validator raises several exception types
        return str(err).splitlines()[0]
    return None


def operations(spec: dict) -> set[tuple[str, str]]:
    """(METHOD, path template) for every operation of an OpenAPI document."""
    # BEGIN SOLUTION
    found = set()
    for path, item in (spec.get("paths") or {}).items():
        for method in item or {}:
            if method.lower() in HTTP_METHODS:
                found.add((method.upper(), template(path)))
    return found
    # STARTER: raise NotImplementedError("TODO(day51): list the spec's (METHOD, path) operations")
    # END SOLUTION


def check_routes(arch: Architecture, root: Path) -> list[Problem]:
    """Each public service's spec passes openapi-spec-validator; each gateway route, with /api
    stripped, is an operation of the target service's spec: same method, same path."""
    # BEGIN SOLUTION
    problems: list[Problem] = []
    specs: dict[str, set[tuple[str, str]]] = {}
    for service in arch.services:
        if not service.openapi:
            continue
        path = root / service.openapi
        if not path.exists():
            problems.append(
                Problem("openapi.missing", f"{service.name}'s spec {service.openapi} is missing")
            )
            continue
        text = path.read_text(encoding="utf-8")
        error = spec_error(text)
        if error is not None:
            problems.append(
                Problem("openapi.invalid", f"{service.openapi} is not valid OpenAPI: {error}")
            )
            continue
        specs[service.name] = operations(load_yaml(text))

    for route in arch.routes:
        shown = f"{route.method} {route.path} -> {route.service}"
        if not route.path.startswith(GATEWAY_PREFIX + "/"):
            problems.append(
                Problem("routes.prefix", f"gateway route {shown} must start with {GATEWAY_PREFIX}/")
            )
            continue
        target = arch.service(route.service)
        if target is None or not target.openapi:
            problems.append(
                Problem(
                    "routes.no-spec", f"gateway route {shown}: that service has no OpenAPI spec"
                )
            )
            continue
        if route.service not in specs:
            continue  # its spec is missing or invalid: reported above
        wanted = (route.method, template(route.path[len(GATEWAY_PREFIX) :]))
        if wanted not in specs[route.service]:
            problems.append(
                Problem(
                    "routes.missing",
                    f"gateway route {shown}: {target.openapi} has no "
                    f"{wanted[0]} {route.path[len(GATEWAY_PREFIX) :]}",
                )
            )
    return problems
    # STARTER: raise NotImplementedError("TODO(day51): validate specs, match gateway routes")
    # END SOLUTION
