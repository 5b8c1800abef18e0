"""The audit log is a hash chain: edits, drops and reorders break it where they happen."""

from __future__ import annotations

import hashlib
import json

from knowledgecloud.plugins import GENESIS, entry_hash


def fill(audit, count=3):
    return [audit.append(tenant="acme", action="score", result=n) for n in range(count)]


def rewrite(audit, entries):
    audit.path.write_text("".join(json.dumps(entry) + "\n" for entry in entries))


def test_entries_are_numbered_timed_and_chained(audit):
    entries = fill(audit)
    assert [entry["seq"] for entry in entries] == [1, 2, 3]
    assert [entry["at"] for entry in entries] == [
        "2026-03-01T09:00:01+00:00",
        "2026-03-01T09:00:02+00:00",
        "2026-03-01T09:00:03+00:00",
    ]
    assert entries[0]["prev_hash"] == GENESIS
    assert entries[1]["prev_hash"] == entries[0]["hash"]
    assert entries[2]["prev_hash"] == entries[1]["hash"]
    assert audit.entries() == entries
    assert audit.head() == entries[2]["hash"]


def test_the_hash_covers_every_field_in_canonical_json(audit):
    entry = fill(audit, 1)[0]
    body = {key: value for key, value in entry.items() if key != "hash"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
    assert entry["hash"] == hashlib.sha256(canonical.encode()).hexdigest()
    assert entry_hash(dict(reversed(list(body.items())))) == entry["hash"]
    assert entry_hash({**body, "prev_hash": "f" * 64}) != entry["hash"]


def test_a_log_nobody_touched_verifies(audit):
    fill(audit)
    assert audit.verify().ok
    assert audit.verify(expected_head=audit.head()).ok
    assert audit.verify().entries == 3


def test_an_edited_entry_is_found(audit):
    entries = fill(audit)
    entries[1]["result"] = 999
    rewrite(audit, entries)
    result = audit.verify()
    assert (result.ok, result.first_bad) == (False, 2)


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link(audit):
    entries = fill(audit)
    entries[1]["result"] = 999
    entries[1]["hash"] = entry_hash(entries[1])  # anyone can recompute one hash
    rewrite(audit, entries)
    result = audit.verify()
    assert (result.ok, result.first_bad) == (False, 3)


def test_a_dropped_entry_is_found(audit):
    entries = fill(audit, 4)
    rewrite(audit, [entries[0], entries[2], entries[3]])
    result = audit.verify()
    assert (result.ok, result.first_bad) == (False, 2)


def test_a_dropped_entry_with_the_rest_renumbered_and_rehashed_is_still_found(audit):
    entries = fill(audit, 3)
    moved = dict(entries[2], seq=2)
    moved["hash"] = entry_hash(moved)
    rewrite(audit, [entries[0], moved])
    result = audit.verify()
    assert (result.ok, result.first_bad) == (False, 2)


def test_cutting_the_newest_entries_is_found_only_against_the_published_head(audit):
    entries = fill(audit, 3)
    published = audit.head()
    rewrite(audit, entries[:2])
    assert audit.verify().ok  # a shorter chain is still a chain
    result = audit.verify(expected_head=published)
    assert not result.ok
    assert "head" in result.reason


def test_an_empty_log_verifies(audit):
    assert audit.verify().ok
    assert audit.head() == GENESIS
