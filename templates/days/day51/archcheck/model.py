"""architecture.yaml, loaded into plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Route:
    method: str  # upper case: GET, POST...
    path: str  # as the gateway receives it: /api/...
    service: str  # the service it is forwarded to


@dataclass
class Service:
    name: str
    description: str
    technology: str = ""
    openapi: str | None = None  # path of the spec, relative to the day folder
    owns: list[str] = field(default_factory=list)
    produces: list[str] = field(default_factory=list)
    consumes: list[str] = field(default_factory=list)
    depends_on: list[str] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)  # the gateway's route table


@dataclass
class Architecture:
    system: str
    events: dict[str, int]  # event name -> contract version
    services: list[Service]  # in the order of the file

    def service(self, name: str) -> Service | None:
        return next((s for s in self.services if s.name == name), None)

    @property
    def routes(self) -> list[Route]:
        return [r for s in self.services for r in s.routes]


def load_yaml(text: str):
    """yaml.safe_load, with libyaml's C parser when PyYAML was built with it (much faster)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _strings(value, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where} must be a list of names")
    return list(value)


def parse(data: dict) -> Architecture:
    """Build the model from the YAML document; a wrong shape raises ValueError naming the key."""
    if not isinstance(data, dict) or not isinstance(data.get("services"), dict):
        raise ValueError("architecture.yaml needs a `services:` mapping")
    events = {}
    for name, spec in (data.get("events") or {}).items():
        events[name] = int((spec or {}).get("version", 1))
    services = []
    for name, spec in data["services"].items():
        spec = spec or {}
        routes = [
            Route(method=str(r["method"]).upper(), path=str(r["path"]), service=str(r["service"]))
            for r in spec.get("routes") or []
        ]
        services.append(
            Service(
                name=name,
                description=str(spec.get("description", "")),
                technology=str(spec.get("technology", "")),
                openapi=spec.get("openapi"),
                owns=_strings(spec.get("owns"), f"services.{name}.owns"),
                produces=_strings(spec.get("produces"), f"services.{name}.produces"),
                consumes=_strings(spec.get("consumes"), f"services.{name}.consumes"),
                depends_on=_strings(spec.get("depends_on"), f"services.{name}.depends_on"),
                routes=routes,
            )
        )
    return Architecture(system=str(data.get("system", "")), events=events, services=services)


def load(root: Path) -> Architecture:
    """Read `architecture.yaml` from the day folder (or a copy of it)."""
    text = (root / "architecture.yaml").read_text(encoding="utf-8")
    return parse(load_yaml(text))
