"""The plugin host: compile once, check before trusting, run each call in a fresh sandbox.

The limits are the host's, never the plugin's:
- fuel: wasmtime counts instructions and traps when a call's budget is spent, so an endless
  loop costs a bounded amount of CPU and no thread is ever stuck;
- memory: the store refuses to give an instance more pages than the limit, both at start (a
  module declaring more is refused) and later (`memory.grow` answers -1);
- imports: a module may import only the host functions on the allowlist; anything else (files,
  sockets, the clock through WASI) is refused before the module ever runs;
- isolation: every call gets a new store and instance, so no state and no fuel carry over from
  one call (or one tenant) to the next.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from wasmtime import (
    Config,
    Engine,
    Func,
    FuncType,
    Linker,
    Module,
    Store,
    Trap,
    TrapCode,
    ValType,
    WasmtimeError,
)

from .errors import PluginCrashed, PluginOutOfFuel, PluginRejected

WASM_PAGE = 65536
# (module, name) of every host function a plugin may import.
ALLOWED_IMPORTS = frozenset({("host", "log_score")})


@dataclass(frozen=True)
class Limits:
    fuel: int = 1_000_000  # instructions, roughly, per call
    memory_pages: int = 16  # 1 MiB


@dataclass(frozen=True)
class Plugin:
    """A compiled module that passed the checks. `id` is the sha256 of its source."""

    id: str
    module: Module
    exports: tuple[str, ...]


@dataclass
class Run:
    """What one call returned, how much fuel it burned, and what it logged through the host."""

    result: int
    fuel_used: int
    logged: list[int] = field(default_factory=list)


class PluginHost:
    def __init__(
        self,
        limits: Limits | None = None,
        allowed_imports: frozenset[tuple[str, str]] = ALLOWED_IMPORTS,
    ) -> None:
        self.limits = limits or Limits()
        self.allowed_imports = allowed_imports
        config = Config()
        # BEGIN SOLUTION
        config.consume_fuel = True
        # END SOLUTION
        self.engine = Engine(config)

    def load(self, source: str | bytes) -> Plugin:
        """Compile a module (WAT text or Wasm bytes) and refuse it unless it is safe to run:
        valid, importing only allowlisted host functions, exporting `score(i32, i32) -> i32`,
        and able to start within the limits."""
        raw = source.encode() if isinstance(source, str) else source
        try:
            module = Module(self.engine, source)
        except WasmtimeError as err:
            first_line = str(err).strip().splitlines()[0]
            raise PluginRejected(f"not a valid WebAssembly module: {first_line}") from None

        # BEGIN SOLUTION
        for wanted in module.imports:
            if (wanted.module, wanted.name) not in self.allowed_imports or not isinstance(
                wanted.type, FuncType
            ):
                raise PluginRejected(
                    f"import {wanted.module}.{wanted.name} is not allowed; plugins may import "
                    f"only {', '.join(sorted(f'{m}.{n}' for m, n in self.allowed_imports))}"
                )
        # STARTER: # TODO(day59): refuse every import that is not on self.allowed_imports
        # END SOLUTION

        exports = {export.name: export.type for export in module.exports}
        score = exports.get("score")
        if not isinstance(score, FuncType) or (
            [str(t) for t in score.params],
            [str(t) for t in score.results],
        ) != (["i32", "i32"], ["i32"]):
            raise PluginRejected("a plugin must export `score(i32, i32) -> i32`")

        plugin = Plugin(hashlib.sha256(raw).hexdigest(), module, tuple(sorted(exports)))
        # Instantiate once now, under the same limits as a call, so a module that cannot even
        # start (too much memory, a start function that never ends) is refused at upload.
        self._instantiate(plugin, [])
        return plugin

    def call(self, plugin: Plugin, function: str, *args: int) -> Run:
        """Run one exported function in a fresh, limited instance."""
        logged: list[int] = []
        store, instance = self._instantiate(plugin, logged)
        target = instance.exports(store).get(function)
        if not isinstance(target, Func):
            raise PluginRejected(f"the plugin exports no function named {function!r}")
        try:
            result = target(store, *args)
        # BEGIN SOLUTION
        except Trap as trap:
            if trap.trap_code == TrapCode.OUT_OF_FUEL:
                raise PluginOutOfFuel(
                    f"{function} used all of its {self.limits.fuel} fuel and was stopped"
                ) from None
            raise PluginCrashed(f"{function} trapped: {trap.trap_code}") from None
        # STARTER: except Trap as trap:
        # STARTER:     raise NotImplementedError("TODO(day59): out of fuel vs crashed") from trap
        # END SOLUTION
        return Run(int(result), self._fuel_used(store), logged)

    def _fuel_used(self, store: Store) -> int:
        # BEGIN SOLUTION
        return self.limits.fuel - store.get_fuel()
        # STARTER: raise NotImplementedError("TODO(day59): fuel given minus fuel left")
        # END SOLUTION

    def _instantiate(self, plugin: Plugin, logged: list[int]):
        store = Store(self.engine)
        # BEGIN SOLUTION
        store.set_fuel(self.limits.fuel)
        store.set_limits(memory_size=self.limits.memory_pages * WASM_PAGE)
        # STARTER: # TODO(day59): give this store its fuel and its memory limit
        # END SOLUTION
        linker = Linker(self.engine)
        log_type = FuncType([ValType.i32()], [])
        linker.define_func("host", "log_score", log_type, logged.append)
        try:
            instance = linker.instantiate(store, plugin.module)
        except Trap as trap:
            raise PluginRejected(f"the module's start function trapped: {trap.trap_code}") from None
        except WasmtimeError as err:
            first_line = str(err).strip().splitlines()[0]
            raise PluginRejected(
                f"the module cannot start within the limits: {first_line}"
            ) from None
        return store, instance
