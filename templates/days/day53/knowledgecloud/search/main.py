"""The search service as a process: ``uvicorn knowledgecloud.search.main:app``.

- ``INDEXING_DATABASE_URL``: the indexing service's database, read through ``IndexReader`` only.
- ``LLM_BASE_URL``, ``LLM_API_KEY``, ``LLM_MODEL``: an OpenAI-compatible provider for
  ``/api/search/answer`` (unset ``LLM_MODEL``: that route answers 503, search still works).
"""

from __future__ import annotations

import os

from knowledgecloud.indexing.index import IndexReader
from knowledgecloud.indexing.tables import make_engine
from knowledgecloud.search.answer import answerer_from_environment
from knowledgecloud.search.app import create_app
from knowledgecloud.search.hybrid import HybridSearch

engine = make_engine(os.environ.get("INDEXING_DATABASE_URL", "sqlite:///./indexing.db"))
search = HybridSearch(IndexReader(engine))
app = create_app(search, answerer_from_environment(search))
