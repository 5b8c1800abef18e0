"""Against a deployed stack or a real model (BEC_LIVE=1).

KC_BASE_URL      the gateway of a running KnowledgeCloud (compose or staging)
LLM_BASE_URL     an OpenAI-compatible endpoint for the evaluation (with LLM_MODEL, LLM_API_KEY)
"""

from __future__ import annotations

import json
import os

import pytest
from test_load_k6 import run_script
from test_load_locust import MAX_REQUESTS, run_locust

from evaluation.rag_eval import load_baseline, score
from evaluation.runner import evaluate
from knowledgecloud.agent.config import build_client, settings_from_env


def _base_url() -> str:
    url = os.environ.get("KC_BASE_URL")
    if not url:
        pytest.fail("set KC_BASE_URL to the gateway of a running KnowledgeCloud")
    return url.rstrip("/")


@pytest.mark.live
def test_locust_against_the_deployed_stack_has_no_failures(tmp_path):
    run = run_locust(_base_url(), tmp_path / "stats")
    assert run.returncode == 0, run.stderr[-2000:]
    stats = json.loads((tmp_path / "stats.json").read_text())
    assert sum(entry["num_failures"] for entry in stats) == 0
    assert sum(entry["num_requests"] for entry in stats) >= MAX_REQUESTS


@pytest.mark.live
def test_k6_against_the_deployed_stack_meets_its_thresholds(tmp_path, monkeypatch):
    # A deployed stack also gets a latency budget (the offline runs never judge time).
    monkeypatch.setenv("LATENCY_P95_MS", os.environ.get("LATENCY_P95_MS", "500"))
    run = run_script(_base_url(), tmp_path / "summary.json")
    assert run.returncode == 0, run.stdout[-2000:]


@pytest.mark.live
def test_a_real_model_makes_up_no_citations(tmp_path, objects):
    settings = settings_from_env(os.environ)
    scores = score(evaluate(tmp_path, objects, build_client(settings), settings.model))
    print(json.dumps(scores.as_dict()))
    # Retrieval does not depend on the model's words as long as it searches with the question;
    # a real model paraphrases, so only invented citations are judged strictly.
    assert scores.citation_validity >= load_baseline()["citation_validity"]
