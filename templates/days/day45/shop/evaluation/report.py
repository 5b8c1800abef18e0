"""Run the evaluation set through a pipeline, and turn the results into numbers and a report.

`evaluate` (given) asks the pipeline every question, asks the judge about every answer and keeps
one row per request with its tokens and cost. You write the two functions that make the run
useful: `summarize` (the numbers the CI gate compares with the baseline) and `render` (the report
a person reads in a pull request). Both must be *deterministic*: the same results give the same
bytes, whatever order the cases ran in, on any machine, on any run. A report that changes when
nothing changed hides the one change that matters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Protocol

from openai import OpenAI

from shop.evaluation import checks, metrics
from shop.evaluation.cost import request_cost
from shop.evaluation.dataset import EvalCase
from shop.evaluation.judge import INVALID, PASS, judge
from shop.helpcentre import Answer
from shop.pricing import PRICES, Price

RATE = Decimal("0.0001")  # rates and scores: 4 decimal places
MONEY = Decimal("0.00000001")  # dollars: 8 decimal places (exact for today's price table)


class Pipeline(Protocol):
    """Anything that answers a question with an `Answer`: today's HelpDesk, day 44's pipeline."""

    k: int

    def answer(self, question: str) -> Answer: ...


@dataclass(frozen=True)
class CaseResult:
    case_id: str
    retrieved: tuple[str, ...]
    relevant: tuple[str, ...]
    cited: tuple[str, ...]
    hit: float
    reciprocal_rank: float
    context_precision: float
    context_recall: float
    citations_ok: bool
    faithfulness: float
    verdict: str


@dataclass(frozen=True)
class RequestRow:
    case_id: str
    purpose: str  # "answer" or "judge"
    model: str
    prompt_tokens: int
    completion_tokens: int
    cost: Decimal


@dataclass(frozen=True)
class Report:
    k: int
    cases: list[CaseResult]  # in the order they ran
    requests: list[RequestRow]  # in the order they were made


def evaluate(
    pipeline: Pipeline,
    judge_client: OpenAI,
    judge_model: str,
    cases: Sequence[EvalCase],
    prices: Mapping[str, Price] = PRICES,
) -> Report:
    """Every case once: answer, score retrieval and answer, ask the judge, cost both calls."""
    k = pipeline.k
    results: list[CaseResult] = []
    requests: list[RequestRow] = []
    for case in cases:
        answer = pipeline.answer(case.question)
        # Only passages the answer cites and the model actually saw can support it.
        cited_context = {i: answer.passages[i] for i in answer.cited if i in answer.passages}
        verdict = judge(judge_client, judge_model, case.question, answer.text, answer.passages)
        results.append(
            CaseResult(
                case_id=case.id,
                retrieved=answer.retrieved,
                relevant=case.relevant,
                cited=answer.cited,
                hit=metrics.hit_at_k(answer.retrieved, case.relevant, k),
                reciprocal_rank=metrics.reciprocal_rank(answer.retrieved, case.relevant, k),
                context_precision=metrics.context_precision(answer.retrieved, case.relevant, k),
                context_recall=metrics.context_recall(answer.retrieved, case.relevant, k),
                citations_ok=checks.citations_valid(answer.cited, answer.retrieved),
                faithfulness=checks.faithfulness(answer.text, cited_context),
                verdict=verdict.verdict,
            )
        )
        for purpose, model, usage in (
            ("answer", answer.model, answer.usage),
            ("judge", verdict.model, verdict.usage),
        ):
            requests.append(
                RequestRow(
                    case_id=case.id,
                    purpose=purpose,
                    model=model,
                    prompt_tokens=usage.prompt_tokens,
                    completion_tokens=usage.completion_tokens,
                    cost=request_cost(usage, model, prices),
                )
            )
    return Report(k=k, cases=results, requests=requests)


def rate(value: float) -> Decimal:
    """A score as a Decimal with 4 places (half-even), the same on every platform."""
    return Decimal(value).quantize(RATE, rounding=ROUND_HALF_EVEN)


def summarize(report: Report) -> dict[str, Decimal]:
    """The batch numbers, keyed by name:

    hit_rate, mrr, context_precision, context_recall, citation_validity, faithfulness,
    judge_pass_rate, judge_invalid_rate: means over *all* cases (a case with no relevant id in
    the top k contributes 0 to mrr; an INVALID verdict is not a pass), each through `rate`.
    total_tokens: prompt plus completion tokens of every request (a whole number).
    total_cost_usd: the exact sum of the request costs; cost_per_case_usd: that sum divided by
    the number of cases; both quantized to MONEY.

    An empty report is an error (ValueError): there is nothing to gate on.
    """
    # BEGIN SOLUTION
    cases = report.cases
    if not cases:
        raise ValueError("the report has no cases: check the dataset")
    total_cost = sum((row.cost for row in report.requests), Decimal(0))
    return {
        "hit_rate": rate(metrics.mean(c.hit for c in cases)),
        "mrr": rate(metrics.mean(c.reciprocal_rank for c in cases)),
        "context_precision": rate(metrics.mean(c.context_precision for c in cases)),
        "context_recall": rate(metrics.mean(c.context_recall for c in cases)),
        "citation_validity": rate(metrics.mean(float(c.citations_ok) for c in cases)),
        "faithfulness": rate(metrics.mean(c.faithfulness for c in cases)),
        "judge_pass_rate": rate(metrics.mean(float(c.verdict == PASS) for c in cases)),
        "judge_invalid_rate": rate(metrics.mean(float(c.verdict == INVALID) for c in cases)),
        "total_tokens": Decimal(
            sum(row.prompt_tokens + row.completion_tokens for row in report.requests)
        ),
        "total_cost_usd": total_cost.quantize(MONEY),
        "cost_per_case_usd": (total_cost / len(cases)).quantize(MONEY),
    }
    # STARTER: raise NotImplementedError("TODO(day45): the batch means, tokens and exact cost")
    # END SOLUTION


def render(report: Report) -> str:
    """The report as text, one fact per line, ending with a newline. For two cases:

        evaluation: 2 cases, k=3
        summary:
          citation_validity 1.0000
          (every key of `summarize`, sorted by name, the value as str(Decimal))
        cases:
          refund-01 hit=1 rr=0.5000 precision=0.5000 recall=1.0000 citations=ok
            faithfulness=1.0000 judge=PASS retrieved=gift-cards,refund-timing cited=refund-timing
          returns-01 (...)
        requests:
          refund-01 answer model=gpt-4o-mini prompt=151 completion=19 cost_usd=0.00003405
          refund-01 judge model=gpt-4o-mini prompt=190 completion=1 cost_usd=0.00002910
          returns-01 (...)

    Lines under a heading are indented by two spaces. A case is ONE line (wrapped above to fit):
    its fields in that order, separated by single spaces; hit as 0 or 1, scores with 4 places,
    citations "ok" or "bad", ids comma-separated in their own order ("-" when there are none).
    Cases are sorted by case id, requests by case id then purpose, costs with 8 places.

    Nothing else: no timestamps, no timings, no hostnames, nothing that differs between two runs
    of the same code on the same data.
    """
    # BEGIN SOLUTION
    summary = summarize(report)
    lines = [f"evaluation: {len(report.cases)} cases, k={report.k}", "summary:"]
    lines += [f"  {name} {summary[name]}" for name in sorted(summary)]
    lines.append("cases:")
    for case in sorted(report.cases, key=lambda c: c.case_id):
        lines.append(
            f"  {case.case_id} hit={int(case.hit)} rr={case.reciprocal_rank:.4f}"
            f" precision={case.context_precision:.4f} recall={case.context_recall:.4f}"
            f" citations={'ok' if case.citations_ok else 'bad'}"
            f" faithfulness={case.faithfulness:.4f} judge={case.verdict}"
            f" retrieved={','.join(case.retrieved) or '-'} cited={','.join(case.cited) or '-'}"
        )
    lines.append("requests:")
    for row in sorted(report.requests, key=lambda r: (r.case_id, r.purpose)):
        lines.append(
            f"  {row.case_id} {row.purpose} model={row.model} prompt={row.prompt_tokens}"
            f" completion={row.completion_tokens} cost_usd={row.cost.quantize(MONEY)}"
        )
    return "\n".join(lines) + "\n"
    # STARTER: raise NotImplementedError("TODO(day45): the report, sorted, fixed formatting")
    # END SOLUTION
