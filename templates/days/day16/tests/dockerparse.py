"""A small Dockerfile reader for the lab tests.

It understands what the checks need: line continuations, comments, parser directives, stages
(``FROM image AS name``) and the arguments of the common instructions. It is not a full parser
(no heredocs, no variable expansion), so keep the Dockerfiles plain.
"""

import json
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Instruction:
    keyword: str  # upper case: FROM, RUN, COPY...
    value: str  # everything after the keyword, continuations joined
    line: int  # 1-based line where the instruction starts

    def flags(self) -> dict[str, str]:
        """Leading ``--name=value`` options: ``COPY --from=builder`` gives {"from": "builder"}."""
        found = {}
        for word in shlex.split(self.value, posix=True):
            if not word.startswith("--"):
                break
            name, _, val = word[2:].partition("=")
            found[name.lower()] = val
        return found

    def args(self) -> list[str]:
        """The arguments after the leading options: exec form (JSON) or shell words."""
        text = self.value
        while True:
            match = re.match(r"\s*--[\w-]+(=\S*)?\s+", text)
            if not match:
                break
            text = text[match.end() :]
        text = text.strip()
        if text.startswith("["):
            try:
                parsed = json.loads(text)
            except json.JSONDecodeError:
                pass
            else:
                if isinstance(parsed, list):
                    return [str(item) for item in parsed]
        return shlex.split(text, posix=True)


@dataclass
class Stage:
    base: str  # the image reference after FROM (or the name of an earlier stage)
    name: str | None  # the AS name, lower case
    index: int
    instructions: list[Instruction] = field(default_factory=list)

    def all(self, keyword: str) -> list[Instruction]:
        return [i for i in self.instructions if i.keyword == keyword.upper()]

    def last(self, keyword: str) -> Instruction | None:
        found = self.all(keyword)
        return found[-1] if found else None

    def env(self) -> dict[str, str]:
        """Variables set by ENV in this stage (``ENV A=1 B=2`` and the old ``ENV A 1`` form)."""
        values: dict[str, str] = {}
        for instruction in self.all("ENV"):
            words = shlex.split(instruction.value, posix=True)
            if words and "=" not in words[0]:
                values[words[0]] = " ".join(words[1:])
                continue
            for word in words:
                key, _, val = word.partition("=")
                values[key] = val
        return values


def logical_lines(text: str) -> list[tuple[int, str]]:
    """Joins continuation lines and drops comments, blank lines and parser directives."""
    result: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if stripped.startswith("#") or (not stripped and not current):
            continue  # comments may sit inside a continuation too; Docker ignores them
        if not current:
            start = number
        if stripped.endswith("\\"):
            current.append(stripped[:-1].strip())
            continue
        current.append(stripped)
        result.append((start, " ".join(part for part in current if part)))
        current = []
    if current:
        result.append((start, " ".join(part for part in current if part)))
    return result


def parse(text: str) -> list[Stage]:
    """Returns the build stages in order; instructions before the first FROM are dropped."""
    stages: list[Stage] = []
    for number, line in logical_lines(text):
        keyword, _, value = line.partition(" ")
        instruction = Instruction(keyword.upper(), value.strip(), number)
        if instruction.keyword == "FROM":
            words = [w for w in instruction.args()]
            base = words[0] if words else ""
            name = words[2].lower() if len(words) >= 3 and words[1].upper() == "AS" else None
            stages.append(Stage(base=base, name=name, index=len(stages)))
        elif stages:
            stages[-1].instructions.append(instruction)
    return stages


def parse_file(path: Path) -> list[Stage]:
    return parse(path.read_text(encoding="utf-8"))


def split_image(reference: str) -> tuple[str, str | None, str | None]:
    """``registry/repo:tag@sha256:...`` -> (repo, tag, digest); tag and digest may be None."""
    digest = None
    if "@" in reference:
        reference, digest = reference.split("@", 1)
    repo, tag = reference, None
    last = reference.rsplit("/", 1)[-1]
    if ":" in last:
        repo, tag = reference.rsplit(":", 1)
    return repo, tag, digest


def dockerignore_patterns(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    out = ""
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
            continue
        if pattern.startswith("**", i):
            out += ".*"
            i += 2
            continue
        if char == "*":
            out += "[^/]*"
        elif char == "?":
            out += "[^/]"
        elif char == "[":
            end = pattern.find("]", i)
            if end == -1:
                out += re.escape(char)
            else:
                out += pattern[i : end + 1]
                i = end + 1
                continue
        else:
            out += re.escape(char)
        i += 1
    return re.compile(out + r"\Z")


def is_ignored(path: str, patterns: list[str]) -> bool:
    """Docker's rule: the last pattern matching the path (or a folder above it) wins."""
    parts = path.strip("/").split("/")
    candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        cleaned = pattern[1:] if negate else pattern
        cleaned = cleaned.strip().strip("/")
        if cleaned.startswith("./"):
            cleaned = cleaned[2:]
        if not cleaned:
            continue
        regex = _pattern_regex(cleaned)
        if any(regex.match(candidate) for candidate in candidates):
            ignored = not negate
    return ignored
