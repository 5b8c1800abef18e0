"""The HTTP API: per-tenant plugins, 422 for a misbehaving plugin, every run audited."""

from __future__ import annotations

import json
from pathlib import Path

import wat

RECENCY = (Path(__file__).resolve().parents[1] / "plugins" / "recency.wat").read_text()
ACME = {"X-Tenant-Id": "acme"}
GLOBEX = {"X-Tenant-Id": "globex"}


def upload(api, source, headers=ACME):
    return api.post("/api/plugins", json={"source": source}, headers=headers)


def plugin_id_of(api, source, headers=ACME) -> str:
    uploaded = upload(api, source, headers)
    assert uploaded.status_code == 201, uploaded.text
    return uploaded.json()["plugin_id"]


def verification(api) -> dict:
    answer = api.get("/api/audit/verify")
    assert answer.status_code == 200, answer.text
    return answer.json()


def score(api, plugin_id, relevance, age_days, headers=ACME):
    body = {"relevance": relevance, "age_days": age_days}
    return api.post(f"/api/plugins/{plugin_id}/score", json=body, headers=headers)


def test_upload_then_score(api):
    uploaded = upload(api, RECENCY)
    assert uploaded.status_code == 201, uploaded.text
    scored = score(api, uploaded.json()["plugin_id"], 80, 3)
    assert scored.status_code == 200, scored.text
    assert scored.json()["score"] == 2000
    assert scored.json()["fuel_used"] > 0


def test_a_plugin_that_burns_its_fuel_gets_422_not_500(api):
    plugin_id = plugin_id_of(api, wat.LONG_LOOP)
    scored = score(api, plugin_id, 1000, 1)
    assert scored.status_code == 422
    assert "fuel" in scored.json()["detail"]


def test_a_crashing_plugin_gets_422(api):
    plugin_id = plugin_id_of(api, wat.DIVIDES_BY_ZERO)
    assert score(api, plugin_id, 1, 0).status_code == 422


def test_another_tenants_plugin_is_not_found(api, audit):
    plugin_id = plugin_id_of(api, RECENCY)
    assert score(api, plugin_id, 80, 3, headers=GLOBEX).status_code == 404
    assert not [e for e in audit.entries() if e.get("action") == "score"]


def test_a_forbidden_import_is_a_400_and_is_audited(api, audit):
    refused = upload(api, wat.WASI_WRITER)
    assert refused.status_code == 400
    assert "not allowed" in refused.json()["detail"]
    assert audit.entries()[-1]["outcome"] == "rejected"


def test_every_run_is_audited_failures_included(api, audit):
    good = plugin_id_of(api, RECENCY)
    bad = plugin_id_of(api, wat.LONG_LOOP)
    score(api, good, 80, 3)
    score(api, bad, 1000, 1)
    runs = [e for e in audit.entries() if e.get("action") == "score"]
    assert [(e["tenant"], e["plugin"], e["args"], e["outcome"]) for e in runs] == [
        ("acme", good, [80, 3], "ok"),
        ("acme", bad, [1000, 1], "PluginOutOfFuel"),
    ]
    assert runs[0]["result"] == 2000


def test_verify_reports_a_tampered_log(api, audit):
    plugin_id = plugin_id_of(api, RECENCY)
    score(api, plugin_id, 80, 3)
    score(api, plugin_id, 10, 0)
    before = verification(api)
    assert before["ok"] and before["entries"] == 3

    entries = audit.entries()
    entries[1]["result"] = 1_000_000  # someone inflates a score after the fact
    audit.path.write_text("".join(json.dumps(e) + "\n" for e in entries))
    after = verification(api)
    assert (after["ok"], after["first_bad"]) == (False, 2)
