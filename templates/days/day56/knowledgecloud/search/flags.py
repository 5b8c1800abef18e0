"""The `search-hybrid-ranking` flag: off for everyone unless a tenant is targeted.

OpenFeature separates the question the code asks (`client.get_boolean_value(key, default,
context)`) from who answers it (a provider: here the SDK's InMemoryProvider, in production a
flag service such as flagd, Unleash or LaunchDarkly). The code never learns which provider runs,
so it must choose a safe default for the day the provider cannot answer.
"""

from __future__ import annotations

from openfeature import api
from openfeature.client import OpenFeatureClient
from openfeature.evaluation_context import EvaluationContext
from openfeature.flag_evaluation import FlagResolutionDetails, Reason
from openfeature.provider.in_memory_provider import InMemoryFlag, InMemoryProvider

from knowledgecloud.search.ranking import Hit, hybrid_ranking, keyword_ranking

HYBRID_RANKING = "search-hybrid-ranking"


def hybrid_ranking_flag(tenants: set[str]) -> InMemoryFlag:
    """The flag's definition: variants on/off, `off` by default, `on` only for requests whose
    evaluation context has a `tenant_id` in `tenants` (reason TARGETING_MATCH)."""

    # BEGIN SOLUTION
    def targeting(flag: InMemoryFlag, context: EvaluationContext) -> FlagResolutionDetails:
        if context.attributes.get("tenant_id") in tenants:
            return FlagResolutionDetails(value=True, variant="on", reason=Reason.TARGETING_MATCH)
        return FlagResolutionDetails(
            value=flag.variants[flag.default_variant],
            variant=flag.default_variant,
            reason=Reason.DEFAULT,
        )

    return InMemoryFlag(
        default_variant="off",
        variants={"on": True, "off": False},
        context_evaluator=targeting,
    )
    # STARTER: raise NotImplementedError("TODO(day56): define the flag, off by default")
    # END SOLUTION


def in_memory_provider(tenants: set[str]) -> InMemoryProvider:
    """A provider holding this service's flags (tests, local runs, demos)."""
    return InMemoryProvider({HYBRID_RANKING: hybrid_ranking_flag(tenants)})


def client_for(provider, domain: str = "search") -> OpenFeatureClient:
    """Bind `provider` to a domain and return a client of that domain."""
    api.set_provider(provider, domain=domain)
    return api.get_client(domain)


def use_hybrid_ranking(client: OpenFeatureClient, tenant_id: str, user_id: str) -> bool:
    """Ask the flag for this request: the tenant in the context, the user as targeting key.
    When the provider is missing, broken or does not know the flag, the answer is False."""
    # BEGIN SOLUTION
    context = EvaluationContext(targeting_key=user_id, attributes={"tenant_id": tenant_id})
    return client.get_boolean_value(HYBRID_RANKING, False, context)
    # STARTER: raise NotImplementedError("TODO(day56): evaluate the flag for this tenant")
    # END SOLUTION


def rank(client: OpenFeatureClient, hits: list[Hit], tenant_id: str, user_id: str) -> list[str]:
    """The order a search request returns: hybrid when the flag says so, keyword otherwise."""
    if use_hybrid_ranking(client, tenant_id, user_id):
        return hybrid_ranking(hits)
    return keyword_ranking(hits)
