import os
from dataclasses import dataclass
from typing import Any

import fakeredis
import pytest


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs the compose.yaml Redis; set BEC_LIVE=1 to run")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


class FakeClock:
    """A clock the test moves by hand: no sleeping, no flaky timing."""

    def __init__(self, start: float = 1_000_000.0) -> None:
        self.t = start

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@dataclass
class Call:
    name: str  # the Redis command, e.g. "EVALSHA", or "MULTI" / "PIPELINE" for a batch
    args: tuple[Any, ...]  # its arguments; for a batch, the command names inside it
    result: Any = None


class RecordingRedis(fakeredis.FakeRedis):
    """A fakeredis client that records every command it sends, with its reply.

    Pipelines are recorded as one call ("MULTI" when transactional, else "PIPELINE") whose args
    are the names of the commands they carried. `interleave(n, hook)` runs `hook` once, right
    after the n-th command this client completes from then on: the way to force another client's
    work in between, say, a read and a write.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calls: list[Call] = []
        self._countdown = 0
        self._hook = None

    def names(self) -> list[str]:
        return [call.name for call in self.calls]

    def interleave(self, after_commands: int, hook: Any) -> None:
        self._countdown, self._hook = after_commands, hook

    def _recorded(self, call: Call) -> None:
        self.calls.append(call)
        if self._hook is None:
            return
        self._countdown -= 1
        if self._countdown <= 0:
            hook, self._hook = self._hook, None
            hook()

    def execute_command(self, *args: Any, **options: Any) -> Any:
        result = super().execute_command(*args, **options)
        self._recorded(Call(str(args[0]).upper(), tuple(args[1:]), result))
        return result

    def pipeline(self, transaction: bool = True, shard_hint: Any = None) -> Any:
        pipe = super().pipeline(transaction, shard_hint)
        original = pipe.execute

        def execute(raise_on_error: bool = True) -> Any:
            names = tuple(str(command[0][0]).upper() for command in pipe.command_stack)
            result = original(raise_on_error)
            self._recorded(Call("MULTI" if transaction else "PIPELINE", names, result))
            return result

        pipe.execute = execute
        return pipe


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def server():
    """One in-memory Redis server; several clients may connect to it."""
    return fakeredis.FakeServer()


@pytest.fixture
def connect(server):
    """Opens another recording client on the same server (another app server, say)."""
    return lambda: RecordingRedis(server=server, decode_responses=True)


@pytest.fixture
def r(connect):
    return connect()
