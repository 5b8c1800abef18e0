"""Run the labelled cases through KnowledgeCloud and collect what the agent did.

    uv run python -m evaluation.runner    # prints the scores; exit 1 below the baseline

The corpus is uploaded through the documents service, indexed by the indexing service and
searched by day 53's hybrid search, exactly as in production; only the model is the course's
fake (it searches with the question, then quotes and cites). With `LLM_BASE_URL` (and
`LLM_MODEL`, `LLM_API_KEY`) set, the same cases run against that model.
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

from fastapi.testclient import TestClient

from evaluation.rag_eval import (
    CaseResult,
    load_baseline,
    load_cases,
    passages_in,
    regressions,
    score,
)
from fakellm import FakeLLM, ToolCall, extractive, question_in
from knowledgecloud.agent.search_adapter import HybridSearchPort
from knowledgecloud.agent.service import Caller
from knowledgecloud.agent.tools import SEARCH, InMemoryDocuments
from knowledgecloud.capstone import Platform, System, build_platform, build_system
from knowledgecloud.documents.objects import ObjectStore

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def agent_model(body: dict[str, Any]) -> ToolCall | str:
    """A fake model that behaves like a grounded agent: search with the question first, then
    answer by quoting and citing what the search returned (or say it does not know)."""
    if not any(message["role"] == "tool" for message in body["messages"]):
        return ToolCall(SEARCH, {"query": question_in(body)})
    return extractive()(body)


def clock():
    ticks = itertools.count()
    return lambda: (START + timedelta(seconds=next(ticks))).isoformat().replace("+00:00", "Z")


def upload_corpus(platform: Platform, corpus: list[dict]) -> dict[str, str]:
    """Upload every passage as a text document of its tenant; return document id -> name."""
    names = {}
    with TestClient(platform.documents_app) as documents:
        for entry in corpus:
            answer = documents.post(
                "/api/documents",
                files={"file": (f"{entry['document']}.txt", entry["text"].encode())},
                headers={"X-Tenant-Id": entry["tenant"], "X-User-Id": "evaluator"},
            )
            answer.raise_for_status()
            names[answer.json()["id"]] = entry["document"]
    platform.deliver()
    return names


def collect(system: System, platform: Platform, names: dict[str, str], case: dict) -> CaseResult:
    """Run one case as an agent job and read back what it retrieved and answered."""
    job = system.service.create_job(Caller(case["tenant"], "evaluator"), case["question"])
    system.worker.run_pending()
    retrieved: dict[str, str] = {}
    for step in system.store.steps(job.id):
        if step.tool == SEARCH and step.result:
            retrieved.update(passages_in(step.result))
    documents = {
        chunk.id: names.get(chunk.document_id, chunk.document_id)
        for chunk in platform.search.reader.chunks(case["tenant"])
    }
    done = system.store.get(job.id)
    return CaseResult(
        case["id"], case["expected_documents"], retrieved, done.report or "", documents
    )


def evaluate(data_dir: Path, objects: ObjectStore, llm_client, model: str) -> list[CaseResult]:
    data = load_cases()
    platform = build_platform(data_dir, objects, clock=lambda: START)
    names = upload_corpus(platform, data["corpus"])
    (data_dir / "agent").mkdir(exist_ok=True)
    system = build_system(
        data_dir / "agent",
        llm=llm_client,
        model=model,
        search=HybridSearchPort(platform.search),
        documents=InMemoryDocuments(),
        now=clock(),
    )
    try:
        return [collect(system, platform, names, case) for case in data["cases"]]
    finally:
        system.close()


def main() -> int:
    import boto3
    from moto import mock_aws

    if os.environ.get("LLM_BASE_URL"):
        from knowledgecloud.agent.config import build_client, settings_from_env

        settings = settings_from_env(os.environ)
        client, model = build_client(settings), settings.model
    else:
        client, model = FakeLLM(default=agent_model).client(), "fake-model"
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        os.environ.setdefault(name, "testing")
    with mock_aws(), tempfile.TemporaryDirectory() as tmp:
        objects = ObjectStore(boto3.client("s3", region_name="us-east-1"))
        objects.ensure_bucket()
        scores = score(evaluate(Path(tmp), objects, client, model))
    print(json.dumps(scores.as_dict(), indent=2))
    problems = regressions(scores, load_baseline())
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
