"""Architecture decision records in Nygard's format."""

from __future__ import annotations

from archcheck.checker import check
from tests.conftest import with_rule

ADR = "docs/adr/0003-events-through-a-transactional-outbox.md"


def test_adr_without_consequences_is_reported(copy):
    path = copy.root / ADR
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("## Consequences")[0], encoding="utf-8")
    messages = with_rule(check(copy.root), "adr.headings")
    assert len(messages) == 1 and "0003" in messages[0], messages


def test_adr_sections_out_of_order_are_reported(copy):
    copy.edit(ADR, "## Context", "## Decided")
    copy.edit(ADR, "## Decision", "## Context")
    copy.edit(ADR, "## Decided", "## Decision")
    messages = with_rule(check(copy.root), "adr.headings")
    assert len(messages) == 1 and "0003" in messages[0], messages


def test_adr_with_an_unknown_status_is_reported(copy):
    copy.edit(ADR, "## Status\n\nAccepted", "## Status\n\nDone, probably")
    messages = with_rule(check(copy.root), "adr.status")
    assert len(messages) == 1 and "0003" in messages[0], messages


def test_adr_with_an_empty_section_is_reported(copy):
    path = copy.root / "docs/adr/0001-record-architecture-decisions.md"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("## Context\n", 1)
    path.write_text(head + "## Context\n\n## Decision\n" + rest.split("## Decision\n", 1)[1])
    messages = with_rule(check(copy.root), "adr.empty")
    assert len(messages) == 1 and "Context" in messages[0], messages


def test_adr_title_must_carry_its_number(copy):
    copy.edit("docs/adr/0004-one-gateway-verifies-tokens.md", "# 4. ", "# ")
    messages = with_rule(check(copy.root), "adr.title")
    assert len(messages) == 1 and "0004" in messages[0], messages
