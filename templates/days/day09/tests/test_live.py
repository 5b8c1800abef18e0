"""The adapter against a real Qdrant from compose.yaml (BEC_LIVE=1, QDRANT_URL set)."""

import os
import uuid

import pytest

from app.corpus import DOCS
from app.embeddings import DIM, embed
from app.qdrant import QdrantStore

pytestmark = pytest.mark.live


def test_live_qdrant_ranks_the_matching_document_first():
    if not os.environ.get("QDRANT_URL"):
        pytest.fail("QDRANT_URL is not set; see .env.example")
    store = QdrantStore(f"day09_live_{uuid.uuid4().hex[:8]}", DIM)
    try:
        assert store.ensure_collection() is True
        assert store.ensure_collection() is False
        for doc in DOCS:
            store.upsert(
                doc["id"], embed(doc["text"]), {"topic": doc["topic"], "lang": doc["lang"]}
            )

        hits = store.query(embed("how can I reset my password"), top_k=3, where={"lang": "en"})
        assert hits[0].id == "auth-1"
        assert all(h.payload["lang"] == "en" for h in hits)
        assert hits[0].score > hits[1].score
    finally:
        store.client.delete(f"/collections/{store.collection}")
