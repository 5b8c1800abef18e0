"""Just enough of Vault's policy language to judge policy.hcl offline.

A policy is a list of `path "<pattern>" { capabilities = [...] }` blocks. A pattern ending in
`*` matches every path with that prefix; `+` matches exactly one path segment. When several
patterns match, Vault uses the most specific one, and "deny" beats everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

BLOCK = re.compile(r'path\s+"([^"]+)"\s*\{([^{}]*)\}', re.S)
CAPABILITIES = re.compile(r"^\s*capabilities\s*=\s*\[([^\]]*)\]\s*$", re.S)


@dataclass(frozen=True)
class Rule:
    pattern: str
    capabilities: frozenset[str]


def _strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return "\n".join(re.sub(r"(#|//).*$", "", line) for line in text.splitlines())


def parse(path: Path) -> list[Rule]:
    text = _strip_comments(path.read_text())
    rules = []
    for match in BLOCK.finditer(text):
        body = CAPABILITIES.match(match.group(2))
        assert body, f"path {match.group(1)!r}: expected only `capabilities = [...]` in the block"
        caps = frozenset(re.findall(r'"([^"]*)"', body.group(1)))
        rules.append(Rule(match.group(1), caps))
    leftover = BLOCK.sub("", text).strip()
    assert not leftover, f"policy.hcl has text outside path blocks: {leftover[:80]!r}"
    return rules


def _matches(pattern: str, path: str) -> bool:
    glob = pattern.endswith("*")
    body = pattern[:-1] if glob else pattern
    regex = "".join("[^/]+" if part == "+" else re.escape(part) for part in re.split(r"(\+)", body))
    return re.fullmatch(regex + (".*" if glob else ""), path) is not None


def allows(rules: list[Rule], path: str, capability: str) -> bool:
    matching = [r for r in rules if _matches(r.pattern, path)]
    if not matching:
        return False
    if any("deny" in r.capabilities for r in matching):
        return False
    # most specific: an exact pattern beats a glob, then the longer pattern wins
    best = max(matching, key=lambda r: (not r.pattern.endswith("*"), len(r.pattern)))
    return capability in best.capabilities
