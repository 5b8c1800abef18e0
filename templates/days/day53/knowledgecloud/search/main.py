"""The search service as a process: ``uvicorn knowledgecloud.search.main:app``.

- ``INDEXING_DATABASE_URL``: the indexing service's database, read through ``IndexReader`` only.
"""

from __future__ import annotations

import os

from knowledgecloud.indexing.index import IndexReader
from knowledgecloud.indexing.tables import make_engine
from knowledgecloud.search.app import create_app
from knowledgecloud.search.hybrid import HybridSearch

engine = make_engine(os.environ.get("INDEXING_DATABASE_URL", "sqlite:///./indexing.db"))
app = create_app(HybridSearch(IndexReader(engine)))
