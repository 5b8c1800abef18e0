"""Long-term memory: facts about each customer, kept across conversations, found by meaning.

Semantic memory ("Ada is allergic to peanuts", "Alan's parcels go to his office") outlives the
conversation it came from. Each fact is stored with its embedding in SQLite; a new question is
embedded the same way, and the facts whose vectors are closest are put into the prompt.

Three rules this store must keep:

* **Per user, before ranking.** A memory belongs to one user. Search only that user's rows
  (`WHERE user_id = ?`), then rank. Ranking everything and filtering afterwards leaks other
  users' facts when the filter is forgotten, and loses the user's own facts when other users'
  rows fill the top k.
* **Relevant or nothing.** Return at most `k` memories, and only those whose cosine similarity
  to the query reaches `min_score`. An unrelated fact in the prompt is noise at best, and at
  worst makes the model talk about a customer's cat when asked about shipping.
* **Deleting deletes.** When a customer asks to be forgotten, the row goes: not a flag, not a
  filter in the search, not a list of hidden ids kept in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from shop.embeddings import embed

# Cosine similarity a memory needs to be recalled. WordLlama puts related texts around 0.4-0.6
# and unrelated ones below 0.25; another embedding model needs its own threshold.
MIN_SCORE = 0.35

SCHEMA = """
CREATE TABLE IF NOT EXISTS memories (
    id INTEGER PRIMARY KEY,
    user_id TEXT NOT NULL,
    text TEXT NOT NULL,
    vector BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS memories_user ON memories (user_id);
"""

Embed = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Memory:
    id: int
    user_id: str
    text: str
    score: float | None = None  # set by recall: cosine similarity to the query


class MemoryStore:
    def __init__(self, db_path: Path, embed: Embed = embed) -> None:
        self.db_path = Path(db_path)
        self.embed = embed
        self.conn = sqlite3.connect(self.db_path)
        self.conn.executescript(SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def all(self, user_id: str) -> list[Memory]:
        rows = self.conn.execute(
            "SELECT id, user_id, text FROM memories WHERE user_id = ? ORDER BY id", (user_id,)
        )
        return [Memory(*row) for row in rows]

    def remember(self, user_id: str, text: str) -> Memory:
        """Embed `text` and store it for `user_id`; the vector is stored as float32 bytes
        (`ndarray.tobytes()`; `np.frombuffer(blob, dtype=np.float32)` reads it back)."""
        # BEGIN SOLUTION
        vector = self.embed([text])[0].astype(np.float32)
        with self.conn:
            cursor = self.conn.execute(
                "INSERT INTO memories (user_id, text, vector) VALUES (?, ?, ?)",
                (user_id, text, vector.tobytes()),
            )
        return Memory(cursor.lastrowid, user_id, text)
        # STARTER: raise NotImplementedError("TODO(day48): embed and store the memory")
        # END SOLUTION

    def recall(
        self, user_id: str, query: str, k: int = 3, min_score: float = MIN_SCORE
    ) -> list[Memory]:
        """`user_id`'s memories most similar to `query`: at most k, each with score >= min_score,
        best first (ties: older first). Never another user's memory."""
        # BEGIN SOLUTION
        rows = self.conn.execute(
            "SELECT id, text, vector FROM memories WHERE user_id = ? ORDER BY id", (user_id,)
        ).fetchall()
        if not rows:
            return []
        matrix = np.stack([np.frombuffer(row[2], dtype=np.float32) for row in rows])
        scores = matrix @ self.embed([query])[0]
        ranked = sorted(range(len(rows)), key=lambda i: (-scores[i], rows[i][0]))
        return [
            Memory(rows[i][0], user_id, rows[i][1], float(scores[i]))
            for i in ranked[:k]
            if scores[i] >= min_score
        ]
        # STARTER: raise NotImplementedError("TODO(day48): this user's rows only, then rank")
        # END SOLUTION

    def forget(self, user_id: str, memory_id: int) -> bool:
        """Delete one memory, only if it belongs to `user_id`. True if a row was deleted."""
        # BEGIN SOLUTION
        with self.conn:
            cursor = self.conn.execute(
                "DELETE FROM memories WHERE id = ? AND user_id = ?", (memory_id, user_id)
            )
        return cursor.rowcount == 1
        # STARTER: raise NotImplementedError("TODO(day48): delete the row, if it is this user's")
        # END SOLUTION

    def forget_user(self, user_id: str) -> int:
        """Delete every memory of `user_id` (a right-to-erasure request); how many went."""
        # BEGIN SOLUTION
        with self.conn:
            cursor = self.conn.execute("DELETE FROM memories WHERE user_id = ?", (user_id,))
        return cursor.rowcount
        # STARTER: raise NotImplementedError("TODO(day48): delete all of this user's rows")
        # END SOLUTION
