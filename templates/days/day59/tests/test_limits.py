"""Running plugins: fuel, memory and isolation are the host's, never the plugin's."""

from __future__ import annotations

import pytest
import wat
from conftest import FUEL, PAGES

from knowledgecloud.plugins import PluginCrashed, PluginOutOfFuel, PluginRejected


def test_too_much_work_runs_out_of_fuel_and_so_does_an_endless_loop(host):
    # 1000 * 1000 countdown steps need about 8 million fuel; the budget is 200,000.
    with pytest.raises(PluginOutOfFuel, match="fuel"):
        host.call(host.load(wat.LONG_LOOP), "score", 1000, 1)
    # Only a metered host gets here: without fuel the next call would never return.
    with pytest.raises(PluginOutOfFuel):
        host.call(host.load(wat.ENDLESS_LOOP), "score", 1, 2)


def test_fuel_is_a_budget_per_call_not_per_plugin(host):
    plugin = host.load(wat.LONG_LOOP)
    first = host.call(plugin, "score", 15, 1)  # about 60% of the budget
    second = host.call(plugin, "score", 15, 2)
    assert (first.result, second.result) == (1, 2)
    assert first.fuel_used == second.fuel_used
    assert FUEL // 2 < first.fuel_used < FUEL


def test_every_call_starts_from_a_fresh_instance(host):
    plugin = host.load(wat.COUNTER)
    assert [host.call(plugin, "score", 0, 0).result for _ in range(3)] == [1, 1, 1]


def test_memory_cannot_grow_past_the_limit(host):
    plugin = host.load(wat.GROWER)  # starts with 1 page; the limit is 4
    assert host.call(plugin, "score", PAGES - 1, 0).result == 1  # grown to the limit: allowed
    assert host.call(plugin, "score", PAGES, 0).result == -1  # one page more: refused


def test_a_module_declaring_more_memory_than_the_limit_is_refused_at_load(host):
    with pytest.raises(PluginRejected, match="limits"):
        host.load(wat.BIG_MEMORY)


def test_a_trap_that_is_not_about_fuel_is_a_crash(host):
    with pytest.raises(PluginCrashed):
        host.call(host.load(wat.DIVIDES_BY_ZERO), "score", 1, 0)
