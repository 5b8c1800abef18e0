"""The agent's search port over day 53's hybrid search.

In one process the adapter calls `HybridSearch` directly; in the compose stack the same port is
an HTTP client of `GET /api/search` with the job's tenant in `X-Tenant-Id`. Either way the tenant
comes from the job, and the agent sees passages as `Hit`s whose `chunk_id` is what it cites.
"""

from __future__ import annotations

from knowledgecloud.agent.tools import Hit
from knowledgecloud.search.hybrid import HybridSearch


class HybridSearchPort:
    def __init__(self, search: HybridSearch) -> None:
        self._search = search

    def search(self, tenant_id: str, query: str, limit: int = 5) -> list[Hit]:
        return [
            Hit(
                document_id=result.chunk.document_id,
                chunk_id=result.chunk.id,
                text=" ".join(result.chunk.text.split()),  # one line: the agent cites per line
                score=result.score,
            )
            for result in self._search.search(tenant_id, query, limit)
        ]
