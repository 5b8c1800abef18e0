"""The collector's configuration, checked for structure (no collector binary runs offline).

The collector refuses to start when a pipeline names a component that is not declared; these
tests catch that, and the wiring between otel-collector.yaml, compose.yaml and the Dockerfile,
before anything is deployed.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

DAY = Path(__file__).resolve().parent.parent
KINDS = ("receivers", "processors", "exporters")


def load(name: str) -> dict:
    data = yaml.safe_load((DAY / name).read_text())
    return data if isinstance(data, dict) else {}


def component_type(component_id: str) -> str:
    """`otlp/jaeger` is a component of type `otlp` named `jaeger`."""
    return component_id.split("/", 1)[0]


def pipelines(config: dict) -> dict:
    found = (config.get("service") or {}).get("pipelines") or {}
    assert found, "otel-collector.yaml has no service.pipelines: the collector would do nothing"
    return found


def collector_service(compose: dict) -> tuple[str, dict]:
    for name, svc in (compose.get("services") or {}).items():
        mounts = [str(v) for v in svc.get("volumes") or []]
        if any(m.split(":")[0] in ("./otel-collector.yaml", "otel-collector.yaml") for m in mounts):
            return name, svc
    raise AssertionError("no service in compose.yaml mounts ./otel-collector.yaml")


def test_every_component_a_pipeline_names_is_declared():
    config = load("otel-collector.yaml")

    for pipeline_id, pipeline in pipelines(config).items():
        assert component_type(pipeline_id) in ("traces", "metrics", "logs"), pipeline_id
        for kind in KINDS:
            declared = set(config.get(kind) or {})
            for used in pipeline.get(kind) or []:
                assert used in declared, (
                    f"pipeline {pipeline_id} uses {kind[:-1]} {used!r}, but {kind} declares only "
                    f"{sorted(declared)}: the collector would refuse to start"
                )
        assert pipeline.get("receivers") and pipeline.get("exporters"), (
            f"pipeline {pipeline_id} needs at least one receiver and one exporter"
        )
    declared_extensions = set(config.get("extensions") or {})
    for used in (config.get("service") or {}).get("extensions") or []:
        assert used in declared_extensions, f"extension {used!r} is not declared"


def test_traces_pipeline_receives_otlp_batches_and_exports_to_jaeger():
    config = load("otel-collector.yaml")
    compose = load("compose.yaml")

    traces = pipelines(config).get("traces")
    assert traces, "there must be a `traces` pipeline"
    otlp = [r for r in traces.get("receivers", []) if component_type(r) == "otlp"]
    assert otlp, "the traces pipeline must receive OTLP, what the SDKs send"
    protocols = ((config.get("receivers") or {}).get(otlp[0]) or {}).get("protocols") or {}
    assert {"grpc", "http"} <= set(protocols), "accept both OTLP/gRPC (4317) and OTLP/HTTP (4318)"

    processors = [component_type(p) for p in traces.get("processors", [])]
    assert "batch" in processors, "batch spans before exporting them"
    if "memory_limiter" in processors:
        assert processors[0] == "memory_limiter", "memory_limiter must be the first processor"

    jaeger_hosts = {
        name
        for name, svc in (compose.get("services") or {}).items()
        if "jaeger" in str(svc.get("image", ""))
    }
    targets = []
    for exporter_id in traces.get("exporters", []):
        settings = (config.get("exporters") or {}).get(exporter_id) or {}
        endpoint = str(settings.get("endpoint", ""))
        if component_type(exporter_id) in ("otlp", "otlphttp") and endpoint:
            host = urlsplit(endpoint if "//" in endpoint else f"//{endpoint}").hostname
            targets.append(host)
    assert set(targets) & jaeger_hosts, (
        f"no traces exporter points at the Jaeger service of compose.yaml {sorted(jaeger_hosts)}; "
        f"exporter hosts: {targets}"
    )


def test_compose_runs_the_collector_with_this_config_and_a_real_health_check():
    compose = load("compose.yaml")
    config = load("otel-collector.yaml")

    name, collector = collector_service(compose)
    for svc_name, svc in compose["services"].items():
        image = str(svc.get("image", ""))
        assert re.search(r":\d[\w.-]*$", image), f"{svc_name}: pin the image tag ({image!r})"
        assert svc.get("healthcheck", {}).get("test"), f"{svc_name} needs a health check"

    target = next(
        str(v).split(":")[1] for v in collector["volumes"] if "otel-collector.yaml" in str(v)
    )
    dockerfile = (DAY / str(collector.get("build", "")) / "Dockerfile").read_text()
    assert f"--config={target}" in dockerfile, (
        f"{name} mounts the config at {target}, but the image does not start with that file"
    )

    health = (config.get("extensions") or {}).get("health_check") or {}
    enabled = (config.get("service") or {}).get("extensions") or []
    assert "health_check" in enabled, "the health check needs the health_check extension enabled"
    port = str(health.get("endpoint", ":13133")).rsplit(":", 1)[-1]
    assert port in " ".join(collector["healthcheck"]["test"]), "the health check asks another port"

    published = " ".join(str(p) for p in collector.get("ports") or [])
    assert ":4317" in published and ":4318" in published, "publish the OTLP ports"
    assert all(str(p).startswith("127.0.0.1:") for p in collector["ports"]), (
        "bind published ports to 127.0.0.1 on a development machine"
    )
    depends = collector.get("depends_on") or {}
    assert (depends.get("jaeger") or {}).get("condition") == "service_healthy", (
        "start the collector once Jaeger is healthy"
    )
