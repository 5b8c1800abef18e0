"""The day's own design files: consistent, and describing the capstone's plan."""

from __future__ import annotations

import sqlite3

import yaml
from openapi_spec_validator import validate

from archcheck.checker import check
from archcheck.model import load
from archcheck.tables import tables_in_ddl
from tests.conftest import DAY

# The capstone's plan: every later KnowledgeCloud day builds exactly this system.
PLAN = {
    "gateway": ([], [], []),
    "auth": (["users", "sessions"], [], []),
    "documents": (["documents", "outbox"], ["document.uploaded", "document.deleted"], []),
    "indexing": (
        ["chunks", "processed_events"],
        ["document.indexed"],
        ["document.uploaded", "document.deleted"],
    ),
    "search": ([], [], ["document.deleted"]),
    "agent": (
        ["jobs", "approvals"],
        ["approval.requested", "agent.job.completed"],
        [],
    ),
    "notifications": (
        ["notifications"],
        [],
        ["document.indexed", "approval.requested", "agent.job.completed"],
    ),
}
ROUTES = {
    ("POST", "/api/auth/token", "auth"),
    ("POST", "/api/documents", "documents"),
    ("GET", "/api/documents/{id}", "documents"),
    ("DELETE", "/api/documents/{id}", "documents"),
    ("GET", "/api/search", "search"),
    ("POST", "/api/agent/jobs", "agent"),
    ("GET", "/api/agent/jobs/{id}", "agent"),
    ("POST", "/api/agent/jobs/{id}/approve", "agent"),
    ("GET", "/api/notifications", "notifications"),
}


def test_reference_design_is_consistent():
    problems = check(DAY)
    assert problems == [], "\n".join(map(str, problems))


def test_architecture_describes_the_capstone_plan():
    arch = load(DAY)
    got = {s.name: (sorted(s.owns), sorted(s.produces), sorted(s.consumes)) for s in arch.services}
    want = {k: (sorted(o), sorted(p), sorted(c)) for k, (o, p, c) in PLAN.items()}
    assert got == want
    assert {(r.method, r.path, r.service) for r in arch.routes} == ROUTES
    assert arch.service("search").depends_on == ["indexing"], "search reads the index via indexing"


def test_every_public_service_has_a_valid_spec_with_its_routes():
    arch = load(DAY)
    public = {service for _, _, service in ROUTES}
    for name in sorted(public):
        service = arch.service(name)
        assert service.openapi, f"{name} needs an `openapi:` spec"
        spec = yaml.safe_load((DAY / service.openapi).read_text(encoding="utf-8"))
        validate(spec)
        assert spec.get("paths"), f"{service.openapi} has no paths"


def test_ddl_runs_on_sqlite_and_creates_each_owned_table():
    for name, (owns, _, _) in PLAN.items():
        path = DAY / "ddl" / f"{name}.sql"
        if not owns:
            assert not path.exists(), f"{name} owns no table, so it has no DDL"
            continue
        db = sqlite3.connect(":memory:")
        db.executescript(path.read_text(encoding="utf-8"))
        made = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert made == set(owns), f"ddl/{name}.sql creates {sorted(made)}"
        assert sorted(tables_in_ddl(path.read_text(encoding="utf-8"))) == sorted(owns)
