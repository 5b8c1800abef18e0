"""The hybrid ranking behind a flag: off by default, on per tenant, off when in doubt."""

from __future__ import annotations

from fastapi.testclient import TestClient
from openfeature.evaluation_context import EvaluationContext
from openfeature.provider import AbstractProvider, Metadata
from openfeature.provider.in_memory_provider import InMemoryProvider

from knowledgecloud.search.app import create_app
from knowledgecloud.search.flags import (
    HYBRID_RANKING,
    client_for,
    hybrid_ranking_flag,
    in_memory_provider,
    rank,
    use_hybrid_ranking,
)
from knowledgecloud.search.ranking import Hit, hybrid_ranking, keyword_ranking

# The two rankings disagree on these hits, so the order shows which one ran.
HITS = [
    Hit("c1", keyword_score=9.0, vector_score=0.10),
    Hit("c2", keyword_score=8.0, vector_score=0.20),
    Hit("c3", keyword_score=7.0, vector_score=0.95),
    Hit("c4", keyword_score=6.5, vector_score=0.90),
]


def test_the_two_rankings_disagree_on_the_fixture():
    assert keyword_ranking(HITS) == ["c1", "c2", "c3", "c4"]
    assert hybrid_ranking(HITS) == ["c3", "c1", "c2", "c4"]


def test_flag_is_off_by_default(domain):
    flag = hybrid_ranking_flag(set())
    assert flag.variants[flag.default_variant] is False
    client = client_for(in_memory_provider(set()), domain)
    assert use_hybrid_ranking(client, "acme", "u1") is False
    assert rank(client, HITS, "acme", "u1") == keyword_ranking(HITS)


def test_targeted_tenant_gets_the_new_ranking_and_others_do_not(domain):
    client = client_for(in_memory_provider({"acme"}), domain)
    assert rank(client, HITS, "acme", "u1") == hybrid_ranking(HITS)
    assert rank(client, HITS, "globex", "u2") == keyword_ranking(HITS)
    details = client.get_boolean_details(
        HYBRID_RANKING, False, EvaluationContext("u1", {"tenant_id": "acme"})
    )
    assert details.value is True and details.variant == "on"
    assert details.reason == "TARGETING_MATCH"


def test_targeting_is_by_tenant_not_by_user(domain):
    # a user id that happens to equal a targeted tenant's name must not switch the flag on
    client = client_for(in_memory_provider({"acme"}), domain)
    assert use_hybrid_ranking(client, "globex", "acme") is False
    assert use_hybrid_ranking(client, "acme", "someone") is True


def test_an_unknown_flag_falls_back_to_off(domain):
    client = client_for(InMemoryProvider({}), domain)
    assert use_hybrid_ranking(client, "acme", "u1") is False


class BrokenProvider(AbstractProvider):
    """A flag service that is down: every evaluation raises."""

    def get_metadata(self):
        return Metadata(name="broken")

    def _down(self, *args, **kwargs):
        raise ConnectionError("flag service unreachable")

    resolve_boolean_details = _down
    resolve_string_details = _down
    resolve_integer_details = _down
    resolve_float_details = _down
    resolve_object_details = _down


def test_an_unavailable_provider_falls_back_to_off(domain):
    client = client_for(BrokenProvider(), domain)
    assert use_hybrid_ranking(client, "acme", "u1") is False
    assert rank(client, HITS, "acme", "u1") == keyword_ranking(HITS)


def test_search_endpoint_ranks_per_tenant(domain):
    client = client_for(in_memory_provider({"acme"}), domain)
    app = create_app(index=lambda tenant, q: HITS, flags=client)
    with TestClient(app) as http:

        def order(tenant):
            r = http.get(
                "/api/search",
                params={"q": "refund"},
                headers={"X-Tenant-Id": tenant, "X-User-Id": "u1"},
            )
            assert r.status_code == 200, r.text
            return [x["chunk_id"] for x in r.json()["results"]]

        assert order("acme") == hybrid_ranking(HITS)
        assert order("globex") == keyword_ranking(HITS)
        assert http.get("/healthz").json() == {"status": "ok"}


def test_requests_are_counted_by_status_code_for_the_canary_analysis(domain):
    client = client_for(in_memory_provider(set()), domain)
    app = create_app(index=lambda tenant, q: HITS, flags=client)
    with TestClient(app) as http:
        headers = {"X-Tenant-Id": "acme", "X-User-Id": "u1"}
        assert http.get("/api/search", params={"q": "refund"}, headers=headers).status_code == 200
        assert http.get("/api/search", params={"q": ""}, headers=headers).status_code == 422
        text = http.get("/metrics").text
    assert 'http_requests_total{code="200",method="GET"} 1.0' in text
    assert 'http_requests_total{code="422",method="GET"} 1.0' in text
