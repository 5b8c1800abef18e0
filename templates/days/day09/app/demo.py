"""Search the sample corpus: `python -m app.demo "how do I change my password"`.

Uses Qdrant when QDRANT_URL is set (see .env.example), the in-memory store otherwise.
"""

from __future__ import annotations

import os
import sys

from app.corpus import DOCS
from app.embeddings import DIM, embed
from app.qdrant import QdrantStore
from app.store import InMemoryVectorStore


def main(argv: list[str]) -> None:
    question = " ".join(argv) or "I forgot my password"
    store: InMemoryVectorStore | QdrantStore
    if os.environ.get("QDRANT_URL"):
        store = QdrantStore("day09_demo", DIM)
        store.ensure_collection()
    else:
        store = InMemoryVectorStore(DIM)
    for doc in DOCS:
        payload = {"topic": doc["topic"], "lang": doc["lang"], "text": doc["text"]}
        store.upsert(doc["id"], embed(doc["text"]), payload)

    print(f"query: {question!r} ({type(store).__name__})")
    for hit in store.query(embed(question), top_k=3, where={"lang": "en"}):
        print(f"  {hit.score:.3f}  {hit.id:<11} {hit.payload['text']}")


if __name__ == "__main__":
    main(sys.argv[1:])
