"""Reading prometheus/knowledgecloud.rules.yml for the tests."""

from __future__ import annotations

from pathlib import Path

import yaml

PROM = Path(__file__).resolve().parent.parent / "prometheus"


def rules() -> list[dict]:
    data = yaml.safe_load((PROM / "knowledgecloud.rules.yml").read_text()) or {}
    return [rule for group in data.get("groups") or [] for rule in group.get("rules") or []]


def recording() -> dict[str, str]:
    return {r["record"]: r["expr"] for r in rules() if "record" in r}


def alerts() -> dict[str, dict]:
    return {r["alert"]: r for r in rules() if "alert" in r}
