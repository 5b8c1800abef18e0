"""Every alert links to a runbook section that exists and says what to do."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import exercised_kc
from tests.promql import metric_names
from tests.rules import alerts, recording

RUNBOOK = Path(__file__).resolve().parent.parent / "runbook.md"
SUBSECTIONS = ["Symptoms", "Impact", "Diagnosis", "Mitigation", "Escalation"]


def anchor(heading: str) -> str:
    """The fragment a Markdown renderer (GitHub, GitLab) gives a heading."""
    slug = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return slug.replace(" ", "-")


def sections() -> dict[str, dict[str, str]]:
    """`## ` sections by anchor, each its `### ` subsections' text by title (code fences kept)."""
    found: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    sub = None
    in_code = False
    for line in RUNBOOK.read_text().splitlines():
        if line.startswith("```"):
            in_code = not in_code
        if not in_code and line.startswith("## "):
            current, sub = found.setdefault(anchor(line[3:]), {}), None
        elif not in_code and line.startswith("### ") and current is not None:
            sub = line[4:].strip()
            current[sub] = ""
        elif current is not None and sub is not None:
            current[sub] += line + "\n"
    return found


def linked_section(name: str) -> dict[str, str]:
    url = alerts()[name].get("annotations", {}).get("runbook_url", "")
    parsed = urlparse(url)
    assert parsed.path.endswith("runbook.md") and parsed.fragment, (
        f"{name}: runbook_url {url!r} must point at runbook.md#<section>"
    )
    found = sections()
    assert parsed.fragment in found, (
        f"{name} links to #{parsed.fragment}, which runbook.md has no heading for "
        f"(its sections: {sorted(found)}): the on-call lands at the top of the page"
    )
    return found[parsed.fragment]


def test_every_alert_links_to_a_runbook_section_that_exists():
    assert alerts(), "no alerts yet"
    for name in alerts():
        linked_section(name)


@pytest.mark.parametrize("subsection", SUBSECTIONS)
def test_every_linked_section_has_the_subsection(subsection):
    assert alerts(), "no alerts yet"
    for name in alerts():
        section = linked_section(name)
        assert subsection in section, f"the runbook of {name} has no '### {subsection}'"
        assert len(section[subsection].split()) >= 8, (
            f"the {subsection} of {name}'s runbook says almost nothing"
        )
        assert list(section)[: len(SUBSECTIONS)] == SUBSECTIONS, (
            f"{name}: subsections in the order {SUBSECTIONS}"
        )


def test_diagnosis_queries_use_series_that_exist():
    available = {s.name for s in exercised_kc().scrape()} | set(recording())
    assert alerts(), "no alerts yet"
    for name in alerts():
        diagnosis = linked_section(name).get("Diagnosis", "")
        blocks = re.findall(r"```promql\n(.*?)```", diagnosis, re.S)
        assert blocks, f"{name}: the Diagnosis gives the queries to run, in a ```promql block"
        for line in "".join(blocks).splitlines():
            for metric in metric_names(line):
                assert metric in available, f"{name}'s runbook queries {metric}, which is absent"
