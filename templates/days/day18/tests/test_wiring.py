"""Static checks that the objects in k8s/ reference each other correctly (no cluster needed)."""

import base64
import importlib
from urllib.parse import urlsplit

from tests.k8s import (
    container_port,
    containers,
    find,
    kustomize_resources,
    pod_labels,
    pod_spec,
    selects,
)

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
    data = {
        key: base64.b64decode(str(value)).decode()
        for key, value in (secret.get("data") or {}).items()
    }
    return {**data, **(secret.get("stringData") or {})}


def database_url(objs: list[dict], service: str) -> str:
    """The DATABASE_URL a service's pods get, looked up in the Secret it references."""
    env = {e.get("name"): e for e in app_container(objs, service).get("env") or []}
    assert "DATABASE_URL" in env, f"{service}: set DATABASE_URL"
    ref = (env["DATABASE_URL"].get("valueFrom") or {}).get("secretKeyRef") or {}
    assert ref, f"{service}: DATABASE_URL should come from a secretKeyRef"
    values = secret_keys(objs, ref.get("name"))
    assert ref.get("key") in values, f"{service}: the Secret has no key {ref.get('key')!r}"
    return str(values[ref.get("key")])


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
    for key in ("postgres-password", *(f"{service}-database-url" for service in SERVICES)):
        assert key in values, f"shop-secrets needs the key {key}"
    password = str(values["postgres-password"])
    for key, value in data.items():
        assert password not in str(value), f"shop-config.{key} exposes the database password"
        assert urlsplit(str(value)).password is None, f"shop-config.{key} carries credentials"


def test_replicated_services_share_one_database():
    objs = objects()
    for service in SERVICES:
        deployment = find(objs, "Deployment", service)
        assert deployment, f"no Deployment named {service}"
        replicas = (deployment.get("spec") or {}).get("replicas", 1)
        url = urlsplit(database_url(objs, service))
        if replicas == 1:
            continue
        assert not url.scheme.startswith("sqlite") and url.hostname, (
            f"{service}: {replicas} replicas with a database file each answer from {replicas}"
            " different sets of data; point DATABASE_URL at the database Service"
        )
        host = url.hostname.split(".")[0]
        database = find(objs, "Service", host)
        assert database, f"{service}: DATABASE_URL names the host {host!r}, which is no Service"
        selector = (database.get("spec") or {}).get("selector") or {}
        servers = [
            o
            for o in objs
            if o.get("kind") in ("StatefulSet", "Deployment") and selects(selector, pod_labels(o))
        ]
        assert servers and all(s["metadata"]["name"] not in SERVICES for s in servers), (
            f"{service}: the Service {host!r} should select the database pods"
        )
        ports = [p.get("port") for p in (database.get("spec") or {}).get("ports") or []]
        assert (url.port or 5432) in ports, f"{service}: {host} listens on {ports}"


def test_secret_holds_the_password_the_database_and_the_services_use():
    objs = objects()
    database = find(objs, "StatefulSet", "postgres")
    assert database, "k8s/postgres.yaml (given) should define the StatefulSet postgres"
    env = {e.get("name"): e for c in containers(database) for e in c.get("env") or []}
    ref = ((env.get("POSTGRES_PASSWORD") or {}).get("valueFrom") or {}).get("secretKeyRef") or {}
    assert ref, "postgres should read POSTGRES_PASSWORD from a secretKeyRef"
    values = secret_keys(objs, ref.get("name"))
    assert ref.get("key") in values, f"the Secret has no key {ref.get('key')!r} for postgres"
    password = str(values[ref.get("key")])
    user = (env.get("POSTGRES_USER") or {}).get("value")
    databases = set()
    for service in SERVICES:
        url = urlsplit(database_url(objs, service))
        assert url.username == user, f"{service}: connect as {user!r}, the user postgres creates"
        assert url.password == password, (
            f"{service}: the password in {service}-database-url differs from {ref.get('key')}"
        )
        databases.add(url.path.strip("/"))
    assert len(databases) == len(SERVICES), "each service owns its own database on the server"


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
            assert container.get(probe), f"{service}: add a {probe} with httpGet"
            check = container[probe].get("httpGet")
            assert check and not check.get("host"), (
                f"{service}: the {probe} should ask this container (httpGet on its own port),"
                " never another service: a dependency's outage would restart healthy pods"
            )
            assert check.get("path") in served, f"{service}: {check.get('path')} is not a route"
            assert container_port(container, check.get("port")) == 8000, (
                f"{service}: the {probe} port should be the container's http port"
            )


def patience(probe: dict) -> int:
    """Seconds of failures a probe puts up with before it acts (Kubernetes defaults included)."""
    return probe.get("initialDelaySeconds", 0) + probe.get("periodSeconds", 10) * probe.get(
        "failureThreshold", 3
    )


def test_liveness_probe_is_more_patient_than_readiness():
    objs = objects()
    for service in SERVICES:
        container = app_container(objs, service)
        readiness = container.get("readinessProbe") or {}
        liveness = container.get("livenessProbe") or {}
        assert readiness and liveness, f"{service}: add both probes"
        assert patience(liveness) > patience(readiness), (
            f"{service}: a liveness probe as quick as readiness restarts a pod that is only busy;"
            " give it a longer initialDelaySeconds and periodSeconds"
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
        # The route ends at pods only if the Service selects them (and nothing else).
        selector = (find(objs, "Service", service).get("spec") or {}).get("selector") or {}
        for workload in (o for o in objs if o.get("kind") in ("Deployment", "StatefulSet")):
            mine = workload["metadata"]["name"] == service
            assert selects(selector, pod_labels(workload)) == mine, (
                f"/{service}: the {service} Service selector {selector} "
                + ("misses" if mine else "also matches")
                + f" the {workload['metadata']['name']} pods"
            )


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
