"""Synchronous call cycles turn separate services into a distributed monolith."""

from app.design import dependencies, find_sync_cycle


def _design(edges: list[tuple[str, str, str]]) -> dict:
    names = {name for caller, callee, _ in edges for name in (caller, callee)}
    services = {
        name: {"depends_on": [], "owns": {}, "api": {"endpoints": [], "events": []}}
        for name in names
    }
    for caller, callee, mode in edges:
        services[caller]["depends_on"].append({"service": callee, "mode": mode, "uses": "x"})
    return {"services": services}


def test_cycle_finder_reports_a_cycle_of_synchronous_calls():
    design = _design(
        [
            ("gateway", "orders", "sync"),
            ("orders", "payments", "sync"),
            ("payments", "fraud", "sync"),
            ("fraud", "orders", "sync"),
        ]
    )
    cycle = find_sync_cycle(design)
    assert cycle is not None
    assert sorted(cycle) == ["fraud", "orders", "payments"]
    for caller, callee in zip(cycle, cycle[1:] + cycle[:1], strict=True):
        assert any(c == caller and d["service"] == callee for c, d in dependencies(design)), (
            f"{caller} -> {callee} is not a call in the design"
        )


def test_cycle_finder_ignores_event_subscriptions():
    design = _design(
        [
            ("orders", "payments", "sync"),
            ("payments", "orders", "async"),
            ("notifications", "orders", "async"),
            ("orders", "customers", "sync"),
        ]
    )
    assert find_sync_cycle(design) is None


def test_your_design_has_no_synchronous_call_cycle(design):
    sync_calls = [dep for _, dep in dependencies(design) if dep.get("mode") == "sync"]
    assert len(sync_calls) >= 2, "declare the HTTP calls your services make"
    cycle = find_sync_cycle(design)
    assert cycle is None, "synchronous call cycle: " + " -> ".join([*cycle, cycle[0]])
