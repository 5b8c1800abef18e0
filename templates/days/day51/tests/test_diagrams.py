"""Diagrams are generated from the YAML; the committed ones must not drift from it."""

from __future__ import annotations

import re

from archcheck.checker import check
from archcheck.diagrams import render_containers, render_events, write_diagrams
from archcheck.model import load
from tests.conftest import DAY, rules, with_rule


def test_container_diagram_shows_every_service_database_and_dependency():
    arch = load(DAY)
    text = render_containers(arch)
    assert text.startswith("C4Container\n") and text.endswith("\n")
    containers = re.findall(r"^\s*Container\((\w+),", text, re.M)
    assert containers == [s.name for s in arch.services]
    dbs = re.findall(r"^\s*ContainerDb\((\w+)_db,", text, re.M)
    assert dbs == [s.name for s in arch.services if s.owns]
    rels = set(re.findall(r"^\s*Rel\((\w+), (\w+),", text, re.M))
    for s in arch.services:
        for target in s.depends_on:
            assert (s.name, target) in rels
    assert ("user", "gateway") in rels
    assert ("search", "indexing") in rels and ("indexing", "search") not in rels


def test_event_flow_has_one_edge_per_producer_and_consumer():
    arch = load(DAY)
    text = render_events(arch)
    assert text.startswith("flowchart LR\n")
    edges = re.findall(r"^\s*(\w+) -->\|([\w.]+)\| (\w+)$", text, re.M)
    want = [
        (p.name, e, c.name)
        for e in arch.events
        for p in arch.services
        if e in p.produces
        for c in arch.services
        if e in c.consumes
    ]
    assert edges == want
    assert ("documents", "document.deleted", "search") in edges
    assert len(edges) == 6


def test_committed_diagrams_are_the_rendered_ones():
    arch = load(DAY)
    assert (DAY / "docs/diagrams/containers.mmd").read_text(encoding="utf-8") == render_containers(
        arch
    )
    assert (DAY / "docs/diagrams/events.mmd").read_text(encoding="utf-8") == render_events(arch)


def test_stale_diagram_is_reported_and_left_untouched(copy):
    data = copy.arch()
    copy.service(data, "notifications")["depends_on"].append("auth")
    copy.save_arch(data)
    before = (copy.root / "docs/diagrams/containers.mmd").read_bytes()
    messages = with_rule(check(copy.root), "diagrams.drift")
    assert len(messages) == 1 and "containers.mmd" in messages[0], messages
    assert (copy.root / "docs/diagrams/containers.mmd").read_bytes() == before, (
        "a check must not rewrite the file it judges"
    )


def test_reordered_edges_in_a_committed_diagram_are_drift(copy):
    path = copy.root / "docs/diagrams/events.mmd"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) > 2, "events.mmd has no edges yet: run python -m archcheck render"
    lines[-1], lines[-2] = lines[-2], lines[-1]
    path.write_text("".join(lines), encoding="utf-8")
    assert with_rule(check(copy.root), "diagrams.drift")


def test_render_then_check_is_clean(copy):
    data = copy.arch()
    copy.service(data, "notifications")["depends_on"].append("auth")
    copy.save_arch(data)
    write_diagrams(load(copy.root), copy.root)
    assert "diagrams.drift" not in rules(check(copy.root))
    assert "Rel(notifications, auth," in (copy.root / "docs/diagrams/containers.mmd").read_text()
