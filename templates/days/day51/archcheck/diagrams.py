"""Mermaid diagrams generated from architecture.yaml, and the drift check on the committed ones.

The diagrams are outputs, like a lock file: nobody edits them by hand, `python -m archcheck render`
writes them, and the checker fails when the committed text is not what the YAML renders to."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from archcheck.model import Architecture
from archcheck.problems import Problem


def render_containers(arch: Architecture) -> str:
    """A C4 container diagram (Mermaid `C4Container`): the user, one Container per service in the
    file's order, one ContainerDb per service that owns tables, the event bus as a ContainerQueue;
    Rel lines for user -> gateway, every depends_on, every owner -> its database, every producer ->
    bus and bus -> consumer. Ends with a newline; the same YAML always gives the same text."""
    # BEGIN SOLUTION
    lines = [
        "C4Container",
        f"  title {arch.system}: containers",
        '  Person(user, "User", "a member of a tenant")',
        f'  System_Boundary(system, "{arch.system}") {{',
    ]
    for s in arch.services:
        lines.append(f'    Container({s.name}, "{s.name}", "{s.technology}", "{s.description}")')
    for s in arch.services:
        if s.owns:
            lines.append(
                f'    ContainerDb({s.name}_db, "{s.name} database", "PostgreSQL", '
                f'"{", ".join(s.owns)}")'
            )
    lines.append('    ContainerQueue(bus, "event bus", "Redis streams", "at-least-once delivery")')
    lines.append("  }")
    if arch.service("gateway") is not None:
        lines.append('  Rel(user, gateway, "calls", "HTTPS /api")')
    for s in arch.services:
        for target in s.depends_on:
            lines.append(f'  Rel({s.name}, {target}, "calls", "HTTP")')
    for s in arch.services:
        if s.owns:
            lines.append(f'  Rel({s.name}, {s.name}_db, "reads and writes", "SQL")')
    for s in arch.services:
        if s.produces:
            lines.append(f'  Rel({s.name}, bus, "publishes", "{", ".join(s.produces)}")')
    for s in arch.services:
        if s.consumes:
            lines.append(f'  Rel(bus, {s.name}, "delivers", "{", ".join(s.consumes)}")')
    return "\n".join(lines) + "\n"
    # STARTER: raise NotImplementedError("TODO(day51): render the C4 container diagram")
    # END SOLUTION


def render_events(arch: Architecture) -> str:
    """The event flow (Mermaid `flowchart LR`): a node per service that produces or consumes an
    event, and one edge `producer -->|event| consumer` per producer/consumer pair, events in the
    order of `events:`. Ends with a newline."""
    # BEGIN SOLUTION
    lines = ["flowchart LR"]
    involved = [s for s in arch.services if s.produces or s.consumes]
    for s in involved:
        lines.append(f'  {s.name}["{s.name}"]')
    for event in arch.events:
        for producer in (s for s in arch.services if event in s.produces):
            for consumer in (s for s in arch.services if event in s.consumes):
                lines.append(f"  {producer.name} -->|{event}| {consumer.name}")
    return "\n".join(lines) + "\n"
    # STARTER: raise NotImplementedError("TODO(day51): render the event flow")
    # END SOLUTION


DIAGRAMS: dict[str, Callable[[Architecture], str]] = {
    "docs/diagrams/containers.mmd": render_containers,
    "docs/diagrams/events.mmd": render_events,
}


def write_diagrams(arch: Architecture, root: Path) -> list[Path]:
    """Render every diagram into the day folder (what `python -m archcheck render` runs)."""
    written = []
    for rel, render in DIAGRAMS.items():
        text = render(arch)
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def check_diagrams(arch: Architecture, root: Path) -> list[Problem]:
    """Each committed diagram equals, character for character, what the YAML renders to now.
    A check only reads: it never writes the files it judges."""
    # BEGIN SOLUTION
    problems = []
    for rel, render in DIAGRAMS.items():
        path = root / rel
        if not path.exists():
            problems.append(
                Problem("diagrams.missing", f"{rel} is missing: run python -m archcheck render")
            )
            continue
        committed = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        if committed != render(arch):
            problems.append(
                Problem(
                    "diagrams.drift",
                    f"{rel} is not what architecture.yaml renders to: run "
                    "python -m archcheck render and commit the result",
                )
            )
    return problems
    # STARTER: raise NotImplementedError("TODO(day51): compare committed diagrams with renders")
    # END SOLUTION
