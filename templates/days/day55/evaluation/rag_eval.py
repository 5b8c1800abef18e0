"""Score the agent's answers on the labelled set in `cases.json`.

Each case is a question asked by a tenant and the documents that hold its answer (none: the
tenant's documents do not answer it, and the right answer is "I don't know"). The agent runs the
case as a job; from the job's journal we read which passages its searches returned, and from its
report which passages it cited. Two numbers come out:

- **hit rate @k**: of the cases that have an answer, the share where the job's first `HIT_AT`
  retrieved passages include one of an expected document. Retrieval quality: the model cannot
  cite what it never saw. Keep k well below the number of documents a tenant has: with five
  documents and k = 5, every search "hits".
- **citation validity**: of all the citations in all the reports, the share that are *valid*: the
  cited passage was returned by that job's own searches, and it supports the sentence that cites
  it (most of the sentence's content words are in the passage). A citation to a passage the job
  never retrieved is made up, whatever it says.
- **cited expected**: of the cases that have an answer, the share whose report cites a passage of
  an expected document. A valid citation can still support the wrong answer (the model quoted
  the incident policy when asked about refunds); this catches that, thanks to the labels.

The numbers are compared with `baseline.json`, committed with the code: a change that lowers them
fails the build, and a change that raises them updates the baseline in the same commit.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases.json"
BASELINE = HERE / "baseline.json"

_CITATION = re.compile(r"\[([^\]\s]+)\]")
_SOURCE_LINE = re.compile(r"^\[(?P<id>[^\]\s]+)\]\s*(?P<text>.+)$")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an and are as at be by can do does for from how in is it of on or the to what when which "
    "who why with within".split()
)
HIT_AT = 1  # k of the hit rate: the labelled tenants have five documents or fewer
METRICS = ("hit_rate", "citation_validity", "cited_expected")
SUPPORT = 0.6  # share of a claim's content words that its cited passage must contain


@dataclass(frozen=True)
class CaseResult:
    case_id: str
    expected_documents: list[str]
    retrieved: dict[str, str]  # passage id -> text, in the order the job's searches returned them
    answer: str
    documents: dict[str, str]  # passage id -> the labelled name of its document


@dataclass(frozen=True)
class Scores:
    hit_rate: float
    citation_validity: float
    cited_expected: float
    citations: int
    cases: int

    def as_dict(self) -> dict:
        return asdict(self)


def passages_in(tool_result: str) -> dict[str, str]:
    """The `[id] text` lines of a search tool's result."""
    found = {}
    for line in tool_result.splitlines():
        match = _SOURCE_LINE.match(line.strip())
        if match:
            found[match["id"]] = match["text"]
    return found


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def claims(answer: str) -> list[tuple[str, str]]:
    """(passage id, the text it is cited for) for each citation: the text since the previous
    citation. `"A [x] B [y]"` gives `[("x", "A"), ("y", "B")]`."""
    found, start = [], 0
    for match in _CITATION.finditer(answer):
        found.append((match[1], answer[start : match.start()].strip()))
        start = match.end()
    return found


def supports(passage: str, claim: str) -> bool:
    wanted = words(claim)
    return bool(wanted) and len(wanted & words(passage)) / len(wanted) >= SUPPORT


def score(results: list[CaseResult]) -> Scores:
    """Hit rate (@HIT_AT) and cited expected over the cases with expected documents; citation
    validity over all citations (1.0 when there are none: nothing was made up). Rounded to 4
    places."""
    # BEGIN SOLUTION
    answerable = [r for r in results if r.expected_documents]
    hits = sum(
        1
        for r in answerable
        if any(r.documents.get(pid) in r.expected_documents for pid in list(r.retrieved)[:HIT_AT])
    )
    cited_expected = sum(
        1
        for r in answerable
        if any(r.documents.get(pid) in r.expected_documents for pid, _ in claims(r.answer))
    )
    total = valid = 0
    for r in results:
        for passage_id, claim in claims(r.answer):
            total += 1
            if passage_id in r.retrieved and supports(r.retrieved[passage_id], claim):
                valid += 1
    return Scores(
        hit_rate=round(hits / len(answerable), 4) if answerable else 0.0,
        citation_validity=round(valid / total, 4) if total else 1.0,
        cited_expected=round(cited_expected / len(answerable), 4) if answerable else 0.0,
        citations=total,
        cases=len(results),
    )
    # STARTER: raise NotImplementedError("TODO(day55): compute the hit rate and citation validity")
    # END SOLUTION


def load_cases() -> dict:
    return json.loads(CASES.read_text(encoding="utf-8"))


def load_baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


def regressions(scores: Scores, baseline: dict) -> list[str]:
    """The metrics that fell below the baseline, in words; empty when none did."""
    return [
        f"{name} fell from {baseline[name]} to {getattr(scores, name)}"
        for name in METRICS
        if getattr(scores, name) < baseline[name]
    ]
