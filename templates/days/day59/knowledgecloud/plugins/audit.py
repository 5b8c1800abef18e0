"""An append-only audit log whose entries are chained by hashes.

Each entry stores the hash of the one before it, and its own hash covers every field,
`prev_hash` included. Change, drop or reorder any entry and the chain breaks at that point:
`verify` names the first entry that does not fit. What a chain alone cannot show is that the
newest entries were cut off, because a shorter chain is still a valid chain. That is what
publishing the head hash somewhere the log's owner cannot rewrite (another system, a ticket, a
public ledger) adds: `verify(expected_head=...)` checks the log still reaches it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

GENESIS = "0" * 64  # the "previous hash" of the first entry


def entry_hash(fields: dict[str, Any]) -> str:
    """sha256 of the entry's canonical JSON (sorted keys, no spaces), without its own `hash`."""
    # BEGIN SOLUTION
    body = {key: value for key, value in fields.items() if key != "hash"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    # STARTER: raise NotImplementedError("TODO(day59): hash the canonical JSON of the entry")
    # END SOLUTION


@dataclass(frozen=True)
class Verification:
    ok: bool
    entries: int
    first_bad: int | None = None  # seq of the first entry that breaks the chain
    reason: str = ""


class AuditLog:
    """One JSON object per line in `path`; entries are numbered from 1 (`seq`)."""

    def __init__(self, path: Path, clock: Callable[[], datetime] | None = None) -> None:
        self.path = path
        self.clock = clock or (lambda: datetime.now(UTC))

    def entries(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def head(self) -> str:
        """The hash of the newest entry: publish it elsewhere to make truncation detectable."""
        entries = self.entries()
        return entries[-1]["hash"] if entries else GENESIS

    def append(self, **record: Any) -> dict[str, Any]:
        """Add one entry (any JSON fields: tenant, plugin, outcome...) and return it."""
        entries = self.entries()
        # BEGIN SOLUTION
        entry = {
            "seq": len(entries) + 1,
            "at": self.clock().astimezone(UTC).isoformat(),
            **record,
            "prev_hash": entries[-1]["hash"] if entries else GENESIS,
        }
        entry["hash"] = entry_hash(entry)
        self._write(entry)
        return entry
        # STARTER: raise NotImplementedError("TODO(day59): seq, time, prev_hash, then the hash")
        # END SOLUTION

    def _write(self, entry: dict[str, Any]) -> None:
        """Append one line and make it durable before the caller goes on."""
        line = json.dumps(entry, sort_keys=True, ensure_ascii=False) + "\n"
        with self.path.open("a", encoding="utf-8") as log:
            log.write(line)
            log.flush()
            os.fsync(log.fileno())

    def verify(self, expected_head: str | None = None) -> Verification:
        """Walk the chain from the start; with `expected_head`, also require that the log
        still contains the entry whose hash was published."""
        entries = self.entries()
        # BEGIN SOLUTION
        previous = GENESIS
        for position, entry in enumerate(entries, start=1):
            if entry.get("seq") != position:
                return Verification(False, len(entries), position, "entry out of sequence")
            if entry.get("prev_hash") != previous:
                return Verification(False, len(entries), position, "prev_hash does not match")
            if entry.get("hash") != entry_hash(entry):
                return Verification(False, len(entries), position, "hash does not match")
            previous = entry["hash"]
        published = {GENESIS} | {entry["hash"] for entry in entries}
        if expected_head is not None and expected_head not in published:
            return Verification(
                False, len(entries), None, "the published head is missing: entries were cut"
            )
        return Verification(True, len(entries))
        # STARTER: raise NotImplementedError("TODO(day59): walk the chain")
        # END SOLUTION
