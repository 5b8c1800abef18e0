"""Run the labelled cases through a KnowledgeCloud system and collect what the agent did.

    uv run python -m evaluation.runner            # with the fake model: prints scores and baseline

With `LLM_BASE_URL` (and `LLM_MODEL`, `LLM_API_KEY`) set, the same cases run against that model.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from evaluation.rag_eval import (
    CaseResult,
    load_baseline,
    load_cases,
    passages_in,
    regressions,
    score,
)
from fakellm import FakeLLM, ToolCall, extractive, question_in
from knowledgecloud.agent.service import Caller
from knowledgecloud.agent.tools import SEARCH, InMemoryDocuments, InMemorySearch
from knowledgecloud.capstone import System, build_system


def agent_model(body: dict[str, Any]) -> ToolCall | str:
    """A fake model that behaves like a grounded agent: search with the question first, then
    answer by quoting and citing what the search returned (or say it does not know)."""
    if not any(message["role"] == "tool" for message in body["messages"]):
        return ToolCall(SEARCH, {"query": question_in(body)})
    return extractive()(body)


def search_over(corpus: list[dict]) -> InMemorySearch:
    search = InMemorySearch()
    for passage in corpus:
        search.add(passage["tenant"], passage["document_id"], passage["chunk_id"], passage["text"])
    return search


def clock():
    ticks = itertools.count()
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    return lambda: (start + timedelta(seconds=next(ticks))).isoformat().replace("+00:00", "Z")


def collect(system: System, case: dict) -> CaseResult:
    """Run one case as an agent job and read back what it retrieved and answered."""
    job = system.service.create_job(Caller(case["tenant"], "evaluator"), case["question"])
    system.worker.run_pending()
    retrieved: dict[str, str] = {}
    for step in system.store.steps(job.id):
        if step.tool == SEARCH and step.result:
            retrieved.update(passages_in(step.result))
    done = system.store.get(job.id)
    return CaseResult(case["id"], case["expected_documents"], retrieved, done.report or "")


def evaluate(data_dir: Path, llm_client, model: str) -> list[CaseResult]:
    data = load_cases()
    system = build_system(
        data_dir,
        llm=llm_client,
        model=model,
        search=search_over(data["corpus"]),
        documents=InMemoryDocuments(),
        now=clock(),
    )
    try:
        return [collect(system, case) for case in data["cases"]]
    finally:
        system.close()


def main() -> int:
    if os.environ.get("LLM_BASE_URL"):
        from knowledgecloud.agent.config import build_client, settings_from_env

        settings = settings_from_env(os.environ)
        client, model = build_client(settings), settings.model
    else:
        client, model = FakeLLM(default=agent_model).client(), "fake-model"
    with tempfile.TemporaryDirectory() as tmp:
        scores = score(evaluate(Path(tmp), client, model))
    print(json.dumps(scores.as_dict(), indent=2))
    problems = regressions(scores, load_baseline())
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
