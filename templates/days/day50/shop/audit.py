"""The agent's audit log: one JSON object per line, appended, never rewritten.

Every event of a run is a line: each model call (which model, tokens, cost), each tool call,
each refusal, each escalation to a larger model, the detection of an injected instruction, and
why the run stopped. `shop/audit.schema.json` documents the fields of each event type; the
tests validate every line against it, and so can your log pipeline.

Rules:
* append only: opening the log never truncates it, and `seq` continues from the lines already
  in the file, so a line's `seq` is its line number;
* redacted before it is written: the line on disk never held the secret, not even for a moment
  (a crash, a log shipper tailing the file, a backup taken in between would keep it);
* one `write` call writes one whole line and flushes it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shop.redact import redact_value

SCHEMA_PATH = Path(__file__).with_name("audit.schema.json")


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class AuditLog:
    def __init__(self, path: Path, run_id: str, *, clock: Callable[[], str] = utc_now) -> None:
        self.path = Path(path)
        self.run_id = run_id
        self.clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.touch(exist_ok=True)
        with self.path.open("rb") as existing:
            self.seq = sum(1 for _ in existing)

    def write(self, event_type: str, **fields: Any) -> dict[str, Any]:
        """Append one event (`seq`, `ts`, `run_id`, `type`, then `fields`) and return it as
        written. Decimal values are written as strings ("0.000345"), never as floats."""
        # BEGIN SOLUTION
        self.seq += 1
        event = {
            "seq": self.seq,
            "ts": self.clock(),
            "run_id": self.run_id,
            "type": event_type,
            **redact_value(fields),
        }
        line = json.dumps(event, default=str, ensure_ascii=False)
        with self.path.open("a", encoding="utf-8") as log:
            log.write(line + "\n")
            log.flush()
        return json.loads(line)
        # STARTER: raise NotImplementedError("TODO(day50): redact, then append one JSON line")
        # END SOLUTION

    def events(self) -> list[dict[str, Any]]:
        with self.path.open(encoding="utf-8") as log:
            return [json.loads(line) for line in log if line.strip()]
