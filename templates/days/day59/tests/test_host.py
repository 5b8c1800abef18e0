"""Loading plugins: only valid modules with the right export and allowlisted imports get in."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import wat

from knowledgecloud.plugins import Limits, PluginHost, PluginRejected

RECENCY = Path(__file__).resolve().parents[1] / "plugins" / "recency.wat"


def test_score_runs_the_plugin_and_reports_the_fuel_it_burned(host):
    plugin = host.load(wat.MULTIPLY)
    assert plugin.id == hashlib.sha256(wat.MULTIPLY.encode()).hexdigest()
    run = host.call(plugin, "score", 6, 7)
    assert run.result == 42
    assert 0 < run.fuel_used < 100


def test_the_recency_plugin_scores_and_logs_through_the_allowed_host_function(host):
    plugin = host.load(RECENCY.read_text())
    run = host.call(plugin, "score", 80, 3)
    assert run.result == 2000
    assert run.logged == [2000]


def test_an_import_from_outside_the_allowlist_is_refused_by_name(host):
    with pytest.raises(PluginRejected) as refused:
        host.load(wat.WASI_WRITER)
    assert "wasi_snapshot_preview1.fd_write is not allowed" in str(refused.value)


def test_the_import_module_counts_not_only_the_function_name(host):
    with pytest.raises(PluginRejected) as refused:
        host.load(wat.WRONG_MODULE_SAME_NAME)
    assert "env.log_score is not allowed" in str(refused.value)


def test_a_host_function_the_linker_has_is_still_refused_when_not_allowlisted():
    # This tenant's plan has no logging: the host still defines host.log_score for others,
    # so only the allowlist check stands between the plugin and that function.
    strict = PluginHost(Limits(fuel=10_000, memory_pages=2), allowed_imports=frozenset())
    with pytest.raises(PluginRejected) as refused:
        strict.load(wat.LOGGER)
    assert "host.log_score is not allowed" in str(refused.value)
