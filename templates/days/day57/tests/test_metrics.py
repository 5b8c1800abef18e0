"""The metrics themselves: types, values, and label values from small fixed sets."""

from __future__ import annotations

import pytest

from knowledgecloud.documents.events import document_uploaded
from knowledgecloud.indexing.queue import ContractViolation
from tests.conftest import KC, TENANTS, llm_call

ALLOWED_LABELS = {"service", "model", "tenant", "kind", "route", "method", "status_class", "le"}


@pytest.fixture
def kc() -> KC:
    return KC()


def test_tokens_add_up_across_calls_by_model_tenant_and_kind(kc):
    kc.metrics.record_llm_call(llm_call(prompt_tokens=1000, completion_tokens=200))
    kc.metrics.record_llm_call(llm_call(prompt_tokens=500, completion_tokens=50))
    kc.metrics.record_llm_call(llm_call(model="gpt-4o", prompt_tokens=70, completion_tokens=7))

    assert kc.families()["kc_llm_tokens"].type == "counter", "tokens only ever add up: a counter"
    small = {"model": "gpt-4o-mini", "tenant": "acme", "service": "agent"}
    assert kc.value("kc_llm_tokens_total", kind="prompt", **small) == 1500
    assert kc.value("kc_llm_tokens_total", kind="completion", **small) == 250
    assert kc.value("kc_llm_tokens_total", model="gpt-4o", kind="prompt") == 70


def test_cost_adds_up_in_dollars_by_model_and_tenant(kc):
    kc.metrics.record_llm_call(llm_call(tenant_id="acme", cost="0.25"))
    kc.metrics.record_llm_call(llm_call(tenant_id="acme", cost="0.50"))
    kc.metrics.record_llm_call(llm_call(tenant_id="globex", cost="2"))

    assert kc.families()["kc_llm_cost_dollars"].type == "counter"
    assert kc.value("kc_llm_cost_dollars_total", tenant="acme") == pytest.approx(0.75)
    assert kc.value("kc_llm_cost_dollars_total", tenant="globex") == pytest.approx(2.0)


def test_user_ids_never_become_label_values(kc):
    for n in range(40):
        kc.metrics.record_llm_call(llm_call(user_id=f"user-{n}"))

    for sample in kc.scrape():
        assert set(sample.labels) <= ALLOWED_LABELS, (
            f"{sample.name} has labels {sorted(set(sample.labels) - ALLOWED_LABELS)}: "
            "a label per user is a series per user"
        )
        assert not any(v.startswith("user-") for v in sample.labels.values()), sample
    token_series = [s for s in kc.scrape() if s.name == "kc_llm_tokens_total"]
    assert len(token_series) == 2, "40 users of one tenant and model: one series per kind"


def test_unknown_tenant_ids_share_one_label_value(kc):
    for n in range(30):  # a tenant id read from a request: anyone can send anything
        kc.metrics.record_llm_call(llm_call(tenant_id=f"'; drop table tenants; -- {n}"))
    kc.metrics.record_llm_call(llm_call(tenant_id="globex", model="some-new-model"))

    tenants = {s.labels["tenant"] for s in kc.scrape() if s.name == "kc_llm_cost_dollars_total"}
    assert tenants == {"other", "globex"}, tenants
    assert kc.value("kc_llm_cost_dollars_total", tenant="other") == pytest.approx(30 * 0.00036)
    models = {s.labels["model"] for s in kc.scrape() if s.name == "kc_llm_cost_dollars_total"}
    assert models == {"gpt-4o-mini", "other"}, "models outside the price table are `other` too"
    assert set(TENANTS) >= tenants - {"other"}


def test_requests_are_counted_by_service_route_and_status_class(kc):
    kc.metrics.observe_request("search", "/api/search", "GET", 200, 0.2)
    kc.metrics.observe_request("search", "/api/search", "GET", 200, 0.3)
    kc.metrics.observe_request("search", "/api/search", "GET", 503, 0.1)
    kc.metrics.observe_request("documents", "/api/documents", "POST", 201, 0.4)

    search = {"service": "search", "route": "/api/search", "method": "GET"}
    assert kc.value("kc_http_requests_total", status_class="2xx", **search) == 2
    assert kc.value("kc_http_requests_total", status_class="5xx", **search) == 1
    assert kc.value("kc_http_requests_total", service="documents") == 1
    classes = {s.labels["status_class"] for s in kc.scrape() if s.name == "kc_http_requests_total"}
    assert classes == {"2xx", "5xx"}


def test_latency_is_a_histogram_with_buckets_sum_and_count(kc):
    kc.metrics.observe_request("search", "/api/search", "GET", 200, 0.2)
    kc.metrics.observe_request("search", "/api/search", "GET", 200, 0.9)

    assert kc.families()["kc_http_request_duration_seconds"].type == "histogram"
    labels = {"service": "search", "route": "/api/search"}
    assert kc.value("kc_http_request_duration_seconds_count", **labels) == 2
    assert kc.value("kc_http_request_duration_seconds_sum", **labels) == pytest.approx(1.1)
    assert kc.value("kc_http_request_duration_seconds_bucket", le="0.8", **labels) == 1
    assert kc.value("kc_http_request_duration_seconds_bucket", le="1.0", **labels) == 2


def test_queue_lag_is_the_age_of_the_oldest_waiting_event(kc):
    kc.metrics.watch_queue(kc.queue)
    assert kc.value("kc_indexing_queue_lag_seconds") == 0, "an empty queue has no lag"

    kc.queue.deliver(document_uploaded("acme", "doc-1"))
    kc.clock.advance(100)
    kc.queue.deliver(document_uploaded("acme", "doc-2"))
    kc.clock.advance(150)

    assert kc.value("kc_indexing_queue_lag_seconds") == 250, "the oldest event waited 250 s"
    kc.queue.take()
    assert kc.value("kc_indexing_queue_lag_seconds") == 150
    kc.queue.take()
    assert kc.value("kc_indexing_queue_lag_seconds") == 0


def test_backlog_goes_down_as_the_workers_take_events(kc):
    kc.metrics.watch_queue(kc.queue)
    for n in range(5):
        kc.queue.deliver(document_uploaded("acme", f"doc-{n}"))
    assert kc.families()["kc_indexing_backlog_events"].type == "gauge"
    assert kc.value("kc_indexing_backlog_events") == 5

    kc.queue.take()
    kc.queue.take()

    assert kc.value("kc_indexing_backlog_events") == 3, "the backlog is what waits now"
    broken = {**document_uploaded("acme", "doc-9"), "size_bytes": 0}
    with pytest.raises(ContractViolation):
        kc.queue.deliver(broken)
    assert kc.value("kc_indexing_backlog_events") == 3, "a broken event is refused, not queued"
