"""Load and check a service map (design/services.yaml).

The file describes each service with five keys:

* ``context``   - the bounded context: the part of the business this service understands;
* ``rationale`` - why it deserves to be a separate service;
* ``owns``      - the ``entities`` and database ``tables`` only this service may write;
* ``api``       - its contract: HTTP ``endpoints`` ("GET /products/{id}") and ``events``
  ("order.placed") other services may rely on;
* ``depends_on`` - what it needs from other services: ``service``, ``uses`` (one contract item
  of that service), ``mode`` (``sync`` for an HTTP call, ``async`` for consuming an event).

Run ``python -m app.design`` to list what is still wrong with your map.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "design" / "services.yaml"

ENDPOINT_RE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE) /[a-z0-9_{}/-]*$")
EVENT_RE = re.compile(r"^[a-z][a-z_]*\.[a-z][a-z_]*$")
TABLE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
MODES = ("sync", "async")

# What the Shopfront domain in README.md needs; the tests check the same things.
DOMAIN_ENTITIES = frozenset(
    {
        "Product",
        "Category",
        "StockLevel",
        "Customer",
        "Address",
        "Cart",
        "Order",
        "OrderLine",
        "Payment",
        "Refund",
        "Notification",
    }
)
MIN_SERVICES = 5
MIN_DEPENDENCIES = 4

Design = dict[str, Any]


class DesignError(ValueError):
    """The file is not a service map at all (wrong shape, not a typo in the content)."""


def load_design(path: str | Path = DEFAULT_PATH) -> Design:
    """Read the YAML file and check its shape, filling in empty lists for missing keys."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not isinstance(raw.get("services"), dict):
        raise DesignError("the file needs a top-level `services:` mapping")
    for name, service in raw["services"].items():
        if not isinstance(service, dict):
            raise DesignError(f"service {name!r} must be a mapping")
        service.setdefault("context", "")
        service.setdefault("rationale", "")
        owns = service.setdefault("owns", {}) or {}
        api = service.setdefault("api", {}) or {}
        service["owns"], service["api"] = owns, api
        for section, keys in ((owns, ("entities", "tables")), (api, ("endpoints", "events"))):
            for key in keys:
                value = section.get(key) or []
                if not isinstance(value, list):
                    raise DesignError(f"{name}: `{key}` must be a list")
                section[key] = [str(item) for item in value]
        deps = service.get("depends_on") or []
        if not isinstance(deps, list) or not all(isinstance(d, dict) for d in deps):
            raise DesignError(f"{name}: `depends_on` must be a list of mappings")
        service["depends_on"] = deps
    return raw


def services(design: Design) -> dict[str, dict[str, Any]]:
    return design["services"]


def is_filled_in(text: Any) -> bool:
    """True for a real sentence, False for an empty value or a TODO placeholder."""
    return isinstance(text, str) and len(text.strip()) >= 20 and "TODO" not in text


def entity_owners(design: Design) -> dict[str, list[str]]:
    """Entity name -> the services that claim to own it (should be exactly one)."""
    owners: dict[str, list[str]] = defaultdict(list)
    for name, service in services(design).items():
        for entity in service["owns"]["entities"]:
            owners[entity].append(name)
    return dict(owners)


def table_owners(design: Design) -> dict[str, list[str]]:
    """Table name -> the services that claim to own it (should be exactly one)."""
    owners: dict[str, list[str]] = defaultdict(list)
    for name, service in services(design).items():
        for table in service["owns"]["tables"]:
            owners[table].append(name)
    return dict(owners)


def dependencies(design: Design) -> list[tuple[str, dict[str, Any]]]:
    """Every (caller, dependency) pair in the map."""
    return [
        (name, dep) for name, service in services(design).items() for dep in service["depends_on"]
    ]


def sync_edges(design: Design) -> dict[str, set[str]]:
    """Caller -> the services it calls synchronously (async dependencies are left out)."""
    edges: dict[str, set[str]] = {name: set() for name in services(design)}
    for caller, dep in dependencies(design):
        if dep.get("mode") == "sync" and dep.get("service") in edges:
            edges[caller].add(dep["service"])
    return edges


def find_sync_cycle(design: Design) -> list[str] | None:
    """Return one cycle of synchronous calls, or None when there is none.

    The cycle is the list of services in call order without repeating the first one:
    ``["orders", "payments"]`` means orders calls payments and payments calls orders.
    Only ``mode: sync`` dependencies count: consuming an event never blocks the publisher.
    """
    # BEGIN SOLUTION
    edges = sync_edges(design)
    visiting: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> list[str] | None:
        if node in visiting:
            return visiting[visiting.index(node) :]
        if node in done:
            return None
        visiting.append(node)
        for callee in sorted(edges[node]):
            cycle = visit(callee)
            if cycle is not None:
                return cycle
        visiting.pop()
        done.add(node)
        return None

    for start in sorted(edges):
        cycle = visit(start)
        if cycle is not None:
            return cycle
    return None
    # STARTER: raise NotImplementedError("TODO(day11): find a cycle in sync_edges(design)")
    # END SOLUTION


def problems(design: Design) -> list[str]:
    """Everything the tests will complain about, as readable sentences."""
    found: list[str] = []
    if len(services(design)) < MIN_SERVICES:
        found.append(f"only {len(services(design))} service(s); identify at least {MIN_SERVICES}")
    unowned = sorted(DOMAIN_ENTITIES - entity_owners(design).keys())
    if unowned:
        found.append(f"entities nobody owns yet: {', '.join(unowned)}")
    deps = dependencies(design)
    if len(deps) < MIN_DEPENDENCIES:
        found.append(f"only {len(deps)} dependencies; who needs whom?")
    if not {"sync", "async"} <= {dep.get("mode") for _, dep in deps}:
        found.append("use at least one sync (HTTP) and one async (event) dependency")
    for name, service in services(design).items():
        for key in ("context", "rationale"):
            if not is_filled_in(service.get(key)):
                found.append(f"{name}: write a real `{key}` (one or two sentences, no TODO)")
        if not service["owns"]["tables"]:
            found.append(f"{name}: owns no table; every service keeps its own data")
        if not (service["api"]["endpoints"] or service["api"]["events"]):
            found.append(f"{name}: publishes no contract (no endpoint, no event)")
    for kind, owners in (("entity", entity_owners(design)), ("table", table_owners(design))):
        for item, names in owners.items():
            if len(names) > 1:
                found.append(f"{kind} {item} is owned by {', '.join(names)}; pick one owner")
    for caller, dep in dependencies(design):
        target = dep.get("service")
        if target not in services(design) or target == caller:
            found.append(f"{caller}: depends on {target!r}, which is not another declared service")
            continue
        mode = dep.get("mode")
        contract = services(design)[target]["api"]["endpoints" if mode == "sync" else "events"]
        if mode not in MODES or dep.get("uses") not in contract:
            found.append(f"{caller} -> {target}: {dep.get('uses')!r} ({mode}) is not in its api")
    try:
        cycle = find_sync_cycle(design)
    except NotImplementedError:
        found.append("find_sync_cycle() is not implemented yet, so cycles were not checked")
        cycle = None
    if cycle:
        found.append("synchronous call cycle: " + " -> ".join([*cycle, cycle[0]]))
    return found


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    found = problems(load_design(path))
    for line in found:
        print(f"- {line}")
    print(f"{len(found)} problem(s) in {path.name}")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
