"""Users spread over shards: stable everywhere, balanced, and little movement when one is added."""

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from shop.shards import ShardRouter

SHARDS = ["shard-a", "shard-b", "shard-c", "shard-d"]
TOLERANCE = 0.10  # every shard within 10 % of a perfectly even share


def assert_balanced(router: ShardRouter, user_ids: list[int]) -> None:
    counts = Counter(router.shard_for(user_id) for user_id in user_ids)
    even = len(user_ids) / len(router.shards)
    for shard in router.shards:
        assert abs(counts[shard] - even) <= TOLERANCE * even, (
            f"{shard} holds {counts[shard]} users, an even share is {even:.0f}: {dict(counts)}"
        )


def test_sequential_user_ids_are_balanced():
    assert_balanced(ShardRouter(SHARDS), list(range(1, 20_001)))


def test_user_ids_handed_out_in_steps_are_balanced():
    # Ids from several generators each taking every fourth number: a classic trap for id % n.
    assert_balanced(ShardRouter(SHARDS), list(range(4, 80_001, 4)))


@pytest.mark.parametrize("seed", ["1", "2"])
def test_a_user_maps_to_the_same_shard_in_every_process(seed):
    user_ids = list(range(1, 301))
    here = [ShardRouter(SHARDS).shard_for(user_id) for user_id in user_ids]
    program = (
        "from shop.shards import ShardRouter\n"
        f"r = ShardRouter({SHARDS!r})\n"
        f"print(','.join(r.shard_for(i) for i in {user_ids!r}))\n"
    )
    day = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(day)}
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, cwd=day
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().split(",") == here, (
        "another process put users on other shards: is the hash salted per process?"
    )


def test_adding_a_shard_moves_only_its_fair_share():
    user_ids = list(range(1, 20_001))
    before = ShardRouter(SHARDS)
    after = ShardRouter([*SHARDS, "shard-e"])

    moved = [u for u in user_ids if before.shard_for(u) != after.shard_for(u)]

    assert len(moved) <= 0.25 * len(user_ids), (
        f"{len(moved)} of {len(user_ids)} users moved; about 1/5 should"
    )
    assert {after.shard_for(u) for u in moved} <= {"shard-e"}, "users moved between old shards"
