"""Helpers for reading Kubernetes manifests in the lab tests (pyyaml only, no cluster)."""

import re
from decimal import Decimal
from pathlib import Path

import yaml

DAY_DIR = Path(__file__).resolve().parent.parent
K8S_DIR = DAY_DIR / "k8s"

_SUFFIXES = {
    "m": Decimal("0.001"),
    "k": Decimal(10) ** 3,
    "M": Decimal(10) ** 6,
    "G": Decimal(10) ** 9,
    "Ki": Decimal(2) ** 10,
    "Mi": Decimal(2) ** 20,
    "Gi": Decimal(2) ** 30,
}


def load_documents(path: Path) -> list[dict]:
    """Every YAML document in the file that is a mapping (empty documents are skipped)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [doc for doc in yaml.safe_load_all(handle) if isinstance(doc, dict)]


def load_one(path: Path) -> dict:
    docs = load_documents(path)
    return docs[0] if docs else {}


def kustomization(folder: Path = K8S_DIR) -> dict:
    return load_one(folder / "kustomization.yaml")


def kustomize_resources(folder: Path = K8S_DIR) -> list[dict]:
    """The objects a plain kustomization lists (files and sub-folders), with its namespace set.

    A small stand-in for `kubectl kustomize`: it follows `resources` and applies `namespace`
    and `images` (newName, newTag, digest), which is all these labs use.
    """
    kust = kustomization(folder)
    objects: list[dict] = []
    for entry in kust.get("resources") or []:
        target = folder / entry
        if target.is_dir():
            objects += kustomize_resources(target)
        else:
            objects += load_documents(target)
    namespace = kust.get("namespace")
    if namespace:
        for obj in objects:
            if obj.get("kind") != "Namespace":
                obj.setdefault("metadata", {})["namespace"] = namespace
    for image in kust.get("images") or []:
        for obj in objects:
            for container in containers(obj):
                container["image"] = retag(container.get("image", ""), image)
    return objects


def split_image(reference: str) -> tuple[str, str]:
    """`registry:5000/users:1.2@sha256:...` -> ("registry:5000/users", ":1.2@sha256:...")."""
    name, at, digest = reference.partition("@")
    repo, colon, tag = name.rpartition(":")
    if not colon or "/" in tag:
        return name, at + digest
    return repo, colon + tag + at + digest


def retag(reference: str, rule: dict) -> str:
    """Applies one kustomize `images` entry to an image reference."""
    name, suffix = split_image(reference)
    if name != rule.get("name"):
        return reference
    name = rule.get("newName", name)
    if "digest" in rule:
        return f"{name}@{rule['digest']}"
    if "newTag" in rule:
        return f"{name}:{rule['newTag']}"
    return name + suffix


def find(objects: list[dict], kind: str, name: str | None = None) -> dict | None:
    for obj in objects:
        if obj.get("kind") == kind and (
            name is None or obj.get("metadata", {}).get("name") == name
        ):
            return obj
    return None


def pod_spec(workload: dict) -> dict:
    return ((workload.get("spec") or {}).get("template") or {}).get("spec") or {}


def pod_labels(workload: dict) -> dict:
    template = (workload.get("spec") or {}).get("template") or {}
    return (template.get("metadata") or {}).get("labels") or {}


def containers(workload: dict) -> list[dict]:
    return pod_spec(workload).get("containers") or []


def quantity(value: object) -> Decimal:
    """Parses a Kubernetes quantity such as 250m, 0.5, 128Mi or 1G."""
    match = re.fullmatch(r"([0-9.]+)([a-zA-Z]*)", str(value).strip())
    assert match, f"{value!r} is not a Kubernetes quantity"
    number, suffix = match.groups()
    assert suffix in _SUFFIXES or suffix == "", f"unknown unit in {value!r}"
    return Decimal(number) * _SUFFIXES.get(suffix, Decimal(1))


def selects(selector: dict, labels: dict) -> bool:
    """True when every key/value of a (non-empty) selector is among the labels."""
    return bool(selector) and all(labels.get(key) == value for key, value in selector.items())


def container_port(container: dict, target: object) -> int | None:
    """Resolves a Service targetPort (number or port name) against a container's ports."""
    for port in container.get("ports") or []:
        if target in (port.get("name"), port.get("containerPort")):
            return port.get("containerPort")
    return None


def exposed_port(dockerfile: Path) -> int | None:
    match = re.search(r"^EXPOSE\s+(\d+)", dockerfile.read_text(encoding="utf-8"), re.MULTILINE)
    return int(match.group(1)) if match else None


def dockerfile_uid(dockerfile: Path) -> int | None:
    users = re.findall(r"^USER\s+(\d+)", dockerfile.read_text(encoding="utf-8"), re.MULTILINE)
    return int(users[-1]) if users else None
