from decimal import Decimal

import pytest

from fakellm import ToolCall
from shop.budget import Budget, BudgetExceeded
from shop.pricing import cost

# gpt-4o-mini: $0.15 per million prompt tokens, $0.60 per million completion tokens.
# 1000 prompt + 300 completion = $0.000150 + $0.000180 = $0.000330.
EXACT = Decimal("0.000330")


def test_a_call_that_lands_exactly_on_the_budget_fits():
    budget = Budget(max_tokens=1300, max_cost=EXACT)
    budget.check("gpt-4o-mini", 1000, 300)  # does not raise


@pytest.mark.parametrize(
    ("max_tokens", "max_cost"), [(1299, EXACT), (1300, EXACT - Decimal("0.000001"))]
)
def test_a_call_one_token_or_cent_past_the_budget_is_refused(max_tokens, max_cost):
    budget = Budget(max_tokens=max_tokens, max_cost=max_cost)
    with pytest.raises(BudgetExceeded):
        budget.check("gpt-4o-mini", 1000, 300)


def test_the_check_counts_what_was_already_spent():
    budget = Budget(max_tokens=10_000, max_cost=Decimal("0.001"))
    budget.charge("gpt-4o-mini", 3000, 500)  # $0.00045 + $0.0003 = $0.00075
    assert budget.remaining_cost == Decimal("0.00025")
    with pytest.raises(BudgetExceeded):
        budget.check("gpt-4o-mini", 1000, 300)
    budget.check("gpt-4o-mini", 100, 300)  # $0.000015 + $0.00018 fits


def test_charge_adds_the_recorded_usage_in_decimal():
    budget = Budget(max_tokens=10_000, max_cost=Decimal("1"))
    assert budget.charge("gpt-4o", 1000, 200) == Decimal("0.0045")
    budget.charge("gpt-4o", 1000, 200)
    assert budget.spent_cost == Decimal("0.0090")
    assert isinstance(budget.spent_cost, Decimal)
    assert budget.spent_tokens == 2400


def test_agent_never_spends_past_its_budget(make_agent, llm, events):
    # A model that never stops asking for tools: only the budget can end this run.
    llm.default = ToolCall("lookup_order", {"order_id": 8})
    agent = make_agent(max_cost="0.0012", max_iterations=100)

    result = agent.run("Where is order 8?")

    assert result.stop_reason == "budget"
    budget = agent.budget
    assert budget.spent_cost <= Decimal("0.0012")
    calls = [e for e in events() if e["type"] == "llm_call"]
    assert len(llm.calls) == len(calls) == result.iterations >= 3
    assert sum(Decimal(e["cost"]) for e in calls) == budget.spent_cost
    # It did not stop early either: the next call's worst case really did not fit.
    last_prompt = calls[-1]["prompt_tokens"]
    assert budget.remaining_cost < cost("gpt-4o-mini", last_prompt, agent.max_output_tokens)
    stop = events()[-1]
    assert (stop["type"], stop["reason"]) == ("stop", "budget")
    assert Decimal(stop["spent_cost"]) == budget.spent_cost


def test_token_budget_stops_the_run_before_the_call(make_agent, llm):
    llm.default = "Order 8 has shipped."
    agent = make_agent(max_tokens=200)  # less than one prompt plus max_tokens

    result = agent.run("Where is order 8?")

    assert result.stop_reason == "budget"
    assert llm.calls == []
    assert agent.budget.spent_tokens == 0


def test_run_stops_after_max_iterations(make_agent, llm, events, metrics):
    llm.default = ToolCall("lookup_order", {"order_id": 8})
    agent = make_agent(max_iterations=3)

    result = agent.run("Where is order 8?")

    assert result.stop_reason == "iterations"
    assert result.iterations == 3
    assert len(llm.calls) == 3
    assert events()[-1]["iterations"] == 3
    assert metrics.value("agent_runs_total", stop_reason="iterations") == 1
