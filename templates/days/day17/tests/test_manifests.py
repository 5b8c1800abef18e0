"""Static checks of k8s/ for the users service (no cluster needed)."""

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from tests.k8s import (
    DAY_DIR,
    K8S_DIR,
    container_port,
    containers,
    dockerfile_uid,
    exposed_port,
    find,
    kustomization,
    kustomize_resources,
    load_one,
    pod_labels,
    pod_spec,
    quantity,
    selects,
)

DOCKERFILE = DAY_DIR / "services" / "users" / "Dockerfile"


def deployment() -> dict:
    return load_one(K8S_DIR / "deployment.yaml")


def users_container() -> dict:
    found = [c for c in containers(deployment()) if c.get("name") == "users"]
    assert found, "the Deployment needs a container named users"
    return found[0]


def test_deployment_selector_matches_its_pod_labels():
    deploy = deployment()
    assert deploy.get("kind") == "Deployment" and deploy.get("apiVersion") == "apps/v1"
    selector = ((deploy.get("spec") or {}).get("selector") or {}).get("matchLabels") or {}
    assert selector, "spec.selector.matchLabels is missing"
    assert selects(selector, pod_labels(deploy)), (
        f"selector {selector} does not match the pod template labels {pod_labels(deploy)}"
    )


def test_replicas_never_split_the_data_between_pod_local_files():
    spec = deployment().get("spec") or {}
    replicas = spec.get("replicas")
    assert isinstance(replicas, int) and replicas >= 1, "set spec.replicas explicitly"
    env = {item.get("name"): item.get("value", "") for item in users_container().get("env") or []}
    url = urlsplit(env.get("DATABASE_URL", ""))
    assert url.scheme, "set DATABASE_URL: which database do the pods use?"
    if url.scheme.startswith("sqlite") or not url.hostname:
        assert replicas == 1, (
            f"{replicas} replicas with a SQLite file each are {replicas} different databases behind"
            " one Service: run one replica until the data lives in a shared server (day 18)"
        )


def test_service_selects_the_pods_and_targets_the_container_port():
    service = load_one(K8S_DIR / "service.yaml")
    assert service.get("kind") == "Service", "k8s/service.yaml should hold a Service"
    spec = service.get("spec") or {}
    assert selects(spec.get("selector") or {}, pod_labels(deployment())), (
        "the Service selector must match the labels of the users pods"
    )
    ports = spec.get("ports") or []
    assert ports, "the Service needs a port"
    container = users_container()
    target = ports[0].get("targetPort", ports[0].get("port"))
    resolved = container_port(container, target)
    assert resolved is not None, f"targetPort {target!r} is not a port of the users container"
    assert resolved == exposed_port(DOCKERFILE), "the container port should be the one uvicorn uses"


def test_image_is_pinned_to_a_version_tag():
    image = users_container().get("image", "")
    assert image, "set the container image"
    name, _, tag = image.partition("@")[0].rpartition(":")
    if not name or "/" in tag:  # "host:5000/users" has a registry port, not a tag
        name, tag = image, ""
    assert tag and tag != "latest", f"{image!r}: pin a version tag, never :latest or no tag"
    assert name.rsplit("/", 1)[-1] == "users-service", "use the image you built: users-service"
    assert users_container().get("imagePullPolicy") != "Always", (
        "an image loaded into kind is not in any registry: it must not be pulled"
    )


def test_container_has_resource_requests_and_limits():
    resources = users_container().get("resources") or {}
    requests, limits = resources.get("requests") or {}, resources.get("limits") or {}
    for resource in ("cpu", "memory"):
        assert resource in requests, f"requests.{resource} is missing (the scheduler needs it)"
        assert resource in limits, f"limits.{resource} is missing"
        assert quantity(requests[resource]) <= quantity(limits[resource]), (
            f"{resource}: the request cannot be larger than the limit"
        )
    assert quantity(limits["memory"]) >= quantity("64Mi"), "Python needs more than that"


def test_pod_runs_non_root_with_a_read_only_root_filesystem():
    pod = pod_spec(deployment())
    container = users_container()
    pod_ctx = pod.get("securityContext") or {}
    ctx = container.get("securityContext") or {}
    assert ctx.get("runAsNonRoot", pod_ctx.get("runAsNonRoot")) is True, "set runAsNonRoot: true"
    uid = ctx.get("runAsUser", pod_ctx.get("runAsUser"))
    assert uid in (None, dockerfile_uid(DOCKERFILE)), "runAsUser should be the image's uid"
    assert ctx.get("allowPrivilegeEscalation") is False, "set allowPrivilegeEscalation: false"
    assert ctx.get("readOnlyRootFilesystem") is True, "set readOnlyRootFilesystem: true"
    assert "ALL" in ((ctx.get("capabilities") or {}).get("drop") or []), "drop ALL capabilities"


def test_sqlite_file_lives_on_a_writable_volume():
    container = users_container()
    env = {item.get("name"): item.get("value", "") for item in container.get("env") or []}
    url = env.get("DATABASE_URL", "")
    assert url.startswith("sqlite:////"), "point DATABASE_URL at an absolute SQLite path"
    folder = PurePosixPath(url.removeprefix("sqlite:///")).parent
    mounts = {m.get("mountPath"): m.get("name") for m in container.get("volumeMounts") or []}
    assert str(folder) in mounts, f"mount a volume at {folder}: the root filesystem is read-only"
    volumes = {v.get("name"): v for v in pod_spec(deployment()).get("volumes") or []}
    assert mounts[str(folder)] in volumes, f"volume {mounts[str(folder)]!r} is not defined"
    assert "emptyDir" in volumes[mounts[str(folder)]], "an emptyDir volume is enough today"


def test_kustomization_applies_namespace_deployment_and_service():
    kust = kustomization()
    listed = kust.get("resources") or []
    for name in ("namespace.yaml", "deployment.yaml", "service.yaml"):
        assert name in listed, f"kustomization.yaml should list {name}"
    objects = kustomize_resources()
    namespace = find(objects, "Namespace")
    assert namespace, "the namespace manifest holds no Namespace"
    ns_name = namespace["metadata"]["name"]
    assert ns_name != "default", "give the shop its own namespace"
    for kind in ("Deployment", "Service"):
        obj = find(objects, kind, "users")
        assert obj, f"no {kind} named users is rendered"
        assert obj["metadata"].get("namespace") == ns_name, f"the {kind} belongs in {ns_name}"
