"""Shared loaders: the workflow, the Kubernetes manifests, a flag client per test."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
import yaml
from openfeature import api

DAY = Path(__file__).resolve().parent.parent
WORKFLOW = DAY / ".github" / "workflows" / "deploy.yml"
K8S = DAY / "k8s"


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a cluster with Argo Rollouts; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


def load_workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True
    if True in data:
        data["on"] = data.pop(True)
    return data


def manifests() -> list[dict]:
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        docs += [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    return docs


def find(kind: str, name: str | None = None) -> list[dict]:
    return [
        d
        for d in manifests()
        if d.get("kind") == kind and (name is None or d["metadata"]["name"] == name)
    ]


_domains = itertools.count()


@pytest.fixture
def domain():
    """A fresh OpenFeature domain per test, so providers never leak between tests."""
    name = f"test-{next(_domains)}"
    yield name
    api.clear_providers()
