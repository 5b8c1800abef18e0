"""Static checks that the objects in k8s/ reference each other correctly (no cluster needed)."""

import importlib
from urllib.parse import urlsplit

from tests.k8s import container_port, containers, find, kustomize_resources, pod_spec

SERVICES = {"users": "users_api", "orders": "orders_api"}


def objects() -> list[dict]:
    return kustomize_resources()


def app_container(objs: list[dict], name: str) -> dict:
    deployment = find(objs, "Deployment", name)
    assert deployment, f"no Deployment named {name}"
    found = [c for c in containers(deployment) if c.get("name") == name]
    assert found, f"the {name} Deployment has no container named {name}"
    return found[0]


def configmap(objs: list[dict]) -> dict:
    found = find(objs, "ConfigMap", "shop-config")
    assert found, "k8s/configmap.yaml should define the ConfigMap shop-config"
    return found.get("data") or {}


def secret_keys(objs: list[dict], name: str) -> dict:
    secret = find(objs, "Secret", name)
    assert secret, f"no Secret named {name}"
    return {**(secret.get("data") or {}), **(secret.get("stringData") or {})}


def service_ports(objs: list[dict], name: str) -> list[dict]:
    service = find(objs, "Service", name)
    assert service, f"no Service named {name}"
    return (service.get("spec") or {}).get("ports") or []


def test_config_and_secret_hold_the_settings_the_services_read():
    objs = objects()
    data = configmap(objs)
    for key in ("APP_ENV", "USERS_URL"):
        assert key in data, f"shop-config should set {key}"
    assert "DATABASE_URL" not in data, "connection strings belong in the Secret"
    values = secret_keys(objs, "shop-secrets")
    for service in SERVICES:
        assert f"{service}-database-url" in values, f"shop-secrets needs {service}-database-url"
        url = urlsplit(str(values[f"{service}-database-url"]))
        assert url.password is None, "a committed Secret holds placeholders, never a password"


def test_deployments_load_the_configmap_with_envfrom():
    objs = objects()
    configmap(objs)
    for service in SERVICES:
        sources = app_container(objs, service).get("envFrom") or []
        names = [(s.get("configMapRef") or {}).get("name") for s in sources]
        assert "shop-config" in names, f"{service}: add envFrom with configMapRef shop-config"


def test_database_url_comes_from_an_existing_secret_key():
    objs = objects()
    for service in SERVICES:
        env = {e.get("name"): e for e in app_container(objs, service).get("env") or []}
        assert "DATABASE_URL" in env, f"{service}: set DATABASE_URL"
        ref = (env["DATABASE_URL"].get("valueFrom") or {}).get("secretKeyRef") or {}
        assert ref, f"{service}: DATABASE_URL should come from a secretKeyRef, not a literal value"
        keys = secret_keys(objs, ref.get("name"))
        assert ref.get("key") in keys, f"{service}: the Secret has no key {ref.get('key')!r}"
        assert ref.get("key") == f"{service}-database-url", f"{service}: wrong database key"


def test_orders_reaches_users_through_the_service_name():
    objs = objects()
    url = urlsplit(configmap(objs).get("USERS_URL", ""))
    assert url.scheme == "http" and url.hostname, "USERS_URL should look like http://<service>"
    host = url.hostname.split(".")[0]
    assert host == "users", "orders should call the users Service by its DNS name"
    ports = [p.get("port") for p in service_ports(objs, host)]
    assert (url.port or 80) in ports, f"the users Service listens on {ports}, not {url.port or 80}"


def test_probes_check_health_on_the_container_port():
    objs = objects()
    for service, package in SERVICES.items():
        container = app_container(objs, service)
        app = importlib.import_module(f"{package}.main").app
        served = {r.path for r in app.routes if "GET" in getattr(r, "methods", set())}
        for probe in ("readinessProbe", "livenessProbe"):
            check = (container.get(probe) or {}).get("httpGet")
            assert check, f"{service}: add a {probe} with httpGet"
            assert check.get("path") in served, f"{service}: {check.get('path')} is not a route"
            assert container_port(container, check.get("port")) == 8000, (
                f"{service}: the {probe} port should be the container's http port"
            )


def test_ingress_routes_users_and_orders_to_their_services():
    objs = objects()
    ingress = find(objs, "Ingress", "shop")
    assert ingress and ingress.get("apiVersion") == "networking.k8s.io/v1", "add the Ingress shop"
    routes = {}
    for rule in (ingress.get("spec") or {}).get("rules") or []:
        for path in (rule.get("http") or {}).get("paths") or []:
            routes[path.get("path")] = path
    for service in SERVICES:
        route = routes.get(f"/{service}")
        assert route, f"the Ingress has no /{service} path"
        assert route.get("pathType") in ("Prefix", "Exact"), "set pathType"
        backend = (route.get("backend") or {}).get("service") or {}
        assert backend.get("name") == service, f"/{service} should go to the {service} Service"
        port = backend.get("port") or {}
        wanted = port.get("name") or port.get("number")
        known = [p.get("name") for p in service_ports(objs, service)]
        known += [p.get("port") for p in service_ports(objs, service)]
        assert wanted in known, f"/{service}: the Service has no port {wanted!r}"


def test_users_service_account_is_bound_to_a_read_only_role():
    objs = objects()
    account = find(objs, "ServiceAccount", "users")
    assert account, "k8s/rbac.yaml should define the ServiceAccount users"
    bindings = [o for o in objs if o.get("kind") == "RoleBinding"]
    bound = [
        b
        for b in bindings
        if any(
            s.get("kind") == "ServiceAccount" and s.get("name") == "users"
            for s in b.get("subjects") or []
        )
    ]
    assert bound, "no RoleBinding has the users ServiceAccount as a subject"
    for binding in bound:
        ref = binding.get("roleRef") or {}
        assert ref.get("kind") == "Role", "bind a namespaced Role, not a ClusterRole"
        role = find(objs, "Role", ref.get("name"))
        assert role, f"the RoleBinding points at a Role {ref.get('name')!r} that does not exist"
        rules = role.get("rules") or []
        assert rules, "the Role has no rules"
        for rule in rules:
            assert rule.get("apiGroups") == [""], "only the core API group"
            assert rule.get("resources") == ["configmaps"], "only configmaps"
            assert rule.get("verbs") == ["get"], "only get: least privilege"
            assert "*" not in (rule.get("resourceNames") or []), "no wildcards"


def test_users_pods_run_under_their_service_account():
    objs = objects()
    deployment = find(objs, "Deployment", "users")
    assert deployment, "no Deployment named users"
    name = pod_spec(deployment).get("serviceAccountName")
    assert name == "users", "set serviceAccountName: users in the pod template"
    assert find(objs, "ServiceAccount", name), "the ServiceAccount users is not in k8s/"


def test_every_object_renders_into_the_shop_namespace():
    objs = objects()
    kinds = {o.get("kind") for o in objs}
    wanted = {"ConfigMap", "Secret", "Deployment", "Service", "Ingress"}
    wanted |= {"ServiceAccount", "Role", "RoleBinding"}
    assert wanted <= kinds, f"missing from the kustomization output: {sorted(wanted - kinds)}"
    for obj in objs:
        if obj.get("kind") != "Namespace":
            assert obj["metadata"].get("namespace") == "shop", f"{obj['kind']} is not in shop"
