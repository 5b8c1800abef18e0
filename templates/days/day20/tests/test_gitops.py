"""Static checks of gitops/application.yaml and the k8s/ folder it deploys (no cluster needed)."""

import base64
import re
from urllib.parse import urlsplit

from tests.k8s import (
    DAY_DIR,
    K8S_DIR,
    containers,
    find,
    kustomization,
    kustomize_resources,
    load_one,
    split_image,
)

# The learner repo holds day folders side by side; Argo CD paths start at the repo root.
REPO_ROOT = DAY_DIR.parent
IN_CLUSTER = "https://kubernetes.default.svc"
IMAGES = ("users-service", "orders-service")


def decoded(data: dict) -> dict:
    return {key: base64.b64decode(str(value)).decode() for key, value in data.items()}


def application() -> dict:
    return load_one(DAY_DIR / "gitops" / "application.yaml")


def spec() -> dict:
    return application().get("spec") or {}


def test_application_is_an_argocd_application_in_the_argocd_namespace():
    app = application()
    assert app.get("apiVersion") == "argoproj.io/v1alpha1" and app.get("kind") == "Application"
    metadata = app.get("metadata") or {}
    assert metadata.get("name"), "name the Application"
    assert metadata.get("namespace") == "argocd", (
        "Argo CD only picks up Applications created in its own namespace, argocd"
    )
    assert spec().get("project"), "every Application belongs to a project (default is fine)"


def test_application_tracks_the_k8s_folder_of_this_repo():
    source = spec().get("source") or {}
    repo = str(source.get("repoURL", ""))
    assert re.match(r"^(https://|ssh://|git@)", repo), "repoURL should be your git repository URL"
    assert source.get("targetRevision"), "set targetRevision (a branch such as main, or HEAD)"
    path = str(source.get("path", ""))
    assert path and not path.startswith("/"), "path is relative to the repository root"
    target = (REPO_ROOT / path).resolve()
    assert target == K8S_DIR.resolve(), f"path should point at {DAY_DIR.name}/k8s, not {path!r}"
    assert (target / "kustomization.yaml").exists(), "the path needs a kustomization.yaml"


def test_application_deploys_into_the_shop_namespace_of_this_cluster():
    destination = spec().get("destination") or {}
    in_cluster = destination.get("server") == IN_CLUSTER or destination.get("name") == "in-cluster"
    assert in_cluster, f"deploy to the cluster Argo CD runs in: server {IN_CLUSTER}"
    namespace = destination.get("namespace")
    assert namespace, "set destination.namespace"
    assert namespace == kustomization().get("namespace"), (
        "destination.namespace and the kustomization's namespace should agree"
    )


def test_sync_is_automated_with_prune_and_self_heal():
    automated = (spec().get("syncPolicy") or {}).get("automated")
    assert isinstance(automated, dict), "add syncPolicy.automated: Argo CD syncs every new commit"
    assert automated.get("prune") is True, "prune: true deletes what was removed from git"
    assert automated.get("selfHeal") is True, "selfHeal: true undoes changes made by hand"


def test_sync_creates_the_namespace():
    options = (spec().get("syncPolicy") or {}).get("syncOptions") or []
    assert "CreateNamespace=true" in options, "add the sync option CreateNamespace=true"


def test_kustomization_renders_both_services_with_their_config():
    kust = kustomization()
    listed = kust.get("resources") or []
    assert listed, "list the manifests under resources"
    for entry in listed:
        assert (K8S_DIR / entry).exists(), f"resources lists {entry}, which does not exist"
    objects = kustomize_resources()
    for name in ("users", "orders"):
        for kind in ("Deployment", "Service"):
            assert find(objects, kind, name), f"the rendered output has no {kind} {name}"
    assert find(objects, "ConfigMap", "shop-config"), "the services need the shop-config ConfigMap"
    assert find(objects, "Secret", "shop-secrets"), "the services need the shop-secrets Secret"
    namespace = kust.get("namespace")
    assert namespace == "shop", "set namespace: shop in the kustomization"
    for obj in objects:
        assert obj["metadata"].get("namespace") == namespace, f"{obj['kind']} is outside shop"


def test_release_tags_are_pinned_in_the_kustomization():
    rules = {rule.get("name"): rule for rule in kustomization().get("images") or []}
    for image in IMAGES:
        assert image in rules, f"add an images entry for {image}: a release is a tag change"
        tag = str(rules[image].get("newTag", ""))
        assert re.fullmatch(r"v?\d+\.\d+\.\d+", tag) or rules[image].get("digest"), (
            f"{image}: pin a version newTag such as 0.1.0 (never latest)"
        )
    rendered = [c.get("image", "") for o in kustomize_resources() for c in containers(o)]
    assert rendered, "no containers rendered"
    for reference in rendered:
        name, suffix = split_image(reference)
        tag = suffix.lstrip(":")
        # A mutable tag means git no longer says what runs: the same commit deploys new code.
        assert tag and tag != "latest" and re.match(r"v?\d+\.\d+", tag), (
            f"{reference} is not pinned to a version"
        )
        if name in IMAGES:
            assert tag == str(rules[name].get("newTag")), (
                f"{reference}: the kustomization's tag should win"
            )


def test_replicas_share_the_database_that_is_deployed_with_them():
    objects = kustomize_resources()
    assert objects, "the kustomization renders nothing"
    secrets = {
        o["metadata"]["name"]: {**(o.get("stringData") or {}), **decoded(o.get("data") or {})}
        for o in objects
        if o.get("kind") == "Secret"
    }
    for name in ("users", "orders"):
        deployment = find(objects, "Deployment", name)
        assert deployment, f"the rendered output has no Deployment {name}"
        env = {e.get("name"): e for c in containers(deployment) for e in c.get("env") or []}
        ref = ((env.get("DATABASE_URL") or {}).get("valueFrom") or {}).get("secretKeyRef") or {}
        assert ref.get("name") in secrets, f"{name}: the Secret {ref.get('name')!r} is not deployed"
        assert ref.get("key") in secrets[ref["name"]], f"{name}: no key {ref.get('key')!r}"
        url = urlsplit(str(secrets[ref["name"]][ref["key"]]))
        if (deployment.get("spec") or {}).get("replicas", 1) > 1:
            assert url.hostname and not url.scheme.startswith("sqlite"), (
                f"{name}: replicas with a database file each do not share their data"
            )
            assert find(objects, "Service", url.hostname.split(".")[0]), (
                f"{name}: the database Service {url.hostname!r} is not deployed with the shop"
            )
    database = find(objects, "StatefulSet", "postgres")
    assert database, "deploy the database the services use (postgres.yaml)"
    env = {e.get("name"): e for c in containers(database) for e in c.get("env") or []}
    ref = ((env.get("POSTGRES_PASSWORD") or {}).get("valueFrom") or {}).get("secretKeyRef") or {}
    assert ref.get("key") in secrets.get(ref.get("name"), {}), (
        "the Secret postgres reads its password from is not deployed"
    )
