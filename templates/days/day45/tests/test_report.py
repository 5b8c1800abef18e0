"""The batch numbers and the report: right, and the same bytes on every run."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from fakellm import extractive
from shop.evaluation.judge import JUDGE_PROMPT
from shop.evaluation.report import CaseResult, Report, RequestRow, render, summarize

GOLDEN = Path(__file__).parent / "golden" / "report.txt"


def case(case_id: str, rr: float, verdict: str = "PASS") -> CaseResult:
    return CaseResult(
        case_id=case_id,
        retrieved=("a", "b"),
        relevant=("a",),
        cited=("a",),
        hit=1.0 if rr else 0.0,
        reciprocal_rank=rr,
        context_precision=rr,
        context_recall=1.0 if rr else 0.0,
        citations_ok=bool(rr),
        faithfulness=1.0,
        verdict=verdict,
    )


def row(case_id: str, purpose: str, cost: str) -> RequestRow:
    return RequestRow(case_id, purpose, "gpt-4o-mini", 100, 10, Decimal(cost))


def test_mrr_and_hit_rate_average_over_every_case_misses_included():
    report = Report(
        k=3,
        cases=[case("c1", 1.0), case("c2", 0.5), case("c3", 0.0), case("c4", 0.0)],
        requests=[row("c1", "answer", "0.00001")],
    )
    summary = summarize(report)
    assert summary["mrr"] == Decimal("0.3750")  # (1 + 0.5 + 0 + 0) / 4, not (1 + 0.5) / 2
    assert summary["hit_rate"] == Decimal("0.5000")
    assert summary["context_recall"] == Decimal("0.5000")
    assert summary["citation_validity"] == Decimal("0.5000")


def test_an_invalid_verdict_is_counted_apart_and_never_as_a_pass():
    report = Report(
        k=3,
        cases=[case("c1", 1.0, "PASS"), case("c2", 1.0, "INVALID"), case("c3", 1.0, "FAIL")],
        requests=[],
    )
    summary = summarize(report)
    assert summary["judge_pass_rate"] == Decimal("0.3333")
    assert summary["judge_invalid_rate"] == Decimal("0.3333")


def test_cost_totals_are_exact_sums_of_the_request_costs():
    requests = [row(f"c{i}", "answer", "0.00000001") for i in range(10)]
    requests += [row("c0", "judge", "0.00003915"), row("c1", "judge", "0.00000285")]
    report = Report(k=3, cases=[case("c0", 1.0), case("c1", 1.0)], requests=requests)
    summary = summarize(report)
    assert summary["total_cost_usd"] == Decimal("0.00004210")
    assert summary["cost_per_case_usd"] == Decimal("0.00002105")
    assert summary["total_tokens"] == 12 * 110


def test_an_empty_report_cannot_be_summarized():
    with pytest.raises(ValueError):
        summarize(Report(k=3, cases=[], requests=[]))


def test_offline_run_summary_matches_the_checked_numbers(offline, cases, run_offline):
    summary = summarize(run_offline(offline, cases))
    assert summary == {
        "citation_validity": Decimal("1.0000"),
        "context_precision": Decimal("0.8000"),
        "context_recall": Decimal("0.8500"),
        "cost_per_case_usd": Decimal("0.00005706"),
        "faithfulness": Decimal("1.0000"),
        "hit_rate": Decimal("0.9000"),
        "judge_invalid_rate": Decimal("0.0000"),
        "judge_pass_rate": Decimal("0.6000"),
        "mrr": Decimal("0.8000"),
        "total_cost_usd": Decimal("0.00057060"),
        "total_tokens": Decimal(3246),
    }


def test_report_equals_the_golden_file(offline, cases, run_offline):
    text = render(run_offline(offline, cases))
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_report_is_the_same_whatever_order_the_cases_ran_in(cases, run_offline):
    from shop.evaluation.offline import offline_llm

    forward = render(run_offline(offline_llm(), cases))
    backward = render(run_offline(offline_llm(), list(reversed(cases))))
    assert backward == forward


def test_a_judge_that_rambles_shows_up_in_the_report(cases, run_offline):
    from fakellm import FakeLLM

    fake = FakeLLM(model="gpt-4o-mini", default=extractive())
    fake.when(lambda body: body["messages"][0]["content"] == JUDGE_PROMPT, "PASS, mostly.")
    report = run_offline(fake, cases[:2])

    summary = summarize(report)
    assert summary["judge_pass_rate"] == Decimal("0.0000")
    assert summary["judge_invalid_rate"] == Decimal("1.0000")
    assert "judge=INVALID" in render(report)


def test_an_invented_citation_shows_up_in_the_report(cases, run_offline):
    from fakellm import FakeLLM
    from shop.evaluation.offline import offline_verdict

    fake = FakeLLM(model="gpt-4o-mini", default=offline_verdict)
    fake.when(
        lambda body: body["messages"][0]["content"] != JUDGE_PROMPT,
        "Gift cards never expire and can pay for any product. [gift-cards-policy]",
    )
    report = run_offline(fake, [c for c in cases if c.id == "giftcard-01"])

    assert report.cases[0].citations_ok is False
    assert report.cases[0].faithfulness == 0.0  # it cites nothing the model saw
    assert summarize(report)["citation_validity"] == Decimal("0.0000")
