"""Checks on design/services.yaml: boundaries, data ownership and contracts."""

from app.design import (
    DOMAIN_ENTITIES,
    ENDPOINT_RE,
    EVENT_RE,
    MIN_DEPENDENCIES,
    MIN_SERVICES,
    MODES,
    TABLE_RE,
    dependencies,
    entity_owners,
    is_filled_in,
    services,
    table_owners,
)


def test_design_has_at_least_five_services_each_with_context_and_rationale(design):
    declared = services(design)
    assert len(declared) >= MIN_SERVICES, f"only {len(declared)} service(s) declared"
    for name, service in declared.items():
        assert is_filled_in(service["context"]), f"{name}: describe its bounded context"
        assert is_filled_in(service["rationale"]), f"{name}: explain why it is a separate service"


def test_every_domain_entity_is_owned_by_exactly_one_service(design):
    owners = entity_owners(design)
    missing = sorted(DOMAIN_ENTITIES - owners.keys())
    assert not missing, f"nobody owns {missing}"
    shared = {entity: names for entity, names in owners.items() if len(names) > 1}
    assert not shared, f"entities with more than one owner: {shared}"


def test_every_service_owns_its_own_tables_and_no_table_is_shared(design):
    for name, service in services(design).items():
        tables = service["owns"]["tables"]
        assert tables, f"{name} owns no table: where does it keep its data?"
        for table in tables:
            assert TABLE_RE.match(table), f"{name}: {table!r} is not a snake_case table name"
    shared = {table: names for table, names in table_owners(design).items() if len(names) > 1}
    assert not shared, f"tables written by more than one service: {shared}"


def test_every_service_publishes_a_well_formed_contract(design):
    for name, service in services(design).items():
        endpoints, events = service["api"]["endpoints"], service["api"]["events"]
        assert endpoints or events, f"{name} offers no endpoint and no event"
        for endpoint in endpoints:
            assert ENDPOINT_RE.match(endpoint), f"{name}: {endpoint!r} is not 'METHOD /path'"
        for event in events:
            assert EVENT_RE.match(event), f"{name}: {event!r} is not 'entity.happened'"


def test_dependencies_name_other_declared_services(design):
    deps = dependencies(design)
    assert len(deps) >= MIN_DEPENDENCIES, (
        "services this isolated do not make a shop: declare who needs whom"
    )
    declared = services(design)
    for caller, dep in deps:
        target = dep.get("service")
        assert target in declared, f"{caller} depends on undeclared service {target!r}"
        assert target != caller, f"{caller} depends on itself"


def test_dependencies_use_a_contract_the_target_publishes(design):
    deps = dependencies(design)
    modes = {dep.get("mode") for _, dep in deps}
    assert {"sync", "async"} <= modes, "use at least one HTTP call and one event subscription"
    declared = services(design)
    for caller, dep in deps:
        mode = dep.get("mode")
        assert mode in MODES, f"{caller}: mode must be one of {MODES}, not {mode!r}"
        api = declared[dep["service"]]["api"]
        contract = api["endpoints"] if mode == "sync" else api["events"]
        assert dep.get("uses") in contract, (
            f"{caller} uses {dep.get('uses')!r} from {dep['service']}, "
            f"which only offers {contract} for {mode} use"
        )
