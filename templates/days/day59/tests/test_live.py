"""The same plugin deployed to an edge runtime answers like the local host (BEC_LIVE=1).

Set EDGE_SCORE_URL to your deployed function: it takes {"relevance": int, "age_days": int}
and answers {"score": int}, running plugins/recency.wat compiled to .wasm.
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from knowledgecloud.plugins import PluginHost

RECENCY = Path(__file__).resolve().parents[1] / "plugins" / "recency.wat"


@pytest.mark.live
@pytest.mark.parametrize("relevance, age_days", [(80, 3), (6, 0), (1000, 364)])
def test_the_edge_function_agrees_with_the_local_host(relevance, age_days):
    host = PluginHost()
    local = host.call(host.load(RECENCY.read_text()), "score", relevance, age_days).result
    remote = httpx.post(
        os.environ["EDGE_SCORE_URL"],
        json={"relevance": relevance, "age_days": age_days},
        timeout=10,
    )
    remote.raise_for_status()
    assert remote.json()["score"] == local
