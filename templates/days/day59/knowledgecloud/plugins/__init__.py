"""Tenant-supplied WebAssembly ranking plugins, run under hard limits and audited.

A tenant uploads a small Wasm module exporting `score(relevance, age_days) -> i32`; search
calls it to rank that tenant's results. The module is untrusted code: it gets a fixed amount of
fuel (instructions) per call, a capped memory, only the host functions on an allowlist, and a
fresh instance for every call. Every run, successful or not, lands in a hash-chained audit log.
"""

from .audit import GENESIS, AuditLog, Verification, entry_hash
from .errors import PluginCrashed, PluginError, PluginOutOfFuel, PluginRejected
from .host import ALLOWED_IMPORTS, Limits, Plugin, PluginHost, Run

__all__ = [
    "ALLOWED_IMPORTS",
    "GENESIS",
    "AuditLog",
    "Limits",
    "Plugin",
    "PluginCrashed",
    "PluginError",
    "PluginHost",
    "PluginOutOfFuel",
    "PluginRejected",
    "Run",
    "Verification",
    "entry_hash",
]
