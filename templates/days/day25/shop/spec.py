"""The OpenAPI document: built from the app, exported to `openapi.json` (given).

    uv run python -m shop.spec            # write openapi.json next to pyproject.toml
    uv run python -m shop.spec --check    # exit 1 when openapi.json differs from the app (CI)

The committed file is what client generators, reviewers and other teams read without running
anything. It must always equal what the running app serves at /openapi.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from shop.problems import Problem

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.json"


def install_openapi(app: FastAPI) -> None:
    """Make `app.openapi()` also describe `Problem`, which routes reference by `$ref`."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = generate()
            schemas = spec.setdefault("components", {}).setdefault("schemas", {})
            schemas["Problem"] = Problem.model_json_schema()
            spec["components"]["schemas"] = dict(sorted(schemas.items()))
        return app.openapi_schema

    app.openapi = openapi


def render(spec: dict[str, Any]) -> str:
    return json.dumps(spec, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    from shop.app import create_app

    text = render(create_app().openapi())
    if "--check" in argv:
        current = SPEC_PATH.read_text(encoding="utf-8") if SPEC_PATH.exists() else ""
        if current != text:
            print(f"{SPEC_PATH.name} is stale: run `python -m shop.spec` and commit the result")
            return 1
        print(f"{SPEC_PATH.name} is up to date")
        return 0
    SPEC_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {SPEC_PATH.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
