"""Which shard holds a user's data.

Sharding splits one table across several databases by a key (here the user id), so each database
holds and serves a part of the users. The function from key to shard must be:

- **stable**: the same user maps to the same shard in every process, on every machine, after
  every restart (so no ``hash()`` of a string: Python salts it per process);
- **balanced**: each shard gets about the same number of users, whatever pattern the ids follow
  (ids handed out in steps, as several id generators do, are a classic trap for ``id % n``);
- **kind to growth**: adding a shard should move only the users the new shard takes over, about
  1/(n+1) of them, not almost everyone.

Rendezvous ("highest random weight") hashing has all three: score every shard with a hash of
(shard, user id) and pick the highest score.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence


# BEGIN SOLUTION
def _score(shard: str, user_id: int) -> int:
    digest = hashlib.blake2b(f"{shard}/{user_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


# END SOLUTION
class ShardRouter:
    def __init__(self, shards: Sequence[str]) -> None:
        if not shards:
            raise ValueError("a shard router needs at least one shard")
        if len(set(shards)) != len(shards):
            raise ValueError("shard names must be unique")
        self.shards = list(shards)

    def shard_for(self, user_id: int) -> str:
        """The name of the shard that holds ``user_id``."""
        # BEGIN SOLUTION
        return max(self.shards, key=lambda shard: _score(shard, user_id))
        # STARTER: raise NotImplementedError("TODO(day29): a stable, balanced choice of shard")
        # END SOLUTION
