"""The agent's tools, and the ports they reach the rest of KnowledgeCloud through.

The agent does not own documents or the search index: it calls the search service and the
documents service. In code that is two small interfaces (ports). Production wires HTTP clients
behind them; tests wire the in-memory fakes below, which also count their calls.

A tool is either a *read* (search: safe to run as soon as the model asks) or a *write* (update
a document's metadata: changes what other people see, so it waits for a person's approval).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Hit:
    document_id: str
    chunk_id: str
    text: str
    score: float


class SearchPort(Protocol):
    def search(self, tenant_id: str, query: str, limit: int = 5) -> list[Hit]:
        """The tenant's best passages for `query`; never another tenant's."""
        ...


class DocumentsPort(Protocol):
    def update_metadata(
        self, tenant_id: str, document_id: str, metadata: dict[str, str]
    ) -> dict[str, str]:
        """Merge `metadata` into the document's metadata and return the result. Setting the same
        keys twice gives the same document (the update is idempotent)."""
        ...


@dataclass
class InMemorySearch:
    """A search port over a fixed list of (tenant_id, Hit), ranking by shared words."""

    passages: list[tuple[str, Hit]] = field(default_factory=list)
    calls: list[tuple[str, str]] = field(default_factory=list)

    def add(self, tenant_id: str, document_id: str, chunk_id: str, text: str) -> None:
        self.passages.append((tenant_id, Hit(document_id, chunk_id, text, 0.0)))

    def search(self, tenant_id: str, query: str, limit: int = 5) -> list[Hit]:
        self.calls.append((tenant_id, query))
        words = set(query.lower().split())
        scored = []
        for owner, hit in self.passages:
            if owner != tenant_id:
                continue
            score = len(words & set(hit.text.lower().split()))
            if score:
                scored.append(Hit(hit.document_id, hit.chunk_id, hit.text, float(score)))
        scored.sort(key=lambda h: (-h.score, h.chunk_id))
        return scored[:limit]


@dataclass
class InMemoryDocuments:
    """A documents port: metadata per (tenant_id, document_id), with every update recorded."""

    metadata: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    updates: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    def update_metadata(
        self, tenant_id: str, document_id: str, metadata: dict[str, str]
    ) -> dict[str, str]:
        key = (tenant_id, document_id)
        if key not in self.metadata:
            raise KeyError(f"tenant {tenant_id} has no document {document_id}")
        self.updates.append((tenant_id, document_id, dict(metadata)))
        self.metadata[key] = {**self.metadata[key], **metadata}
        return dict(self.metadata[key])


SEARCH = "search_documents"
UPDATE_METADATA = "update_document_metadata"
WRITE_TOOLS = frozenset({UPDATE_METADATA})

# What the model is told about the tools (OpenAI `tools=` format).
TOOL_SPECS: list[dict[str, Any]] = [
    {
        "type": "function",
        "function": {
            "name": SEARCH,
            "description": "Search the tenant's documents. Returns passages as [chunk-id] text.",
            "parameters": {
                "type": "object",
                "properties": {"query": {"type": "string"}},
                "required": ["query"],
                "additionalProperties": False,
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": UPDATE_METADATA,
            "description": "Set metadata keys on one document. A person must approve it first.",
            "parameters": {
                "type": "object",
                "properties": {
                    "document_id": {"type": "string"},
                    "metadata": {"type": "object", "additionalProperties": {"type": "string"}},
                },
                "required": ["document_id", "metadata"],
                "additionalProperties": False,
            },
        },
    },
]


class UnknownTool(ValueError):
    pass


@dataclass
class Toolbox:
    """Runs a tool call for one tenant. The tenant always comes from the job, never from the
    model's arguments: a model cannot be talked into reading another tenant's documents."""

    search: SearchPort
    documents: DocumentsPort

    def run(self, tenant_id: str, name: str, arguments: dict[str, Any]) -> str:
        if name == SEARCH:
            hits = self.search.search(tenant_id, str(arguments.get("query", "")))
            if not hits:
                return "No passages found."
            return "\n".join(f"[{hit.chunk_id}] {hit.text}" for hit in hits)
        if name == UPDATE_METADATA:
            updated = self.documents.update_metadata(
                tenant_id, str(arguments["document_id"]), dict(arguments["metadata"])
            )
            return json.dumps({"document_id": arguments["document_id"], "metadata": updated})
        raise UnknownTool(f"no tool named {name!r}")

    @staticmethod
    def describe(name: str, arguments: dict[str, Any]) -> str:
        """A one-line description of a write, for the person asked to approve it."""
        if name == UPDATE_METADATA:
            pairs = ", ".join(f"{k}={v}" for k, v in sorted(arguments["metadata"].items()))
            return f"set {pairs} on document {arguments['document_id']}"
        return f"{name}({json.dumps(arguments, sort_keys=True)})"
