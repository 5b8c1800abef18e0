"""The same harness against a real provider (BEC_LIVE=1; LLM_PROVIDER, LLM_BASE_URL... as day 41).

The real model both answers and judges, so the numbers move from run to run: this test checks
that the harness runs end to end and that the judge's output parses, not a score.
"""

from __future__ import annotations

import os

import pytest

from shop.config import build_client, settings_from_env
from shop.evaluation.report import evaluate, render, summarize
from shop.helpcentre import HelpDesk
from shop.pricing import PRICES, Price


@pytest.mark.live
def test_real_model_runs_through_the_harness(cases):
    settings = settings_from_env(os.environ)
    client = build_client(settings)
    # An unpriced model (a local one, say) is reported at zero cost rather than refused here.
    prices = {**PRICES, settings.model: PRICES.get(settings.model, Price(0, 0))}
    report = evaluate(HelpDesk(client, settings.model), client, settings.model, cases[:3], prices)

    summary = summarize(report)
    assert summary["total_tokens"] > 0
    assert len(report.requests) == 6
    assert all(row.prompt_tokens > 0 for row in report.requests)
    assert all(row.completion_tokens > 0 for row in report.requests)
    print(render(report))
